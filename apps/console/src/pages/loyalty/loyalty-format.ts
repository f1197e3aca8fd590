// How card and coupon values read: discounts in 折 (or "% off" in English), money in yuan, codes in groups.
import type { CouponKind, CouponStatus } from '@zhanggui/shared';
import type { Language } from '../../i18n/i18n.tsx';

/** 1999 → "19.99", 2000 → "20": amounts as people write them in a coupon's title. */
export function yuanText(fen: number): string {
  return String(Math.round(fen) / 100);
}

/** A percentage paid as the discount: 95 → "9.5折" / "5% off"; 100 or null → "" (no discount). */
export function discountText(payPercent: number | null | undefined, language: Language): string {
  if (payPercent === null || payPercent === undefined || payPercent >= 100) return '';
  return language === 'zh-CN' ? `${payPercent / 10}折` : `${100 - payPercent}% off`;
}

/** The 折 an operator types ↔ the percentage paid the API takes (9.5 ↔ 95). */
export const zheToPercent = (zhe: number | null | undefined): number | null => (zhe === null || zhe === undefined ? null : Math.round(zhe * 10));
export const percentToZhe = (percent: number | null | undefined): number | null => (percent === null || percent === undefined ? null : percent / 10);

/** What a coupon is worth in a few words, as the server titles it ("满100减20", "8.5折", "赠 拿铁一杯"). */
export function couponTitle(
  coupon: { kind: CouponKind; payPercent?: number | null; amountOffFen?: number | null; minSpendFen?: number | null; gift?: string | null },
  language: Language,
): string {
  const zh = language === 'zh-CN';
  const minSpend = coupon.minSpendFen ?? 0;
  switch (coupon.kind) {
    case 'percent': {
      const discount = discountText(coupon.payPercent, language);
      if (!discount) return '';
      if (!minSpend) return discount;
      return zh ? `满${yuanText(minSpend)}享${discount}` : `${discount} over ¥${yuanText(minSpend)}`;
    }
    case 'amount': {
      const off = coupon.amountOffFen ?? 0;
      if (!off) return '';
      if (minSpend) return zh ? `满${yuanText(minSpend)}减${yuanText(off)}` : `¥${yuanText(off)} off over ¥${yuanText(minSpend)}`;
      return zh ? `立减${yuanText(off)}元` : `¥${yuanText(off)} off`;
    }
    case 'gift':
      return coupon.gift?.trim() ? (zh ? `赠 ${coupon.gift.trim()}` : `Free: ${coupon.gift.trim()}`) : '';
  }
}

/** A member number as the card shows it: the prefix, then a sequence zero-padded to `digits`. */
export function sampleMemberNo(prefix: string | undefined, digits: number | null | undefined): string {
  const width = Math.min(12, Math.max(6, digits ?? 8));
  return `${(prefix ?? '').toUpperCase()}${'1234'.padStart(width, '0')}`;
}

/** 16 characters in groups of four, as printed on the coupon. */
export function groupedCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}

export const COUPON_STATUS_COLOURS: Record<CouponStatus, string> = {
  active: 'green',
  pending: 'blue',
  redeemed: 'default',
  void: 'red',
  expired: 'orange',
};

/** Readable text on a card colour: dark on light colours, white on the rest. */
export function textOnColour(hex: string | undefined): string {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex ?? '');
  if (!match?.[1]) return '#fff';
  const value = parseInt(match[1], 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 186 ? '#1f2329' : '#fff';
}

/** WeChat's own card colours, offered first in the colour pickers. */
export const CARD_COLOURS = ['#63b359', '#2c9f67', '#509fc9', '#5885cf', '#9062c0', '#d09a45', '#e4b138', '#ee903c', '#dd6549', '#cc463d', '#5e6671', '#1f2329'];
