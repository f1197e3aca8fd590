// Which screens an account role reaches, derived from permissions only (never from the role name).
import type { Permission } from '@zhanggui/shared';

type Can = (permission: Permission) => boolean;

export type Feature = 'home' | 'inbox' | 'fans' | 'tags' | 'settings' | 'menus' | 'channels' | 'materials' | 'broadcasts' | ReplyFeature;
/** The 自动回复 group: rules, flows, and what search and location replies draw on. */
export type ReplyFeature = 'rules' | 'flows' | 'knowledge' | 'products' | 'stores';
export const REPLY_FEATURES: ReplyFeature[] = ['rules', 'flows', 'knowledge', 'products', 'stores'];
export type SettingsTab = 'connection' | 'members' | 'canned' | 'audit';

/**
 * Agents hold fans.view/fans.edit only to work on the fan in front of them; the fan directory, tags and
 * the dashboard are for roles that also see analytics (owner, admin, editor, analyst).
 */
export function canUse(feature: Feature, can: Can): boolean {
  switch (feature) {
    case 'home':
      return can('analytics.view');
    case 'inbox':
      return can('inbox.view');
    case 'fans':
    case 'tags':
      return can('fans.view') && can('analytics.view');
    case 'settings':
      return settingsTabs(can).length > 0;
    case 'rules':
    case 'flows':
    case 'knowledge':
    case 'products':
    case 'stores':
    case 'menus':
    case 'channels':
    case 'materials':
    case 'broadcasts':
      return can('rules.view');
  }
}

export function settingsTabs(can: Can): SettingsTab[] {
  const tabs: SettingsTab[] = [];
  if (can('account.manage')) tabs.push('connection');
  if (can('members.manage')) tabs.push('members');
  if (can('canned.edit')) tabs.push('canned');
  if (can('audit.view')) tabs.push('audit');
  return tabs;
}

/** The first screen of an account: home when allowed, else the inbox. */
export function landingFeature(can: Can): Feature {
  const order: Feature[] = ['home', 'inbox', 'fans', 'rules', 'settings'];
  return order.find((feature) => canUse(feature, can)) ?? 'inbox';
}
