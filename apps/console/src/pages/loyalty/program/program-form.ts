import type { ProgramInput, ProgramView, StreakBonus } from '@zhanggui/shared';
import { percentToZhe, zheToPercent } from '../loyalty-format.ts';

/** A level as the form holds it: the discount in 折 (9.5), as operators think of it. */
export interface LevelValues {
  id?: number;
  name: string;
  threshold: number | null;
  /** 折 (1–9.9); empty: no discount. Named after the API field so the server's errors land on it. */
  payPercent: number | null;
  benefits: string;
}

/** ProgramInput with the form's units; paths match the API's so refusals mark the right inputs. */
export interface ProgramValues {
  enabled: boolean;
  cardName: string;
  color: string;
  memberNoPrefix: string;
  memberNoDigits: number;
  notice: string;
  levels: LevelValues[];
  points: { checkin: number | null; streak: StreakBonus[]; perYuan: number | null; welcome: number | null };
  cardKeyword: string;
  checkinKeyword: string;
}

/** What a programme that was never saved starts as (the server's defaults, as the contract describes them). */
export const NEW_PROGRAM: ProgramValues = {
  enabled: false,
  cardName: '会员卡',
  color: '#63b359',
  memberNoPrefix: 'VIP',
  memberNoDigits: 8,
  notice: '',
  levels: [{ name: '普通会员', threshold: 0, payPercent: null, benefits: '' }],
  points: { checkin: 5, streak: [{ days: 7, points: 20 }], perYuan: 1, welcome: 10 },
  cardKeyword: '会员卡',
  checkinKeyword: '签到',
};

export function programValues(view: ProgramView): ProgramValues {
  return {
    enabled: view.enabled,
    cardName: view.cardName,
    color: view.color,
    memberNoPrefix: view.memberNoPrefix,
    memberNoDigits: view.memberNoDigits,
    notice: view.notice,
    levels: view.levels.map((level) => ({ id: level.id, name: level.name, threshold: level.threshold, payPercent: percentToZhe(level.payPercent), benefits: level.benefits })),
    points: { ...view.points, streak: view.points.streak.map((bonus) => ({ ...bonus })) },
    cardKeyword: view.cardKeyword,
    checkinKeyword: view.checkinKeyword,
  };
}

export function programInput(values: ProgramValues): ProgramInput {
  return {
    enabled: values.enabled,
    cardName: values.cardName.trim(),
    color: values.color,
    memberNoPrefix: (values.memberNoPrefix ?? '').trim().toUpperCase(),
    memberNoDigits: values.memberNoDigits,
    notice: (values.notice ?? '').trim(),
    levels: (values.levels ?? []).map((level, index) => ({
      ...(level.id ? { id: level.id } : {}),
      name: (level.name ?? '').trim(),
      // The first level is where every card starts.
      threshold: index === 0 ? 0 : (level.threshold ?? 0),
      payPercent: zheToPercent(level.payPercent),
      benefits: (level.benefits ?? '').trim(),
    })),
    points: {
      checkin: values.points.checkin ?? 0,
      streak: (values.points.streak ?? []).filter((bonus) => bonus?.days && bonus.points),
      perYuan: values.points.perYuan ?? 0,
      welcome: values.points.welcome ?? 0,
    },
    cardKeyword: (values.cardKeyword ?? '').trim(),
    checkinKeyword: (values.checkinKeyword ?? '').trim(),
  };
}
