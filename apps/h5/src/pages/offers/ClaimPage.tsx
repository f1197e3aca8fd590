import { Link, useParams } from 'react-router-dom';
import { fanApi } from '../../api.ts';
import { ErrorState, Loading, Message } from '../../components/PageState.tsx';
import { idFromPath, useAccountId } from '../../hooks/use-account-id.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useResource } from '../../hooks/use-resource.ts';
import { text } from '../../text.ts';
import { OfferTicket } from './OfferTicket.tsx';
import { unavailableLabel, useTakeOffer } from './use-take-offer.tsx';

/** The claim link put in menus, news and broadcasts: one offer and 立即领取. */
export function ClaimPage() {
  const accountId = useAccountId();
  const templateId = idFromPath(useParams().templateId);
  useDocumentTitle(text.titles.claim);
  const offers = useResource((signal) => fanApi.offers(accountId, signal), [accountId]);
  const { take, busyId, dialog } = useTakeOffer(accountId);

  if (!offers.data) return offers.error ? <ErrorState error={offers.error} onRetry={offers.reload} /> : <Loading />;
  const offer = offers.data.find((candidate) => candidate.templateId === templateId);
  if (!offer) {
    return (
      <Message icon="info" title={text.offers.claimGone}>
        <Link className="btn btn-default" to={`/${accountId}/member`}>
          {text.titles.member}
        </Link>
      </Message>
    );
  }

  const unavailable = unavailableLabel(offer);
  return (
    <main className="page">
      <ul className="tickets">
        <li>
          <OfferTicket offer={offer} />
        </li>
      </ul>
      <div className="button-area">
        <button type="button" className="btn btn-primary btn-block" onClick={() => take(offer)} disabled={busyId !== null || unavailable !== null} data-testid="claim-coupon">
          {unavailable ?? text.offers.claimNow}
        </button>
      </div>
      {offer.description.trim() && (
        <section className="notice">
          <h2 className="notice-title">{text.coupons.description}</h2>
          <p className="notice-text">{offer.description}</p>
        </section>
      )}
      <div className="link-area">
        <Link className="btn-link" to={`/${accountId}/coupons`}>
          {text.member.myCoupons}
        </Link>
      </div>
      {dialog}
    </main>
  );
}
