import dayjs, { type Dayjs } from 'dayjs';
import type { CouponKind, CouponTemplateInput, CouponTemplateView } from '@zhanggui/shared';
import { fenToYuan, yuanToFen } from '../../products/price.ts';
import { percentToZhe, zheToPercent } from '../loyalty-format.ts';

/**
 * The template as the form holds it: money in yuan and discounts in 折, under the API's field names so the
 * server's refusals mark the right inputs. The fixed validity's two dates are one range picker.
 */
export interface TemplateValues {
  name: string;
  kind: CouponKind;
  payPercent: number | null;
  amountOffFen: number | null;
  gift: string;
  minSpendFen: number | null;
  description: string;
  color: string;
  stock: number | null;
  perFanLimit: number | null;
  validity: { type: 'fixed' | 'relative'; days: number | null };
  validityRange: [Dayjs, Dayjs] | null;
  pointsPrice: number | null;
  claimable: boolean;
  enabled: boolean;
}

export function newTemplateValues(): TemplateValues {
  return {
    name: '',
    kind: 'amount',
    payPercent: null,
    amountOffFen: null,
    gift: '',
    minSpendFen: null,
    description: '',
    color: '#ee903c',
    stock: null,
    perFanLimit: 1,
    validity: { type: 'relative', days: 30 },
    validityRange: null,
    pointsPrice: null,
    claimable: false,
    enabled: true,
  };
}

export function templateValues(template: CouponTemplateView): TemplateValues {
  const validity = template.validity;
  return {
    name: template.name,
    kind: template.kind,
    payPercent: percentToZhe(template.payPercent),
    amountOffFen: template.amountOffFen === null ? null : fenToYuan(template.amountOffFen),
    gift: template.gift ?? '',
    minSpendFen: template.minSpendFen ? fenToYuan(template.minSpendFen) : null,
    description: template.description,
    color: template.color,
    stock: template.stock,
    perFanLimit: template.perFanLimit,
    validity: validity.type === 'relative' ? { type: 'relative', days: validity.days } : { type: 'fixed', days: 30 },
    validityRange: validity.type === 'fixed' ? [dayjs(validity.from), dayjs(validity.to)] : null,
    pointsPrice: template.pointsPrice,
    claimable: template.claimable,
    enabled: template.enabled,
  };
}

export function templateInput(values: TemplateValues): CouponTemplateInput {
  const kind = values.kind;
  const range = values.validityRange;
  return {
    name: values.name.trim(),
    kind,
    payPercent: kind === 'percent' ? zheToPercent(values.payPercent) : null,
    amountOffFen: kind === 'amount' && values.amountOffFen !== null ? yuanToFen(values.amountOffFen) : null,
    gift: kind === 'gift' ? values.gift.trim() : null,
    // A gift has no minimum spend.
    minSpendFen: kind === 'gift' || !values.minSpendFen ? 0 : yuanToFen(values.minSpendFen),
    description: (values.description ?? '').trim(),
    color: values.color,
    stock: values.stock ?? null,
    perFanLimit: values.perFanLimit ?? 1,
    validity:
      values.validity.type === 'fixed' && range
        ? { type: 'fixed', from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') }
        : { type: 'relative', days: values.validity.days ?? 30 },
    pointsPrice: values.pointsPrice ?? null,
    claimable: values.claimable,
    enabled: values.enabled,
  };
}

/** What a template's PUT takes back (the enabled switch in the table sends the rest unchanged). */
export function inputOfTemplate(template: CouponTemplateView): CouponTemplateInput {
  return {
    name: template.name,
    kind: template.kind,
    payPercent: template.payPercent,
    amountOffFen: template.amountOffFen,
    gift: template.gift,
    minSpendFen: template.minSpendFen,
    description: template.description,
    color: template.color,
    stock: template.stock,
    perFanLimit: template.perFanLimit,
    validity: template.validity,
    pointsPrice: template.pointsPrice,
    claimable: template.claimable,
    enabled: template.enabled,
  };
}
