// Which screens an account role reaches, derived from permissions only (never from the role name).
import type { Permission } from '@zhanggui/shared';

type Can = (permission: Permission) => boolean;

export type Feature = 'home' | 'inbox' | 'fans' | 'tags' | 'settings' | 'menus' | 'channels' | 'materials' | 'broadcasts' | ReplyFeature | LoyaltyFeature;
/** The 自动回复 group: rules, flows, and what search and location replies draw on. */
export type ReplyFeature = 'rules' | 'flows' | 'knowledge' | 'products' | 'stores';
export const REPLY_FEATURES: ReplyFeature[] = ['rules', 'flows', 'knowledge', 'products', 'stores'];
/** The 会员营销 group: the card programme, its members, coupons, and the till logins that redeem them. */
export type LoyaltyFeature = 'card' | 'members' | 'coupons' | 'staff';
export const LOYALTY_FEATURES: LoyaltyFeature[] = ['card', 'members', 'coupons', 'staff'];
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
    // Card holders are a fan directory too: reading them needs fans.view; changing anything, loyalty.edit.
    case 'card':
    case 'members':
    case 'coupons':
      return can('fans.view') && can('analytics.view');
    case 'staff':
      return can('members.manage');
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

const ALL_FEATURES: Feature[] = ['home', 'inbox', 'fans', 'tags', 'settings', 'menus', 'channels', 'materials', 'broadcasts', ...REPLY_FEATURES, ...LOYALTY_FEATURES];

/** Store staff (coupons.redeem and no screen of the console) work on the till page instead. */
export function tillOnly(can: Can): boolean {
  return can('coupons.redeem') && !ALL_FEATURES.some((feature) => canUse(feature, can));
}

/** Where store staff redeem coupons, on their phone (served by the fan-page app). */
export const TILL_URL = '/h5/staff';

/** The first screen of an account: home when allowed, else the inbox. */
export function landingFeature(can: Can): Feature {
  const order: Feature[] = ['home', 'inbox', 'fans', 'rules', 'settings'];
  return order.find((feature) => canUse(feature, can)) ?? 'inbox';
}
