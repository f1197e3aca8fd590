import type { FastifyInstance } from 'fastify';
import type { AccountState } from '../accounts/account-state.ts';
import { WxError } from '../core/wx-error.ts';
import type { EmulatorCore } from '../emulator-core.ts';
import { ok, registerApi, type Json } from '../http/api-route.ts';
import { escapeHtml } from '../phone/html.ts';
import { inbound } from '../push/inbound.builder.ts';
import { DraftStore, type DraftArticle } from './draft.store.ts';

const LIST_MAX = 20;
const PUBLISH_DELAY_MS = 20;

function page(body: Json): { offset: number; count: number; noContent: boolean } {
  const offset = body.offset ?? 0;
  const count = body.count;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) throw new WxError(47003, 'argument invalid! offset');
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > LIST_MAX) throw new WxError(47003, 'argument invalid! count');
  return { offset, count, noContent: body.no_content === 1 };
}

const withoutContent = <T extends DraftArticle>(articles: T[], noContent: boolean) => (noContent ? articles.map(({ content: _content, ...rest }) => rest) : articles);

/** Draft box and free publishing (§4.11); publishing ends with a PUBLISHJOBFINISH push. */
export function registerDraftRoutes(app: FastifyInstance, core: EmulatorCore): void {
  const thumbOf = (account: AccountState) => (id: string) => account.media.permanent(id) !== null;
  const seconds = () => core.clock.seconds();
  const post = (path: string, handler: (account: AccountState, body: Json) => unknown) =>
    registerApi(app, core, { method: 'POST', path, capability: 'material', handler: ({ account, body }) => handler(account, body) });

  post('/cgi-bin/draft/add', (account, body) => {
    const draft = account.drafts.add(DraftStore.articles(body.articles, thumbOf(account)), seconds());
    return { media_id: draft.mediaId };
  });
  post('/cgi-bin/draft/get', (account, body) => ({ news_item: account.drafts.get(body.media_id).articles }));
  post('/cgi-bin/draft/delete', (account, body) => {
    account.drafts.take(body.media_id);
    return ok();
  });
  post('/cgi-bin/draft/update', (account, body) => {
    const draft = account.drafts.get(body.media_id);
    // index is 0-based here (freepublish/delete counts from 1).
    const index = body.index;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= draft.articles.length) throw new WxError(47003, 'argument invalid! index');
    draft.articles[index] = DraftStore.article(body.articles, thumbOf(account));
    draft.updateTime = seconds();
    return ok();
  });
  registerApi(app, core, { method: 'GET', path: '/cgi-bin/draft/count', capability: 'material', handler: ({ account }) => ({ total_count: account.drafts.drafts.size }) });
  post('/cgi-bin/draft/batchget', (account, body) => {
    const { offset, count, noContent } = page(body);
    const all = [...account.drafts.drafts.values()].reverse();
    const item = all.slice(offset, offset + count).map((d) => ({ media_id: d.mediaId, content: { news_item: withoutContent(d.articles, noContent) }, update_time: d.updateTime }));
    return { total_count: all.length, item_count: item.length, item };
  });

  post('/cgi-bin/freepublish/submit', (account, body) => {
    const publication = account.drafts.publish(account.drafts.take(body.media_id), seconds(), core.baseUrl);
    core.tasks.spawn(async () => {
      publication.status = 0;
      const base = { toUserName: account.config.originalId, fromUserName: core.systemOpenid(account), createTime: core.clock.seconds() };
      const urls = publication.articles.map((a) => a.url);
      await core.push.deliver(account, inbound.publishJobFinish(base, { publishId: publication.publishId, status: 0, articleId: publication.articleId, urls }));
    }, PUBLISH_DELAY_MS);
    return ok({ publish_id: publication.publishId, msg_data_id: Number(publication.publishId) + 1 });
  });
  post('/cgi-bin/freepublish/get', (account, body) => {
    const p = account.drafts.publication(body.publish_id);
    const item = p.articles.map((a, i) => ({ idx: i + 1, article_url: a.url }));
    return { publish_id: p.publishId, publish_status: p.status, article_id: p.articleId, article_detail: { count: item.length, item }, fail_idx: [] };
  });
  post('/cgi-bin/freepublish/delete', (account, body) => {
    const p = account.drafts.article(body.article_id);
    const index = typeof body.index === 'number' ? body.index : 0;
    if (!Number.isInteger(index) || index < 0 || index > p.articles.length) throw new WxError(47003, 'argument invalid! index');
    for (const [i, article] of p.articles.entries()) if (index === 0 || index === i + 1) article.is_deleted = true;
    return ok();
  });
  post('/cgi-bin/freepublish/getarticle', (account, body) => ({ news_item: account.drafts.article(body.article_id).articles }));
  post('/cgi-bin/freepublish/batchget', (account, body) => {
    const { offset, count, noContent } = page(body);
    const all = [...account.drafts.publications.values()].filter((p) => p.status === 0).reverse();
    const item = all.slice(offset, offset + count).map((p) => ({ article_id: p.articleId, content: { news_item: withoutContent(p.articles, noContent) }, update_time: p.updateTime }));
    return { total_count: all.length, item_count: item.length, item };
  });

  // The published article page. Operator HTML is shown as written, but a CSP sandbox keeps any script inert.
  app.get('/_emulator/articles/:articleId/:idx', async (request, reply) => {
    const { articleId, idx } = request.params as { articleId: string; idx: string };
    const article = core.accounts
      .list()
      .map((account) => account.drafts.byArticleId.get(articleId))
      .find(Boolean)
      ?.articles[Number(idx) - 1];
    if (!article || article.is_deleted) return reply.code(404).type('text/html; charset=utf-8').send('<p>该内容已被发布者删除</p>');
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "sandbox; default-src 'none'; img-src * data:; style-src 'unsafe-inline'")
      .send(`<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(article.title)}</title><h2>${escapeHtml(article.title)}</h2><p style="color:#888">${escapeHtml(article.author)}</p>${article.content}`);
  });
}
