import { ROLE_LABELS, type Role } from '@zhanggui/shared';
import type { Language } from '../i18n/i18n.tsx';

export function roleLabel(role: Role, language: Language): string {
  return language === 'zh-CN' ? ROLE_LABELS[role].zh : ROLE_LABELS[role].en;
}
