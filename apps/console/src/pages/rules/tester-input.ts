import type { RuleTestInput } from '@zhanggui/shared';

export type TesterKind = 'text' | 'location' | 'image' | 'voice' | 'video' | 'link' | 'subscribe';
export const TESTER_KINDS: TesterKind[] = ['text', 'location', 'image', 'voice', 'video', 'link', 'subscribe'];

export interface TesterValues {
  kind: TesterKind;
  content: string;
  latitude: number | null;
  longitude: number | null;
  label: string;
  openid: string;
}

/** Tiananmen, in GCJ-02: a location that is somewhere real. */
export const DEFAULT_TESTER_VALUES: TesterValues = { kind: 'text', content: '', latitude: 39.908823, longitude: 116.39747, label: '', openid: '' };

export function testerInput(values: TesterValues): RuleTestInput {
  const openid = values.openid.trim() || undefined;
  switch (values.kind) {
    case 'text':
      return { openid, message: { type: 'text', content: values.content } };
    case 'location':
      return {
        openid,
        message: { type: 'location', latitude: values.latitude ?? 0, longitude: values.longitude ?? 0, label: values.label.trim() || undefined },
      };
    case 'subscribe':
      return { openid, message: { type: 'event', event: 'subscribe' } };
    default:
      return { openid, message: { type: values.kind } };
  }
}
