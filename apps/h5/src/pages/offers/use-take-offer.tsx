import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import type { FanOffer } from '@zhanggui/shared';
import { fanApi } from '../../api.ts';
import { errorMessage } from '../../api-error.ts';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { useToast } from '../../components/Toast.tsx';
import { text } from '../../text.ts';

interface TakeOffer {
  /** Claims a free offer at once; asks first when it costs points. */
  take: (offer: FanOffer) => void;
  /** The offer being claimed (its button shows busy). */
  busyId: number | null;
  /** The confirm dialog, to render once on the page. */
  dialog: ReactNode;
}

/** Claiming or exchanging an offer, then opening the new coupon. Refusals (积分不足, 已领完 …) come back as a toast. */
export function useTakeOffer(accountId: number): TakeOffer {
  const toast = useToast();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState<FanOffer | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  const submit = async (offer: FanOffer) => {
    setBusyId(offer.templateId);
    try {
      const coupon = await fanApi.takeOffer(accountId, offer.templateId);
      setConfirming(null);
      toast.show(text.offers.done, 'success');
      navigate(`/${accountId}/coupons/${coupon.id}`);
    } catch (error) {
      setConfirming(null);
      toast.show(errorMessage(error));
    } finally {
      setBusyId(null);
    }
  };

  const take = (offer: FanOffer) => {
    if (busyId !== null) return;
    if (offer.pointsPrice) setConfirming(offer);
    else void submit(offer);
  };

  const dialog = (
    <ConfirmDialog
      open={confirming !== null}
      title={text.offers.confirmTitle}
      body={confirming ? text.offers.confirmBody(confirming.pointsPrice ?? 0, confirming.title) : ''}
      confirmLabel={text.offers.confirmAction}
      busy={busyId !== null}
      onConfirm={() => confirming && void submit(confirming)}
      onCancel={() => setConfirming(null)}
    />
  );
  return { take, busyId, dialog };
}

/** Why an offer's button is off, or null when it can be taken. */
export function unavailableLabel(offer: FanOffer): string | null {
  if (offer.remaining !== null && offer.remaining <= 0) return text.offers.soldOut;
  if (offer.left <= 0) return text.offers.limitReached;
  return null;
}
