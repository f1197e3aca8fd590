import { z } from 'zod';
import { said } from '../../platform/http/validation-messages.ts';

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, said('colorFormat'));
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, said('dateFormat')).refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), said('dateFormat'));
const points = z.number().int().min(0).max(1_000_000);

export const programInput = z
  .object({
    enabled: z.boolean(),
    cardName: z.string().trim().min(1).max(20),
    color,
    memberNoPrefix: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{0,6}$/),
    memberNoDigits: z.number().int().min(6).max(12),
    notice: z.string().max(1000).default(''),
    levels: z
      .array(
        z.object({
          id: z.number().int().positive().optional(),
          name: z.string().trim().min(1).max(12),
          threshold: points,
          payPercent: z.number().int().min(10).max(99).nullable(),
          benefits: z.string().max(200).default(''),
        }),
      )
      .min(1)
      .max(10),
    points: z.object({
      checkin: points,
      streak: z.array(z.object({ days: z.number().int().min(2).max(365), points })).max(10),
      perYuan: z.number().int().min(0).max(100),
      welcome: points,
    }),
    cardKeyword: z.string().trim().max(20).default(''),
    checkinKeyword: z.string().trim().max(20).default(''),
  })
  .superRefine((program, ctx) => {
    const sorted = [...program.levels].sort((a, b) => a.threshold - b.threshold);
    if (sorted[0]!.threshold !== 0) ctx.addIssue({ code: 'custom', path: ['levels', program.levels.indexOf(sorted[0]!), 'threshold'], message: said('firstLevelAtZero') });
    const seen = new Set<number>();
    program.levels.forEach((level, i) => {
      if (seen.has(level.threshold)) ctx.addIssue({ code: 'custom', path: ['levels', i, 'threshold'], message: said('levelThresholdTwice') });
      seen.add(level.threshold);
    });
    const days = new Set<number>();
    program.points.streak.forEach((bonus, i) => {
      if (days.has(bonus.days)) ctx.addIssue({ code: 'custom', path: ['points', 'streak', i, 'days'], message: said('streakDaysTwice') });
      days.add(bonus.days);
    });
  });
export type ProgramInputParsed = z.infer<typeof programInput>;

const fen = z.number().int().min(0).max(100_000_000);

export const couponTemplateInput = z
  .object({
    name: z.string().trim().min(1).max(30),
    kind: z.enum(['percent', 'amount', 'gift']),
    payPercent: z.number().int().min(10).max(99).nullish(),
    amountOffFen: z.number().int().min(1).max(100_000_000).nullish(),
    gift: z.string().trim().max(30).nullish(),
    minSpendFen: fen.default(0),
    description: z.string().max(500).default(''),
    color: color.default('#E8553F'),
    stock: z.number().int().min(0).max(100_000_000).nullable().default(null),
    perFanLimit: z.number().int().min(1).max(100).default(1),
    validity: z.discriminatedUnion('type', [
      z.object({ type: z.literal('fixed'), from: day, to: day }),
      z.object({ type: z.literal('relative'), days: z.number().int().min(1).max(3650) }),
    ]),
    pointsPrice: z.number().int().min(1).max(10_000_000).nullable().default(null),
    claimable: z.boolean().default(false),
    enabled: z.boolean().default(true),
  })
  .superRefine((t, ctx) => {
    const value = t.kind === 'percent' ? t.payPercent : t.kind === 'amount' ? t.amountOffFen : t.gift;
    if (value === null || value === undefined || value === '') {
      ctx.addIssue({ code: 'custom', path: [t.kind === 'percent' ? 'payPercent' : t.kind === 'amount' ? 'amountOffFen' : 'gift'], message: said('couponValueNeeded', t.kind) });
    }
    if (t.kind === 'amount' && t.amountOffFen && t.minSpendFen > 0 && t.amountOffFen >= t.minSpendFen) {
      ctx.addIssue({ code: 'custom', path: ['amountOffFen'], message: said('amountOverMinSpend') });
    }
    if (t.validity.type === 'fixed' && t.validity.to < t.validity.from) ctx.addIssue({ code: 'custom', path: ['validity', 'to'], message: said('validityOrder') });
  })
  .transform((t) => ({
    ...t,
    payPercent: t.kind === 'percent' ? t.payPercent! : null,
    amountOffFen: t.kind === 'amount' ? t.amountOffFen! : null,
    gift: t.kind === 'gift' ? t.gift! : null,
    minSpendFen: t.kind === 'gift' ? 0 : t.minSpendFen,
  }));
export type CouponTemplateParsed = z.infer<typeof couponTemplateInput>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);

export function profileInput(today: string) {
  return z.object({
    name: optionalText(20),
    phone: z
      .string()
      .trim()
      .nullish()
      .transform((value) => value || null)
      .refine((value) => value === null || /^1[3-9]\d{9}$/.test(value), said('phoneFormat')),
    gender: z.enum(['male', 'female']).nullish().transform((value) => value ?? null),
    birthday: day
      .nullish()
      .transform((value) => value ?? null)
      .refine((value) => value === null || value <= today, said('birthdayFuture')),
    region: optionalText(40),
  });
}

export const pointsAdjustInput = z.object({
  delta: z.number().int().min(-1_000_000).max(1_000_000).refine((value) => value !== 0),
  reason: z.string().trim().min(1).max(200),
});

export const orderPointsInput = z.object({
  amountFen: z.number().int().min(1).max(100_000_000),
  ref: z.string().trim().max(64).optional(),
});

/** Codes are typed at the till: spaces, dashes and case do not matter. */
export const normalizeCode = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

export const redeemInput = z.object({
  code: z.string().max(64).transform(normalizeCode),
  orderAmountFen: fen.nullish().transform((value) => value ?? null),
});

export const staffInput = z.object({
  username: z.string().trim().toLowerCase().min(3).max(40).regex(/^[a-z0-9_.@-]+$/),
  displayName: z.string().trim().min(1).max(40),
  password: z.string().min(10).max(200).optional(),
});
