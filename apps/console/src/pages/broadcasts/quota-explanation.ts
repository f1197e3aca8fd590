import { ApiError } from '../../api/client.ts';
import type { Language } from '../../i18n/i18n.tsx';

/** BROADCAST_QUOTA_EXCEEDED carries WeChat's rules for this account type (details.zh / details.en): why there is none left. */
export function quotaExplanation(error: unknown, language: Language): string | undefined {
  if (!(error instanceof ApiError) || error.code !== 'BROADCAST_QUOTA_EXCEEDED') return undefined;
  const details = error.details as { zh?: string; en?: string } | undefined;
  return language === 'zh-CN' ? details?.zh : details?.en;
}
