import { Link } from 'react-router-dom';
import { fanApi } from '../../api.ts';
import { Cell, CellGroup } from '../../components/Cells.tsx';
import { Empty, ErrorState, Loading } from '../../components/PageState.tsx';
import { useAccountId } from '../../hooks/use-account-id.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useResource } from '../../hooks/use-resource.ts';
import { text } from '../../text.ts';
import { OfferTicket } from './OfferTicket.tsx';
import { useTakeOffer } from './use-take-offer.tsx';

/** 积分兑换: coupons for points and free ones to claim, with the fan's balance on top. */
export function OffersPage() {
  const accountId = useAccountId();
  useDocumentTitle(text.titles.offers);
  const page = useResource(
    async (signal) => {
      const [offers, home] = await Promise.all([fanApi.offers(accountId, signal), fanApi.home(accountId, signal)]);
      return { offers, home };
    },
    [accountId],
  );
  const { take, busyId, dialog } = useTakeOffer(accountId);

  if (!page.data) return page.error ? <ErrorState error={page.error} onRetry={page.reload} /> : <Loading />;
  const { offers, home } = page.data;

  return (
    <main className="page">
      {home.member ? (
        <CellGroup>
          <Cell label={text.offers.myPoints} value={<span data-testid="points-balance">{home.member.points}</span>} />
        </CellGroup>
      ) : (
        home.program && (
          <p className="banner">
            {text.offers.needCard}
            <Link className="btn-link" to={`/${accountId}/member`}>
              {text.member.claimCard}
            </Link>
          </p>
        )
      )}
      {offers.length === 0 ? (
        <Empty label={text.offers.empty} />
      ) : (
        <ul className="tickets">
          {offers.map((offer) => (
            <li key={offer.templateId}>
              <OfferTicket offer={offer} busy={busyId === offer.templateId} onTake={take} />
            </li>
          ))}
        </ul>
      )}
      {dialog}
    </main>
  );
}
