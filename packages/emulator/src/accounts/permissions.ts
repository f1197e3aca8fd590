/**
 * The permission matrix of wechat-protocol.md §5.3 (older official table). A denied call answers 48001
 * `api unauthorized`. Each account may override any capability (§5.3: "keep this matrix configurable").
 */
export type Capability =
  | 'customService'
  | 'massSendAll'
  | 'massSend'
  | 'template'
  | 'users'
  | 'oauth'
  | 'qrcode'
  | 'menu'
  | 'material'
  | 'jssdk';

export const CAPABILITIES: readonly Capability[] = [
  'customService',
  'massSendAll',
  'massSend',
  'template',
  'users',
  'oauth',
  'qrcode',
  'menu',
  'material',
  'jssdk',
];

export type AccountType = 'subscription' | 'service';

/** What an account of this type and verification state may call, before per-account overrides. */
export function defaultPermissions(type: AccountType, verified: boolean): Record<Capability, boolean> {
  const verifiedService = verified && type === 'service';
  return {
    customService: verified,
    massSendAll: verified,
    massSend: verifiedService,
    template: verifiedService,
    users: verified,
    oauth: verifiedService,
    qrcode: verifiedService,
    // Only the unverified subscription account lacks the menu API.
    menu: verified || type === 'service',
    material: verified,
    jssdk: true,
  };
}

export function effectivePermissions(
  type: AccountType,
  verified: boolean,
  overrides: Partial<Record<Capability, boolean>>,
): Record<Capability, boolean> {
  return { ...defaultPermissions(type, verified), ...overrides };
}
