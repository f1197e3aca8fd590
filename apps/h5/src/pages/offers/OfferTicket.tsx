import type { FanOffer } from '@zhanggui/shared';
import { text } from '../../text.ts';
import { Ticket } from '../coupons/Ticket.tsx';
import { Validity } from '../coupons/Validity.tsx';
import { unavailableLabel } from './use-take-offer.tsx';

interface OfferTicketProps {
  offer: FanOffer;
  /** Without it the ticket has no button (the claim page has its own, bigger one). */
  onTake?: (offer: FanOffer) => void;
  busy?: boolean;
}

/** An offer drawn as a coupon, with its price, what is left and the button that takes it. */
export function OfferTicket({ offer, onTake, busy = false }: OfferTicketProps) {
  const unavailable = unavailableLabel(offer);
  return (
    <Ticket color={offer.color} title={offer.title}>
      <span className="ticket-name">{offer.name}</span>
      <span className="ticket-meta">
        {offer.validity.type === 'fixed' ? <Validity from={offer.validity.from} to={offer.validity.to} /> : text.offers.validityRelative(offer.validity.days)}
      </span>
      <span className="ticket-foot">
        <span className="offer-price-block">
          <span className={offer.pointsPrice ? 'offer-price' : 'offer-price offer-free'}>
            {offer.pointsPrice ? text.offers.price(offer.pointsPrice) : text.offers.free}
          </span>
          <span className="ticket-meta">{offer.remaining === null ? text.offers.unlimited : text.offers.remaining(offer.remaining)}</span>
        </span>
        {onTake && (
          <button
            type="button"
            className="btn btn-mini btn-primary"
            onClick={() => onTake(offer)}
            disabled={busy || unavailable !== null}
            data-testid={`offer-${offer.templateId}`}
          >
            {unavailable ?? (offer.pointsPrice ? text.offers.exchange : text.offers.claim)}
          </button>
        )}
      </span>
    </Ticket>
  );
}
