/** Roles an operator can hold on an account. One operator may hold different roles on different accounts. */
export const ROLES = ['owner', 'admin', 'editor', 'agent', 'analyst', 'staff'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What each role may do. The server enforces these on every route; responses carry the caller's list so
 * the console hides what it cannot use.
 */
export const PERMISSIONS = [
  'account.view',
  'account.manage', // connection settings, secrets, test connection, auto-assignment
  'members.manage', // add operators to the account, change roles
  'audit.view',
  'rules.view',
  'rules.edit',
  'menus.edit', // publish and import custom menus
  'channels.edit', // QR channels and their codes
  'materials.edit', // upload material, edit and publish news
  'broadcasts.send', // compose, schedule, cancel broadcasts (and send previews)
  'broadcasts.approve', // approve broadcasts when the account requires it
  'inbox.view',
  'inbox.reply', // send messages, assign, close/reopen, star
  'canned.edit',
  'fans.view',
  'fans.edit', // remarks, tags, blacklist, tag management
  'fans.export',
  'fans.sync',
  'analytics.view',
  'loyalty.edit', // card programme, coupon templates, points adjustments, issuing and voiding coupons
  'coupons.redeem', // the till: redeem coupons (核销), look up members, record orders for points
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL: readonly Permission[] = PERMISSIONS;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: ALL,
  admin: ALL,
  editor: ['account.view', 'rules.view', 'rules.edit', 'menus.edit', 'channels.edit', 'materials.edit', 'broadcasts.send', 'inbox.view', 'canned.edit', 'fans.view', 'fans.edit', 'fans.export', 'fans.sync', 'analytics.view', 'loyalty.edit'],
  // Customer service: the inbox only, plus tagging the fan they are talking to.
  agent: ['account.view', 'inbox.view', 'inbox.reply', 'fans.view', 'fans.edit'],
  // Read-only.
  analyst: ['account.view', 'rules.view', 'inbox.view', 'fans.view', 'analytics.view', 'audit.view'],
  // Store staff at the till (核销员): redeem coupons and record orders; nothing else.
  staff: ['account.view', 'coupons.redeem'],
};

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  owner: { zh: '所有者', en: 'Owner' },
  admin: { zh: '管理员', en: 'Admin' },
  editor: { zh: '运营编辑', en: 'Editor' },
  agent: { zh: '客服', en: 'Agent' },
  analyst: { zh: '数据分析', en: 'Analyst' },
  staff: { zh: '门店核销员', en: 'Store staff' },
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
