import type { MenuSet, ReplyAction, Store } from '@zhanggui/shared';
import type { Database } from '../../platform/db/database.ts';
import type { AccountView } from '../accounts/accounts.service.ts';
import { canUseCustomerService } from '../accounts/accounts.presenter.ts';
import { SearchIndex, type SearchDoc } from '../search/search-index.ts';
import { StoreLocator } from '../stores/store-locator.ts';
import { keyActions } from '../menus/menu-convert.ts';
import { FOLD, ReplyBrain, type BrainFlow } from './reply-brain.ts';
import { fold } from './text-fold.ts';
import type { RepliesService } from './replies.service.ts';

/** Reads everything an account's automatic replies use and compiles it into a ReplyBrain. */
export async function loadReplyBrain(db: Database, replies: RepliesService, account: AccountView): Promise<ReplyBrain> {
  const [rules, flows, knowledge, products, stores, menus, loyalty] = await Promise.all([
    replies.rules(account.id),
    db.query<{ id: number; name: string; enabled: boolean; entry_keywords: string[]; exit_words: string[]; exit_message: string; timeout_minutes: number; start_step: string; steps: BrainFlow['steps']; finishers: BrainFlow['finishers'] }>(
      'select * from flows where account_id = $1 and enabled',
      [account.id],
    ),
    db.query<{ id: number; title: string; body: string; image_url: string | null; link: string | null; keywords: string[] }>(
      'select id, title, body, image_url, link, keywords from knowledge_entries where account_id = $1 and enabled',
      [account.id],
    ),
    db.query<{ id: number; name: string; description: string | null; image_url: string | null; link: string | null; keywords: string[]; category: string | null; price_fen: number }>(
      'select id, name, description, image_url, link, keywords, category, price_fen from products where account_id = $1 and enabled',
      [account.id],
    ),
    db.query<{ id: number; name: string; address: string; phone: string | null; hours: string | null; latitude: number; longitude: number; image_url: string | null; keywords: string[]; enabled: boolean }>(
      'select * from stores where account_id = $1 and enabled',
      [account.id],
    ),
    db.query<{ published: MenuSet | null }>('select published from account_menus where account_id = $1', [account.id]),
    db.query<{ card_keyword: string; checkin_keyword: string }>('select card_keyword, checkin_keyword from loyalty_programs where account_id = $1 and enabled', [account.id]),
  ]);
  const docs: SearchDoc[] = [
    ...knowledge.map((k) => ({ kind: 'knowledge' as const, id: k.id, title: k.title, body: k.body, keywords: k.keywords, category: null, imageUrl: k.image_url, link: k.link, priceFen: null })),
    ...products.map((p) => ({ kind: 'product' as const, id: p.id, title: p.name, body: p.description ?? '', keywords: p.keywords, category: p.category, imageUrl: p.image_url, link: p.link, priceFen: p.price_fen })),
  ];
  const storeList: Store[] = stores.map((s) => ({ id: s.id, name: s.name, address: s.address, phone: s.phone, hours: s.hours, latitude: s.latitude, longitude: s.longitude, imageUrl: s.image_url, keywords: s.keywords, enabled: s.enabled }));
  return new ReplyBrain(
    rules,
    flows.map((f) => ({
      id: f.id,
      name: f.name,
      enabled: f.enabled,
      entryKeywords: f.entry_keywords,
      exitWords: f.exit_words,
      exitMessage: f.exit_message,
      timeoutMinutes: f.timeout_minutes,
      startStep: f.start_step,
      steps: f.steps,
      finishers: f.finishers,
    })),
    new SearchIndex(docs),
    new StoreLocator(storeList),
    { replyToLocationEvents: account.settings.replyToLocationEvents },
    account.timezone,
    canUseCustomerService(account),
    keyActions(menus[0]?.published ?? null),
    loyaltyWords(loyalty[0] ?? null),
  );
}


/** The card programme's keywords, folded like flow entry keywords: exactly "会员卡" or "签到". */
function loyaltyWords(program: { card_keyword: string; checkin_keyword: string } | null): Map<string, ReplyAction> {
  const words = new Map<string, ReplyAction>();
  if (!program) return words;
  if (program.card_keyword.trim()) words.set(fold(program.card_keyword.trim(), FOLD), { type: 'member_card' });
  if (program.checkin_keyword.trim()) words.set(fold(program.checkin_keyword.trim(), FOLD), { type: 'checkin' });
  return words;
}
