import type { MessageKey } from '../../i18n/i18n.tsx';

// The server's audit action codes in words; an unknown code is shown as it is.
const ACTION_KEYS: Record<string, MessageKey> = {
  'account.create': 'audit.action.account.create',
  'account.update': 'audit.action.account.update',
  'account.test_connection': 'audit.action.account.test_connection',
  'member.add': 'audit.action.member.add',
  'member.role': 'audit.action.member.role',
  'member.remove': 'audit.action.member.remove',
  'conversation.reply': 'audit.action.conversation.reply',
  'conversation.update': 'audit.action.conversation.update',
  'canned.create': 'audit.action.canned.create',
  'canned.update': 'audit.action.canned.update',
  'canned.delete': 'audit.action.canned.delete',
  'fan.remark': 'audit.action.fan.remark',
  'fans.tag': 'audit.action.fans.tag',
  'fans.untag': 'audit.action.fans.untag',
  'fans.blacklist': 'audit.action.fans.blacklist',
  'fans.unblacklist': 'audit.action.fans.unblacklist',
  'fans.export': 'audit.action.fans.export',
  'fans.sync': 'audit.action.fans.sync',
  'job.cancel': 'audit.action.job.cancel',
  'tag.create': 'audit.action.tag.create',
  'tag.rename': 'audit.action.tag.rename',
  'tag.delete': 'audit.action.tag.delete',
  'rule.create': 'audit.action.rule.create',
  'rule.update': 'audit.action.rule.update',
  'rule.delete': 'audit.action.rule.delete',
  'flow.create': 'audit.action.flow.create',
  'flow.update': 'audit.action.flow.update',
  'flow.delete': 'audit.action.flow.delete',
  'reply_settings.update': 'audit.action.reply_settings.update',
  'store.create': 'audit.action.store.create',
  'store.update': 'audit.action.store.update',
  'store.delete': 'audit.action.store.delete',
  'store.import': 'audit.action.store.import',
  'knowledge.create': 'audit.action.knowledge.create',
  'knowledge.update': 'audit.action.knowledge.update',
  'knowledge.delete': 'audit.action.knowledge.delete',
  'products.create': 'audit.action.products.create',
  'products.update': 'audit.action.products.update',
  'products.delete': 'audit.action.products.delete',
};

export function auditActionKey(action: string): MessageKey | null {
  return ACTION_KEYS[action] ?? null;
}
