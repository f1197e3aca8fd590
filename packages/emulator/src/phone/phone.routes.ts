import type { FastifyInstance } from 'fastify';
import type { AccountState } from '../accounts/account-state.ts';
import type { EmulatorCore } from '../emulator-core.ts';
import { DEFAULT_LOCATION } from '../fans/fan-actions.service.ts';
import { escapeHtml, inlineJson, page } from './html.ts';
import { renderEntry, renderMenu } from './phone.render.ts';
import { PHONE_SCRIPT } from './phone.script.ts';
import type { PhoneEvent } from './phone.store.ts';

const FAN_LIST_LIMIT = 200;
const SSE_PING_MS = 15_000;

const LIST_SCRIPT = String.raw`
const add = document.getElementById('add-fan');
if (add) add.addEventListener('click', async () => {
  const res = await fetch('/_emulator/fans', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ appId: add.dataset.app, count: 1, subscribed: false }) });
  if (res.ok) location.reload();
});`;

/** The fan's phone: an account and fan picker, the chat page and its live event stream (SSE). */
export function registerPhoneRoutes(app: FastifyInstance, core: EmulatorCore): void {
  app.get('/phone', async (request, reply) => {
    const query = request.query as { appId?: string; q?: string };
    const accounts = core.accounts.list();
    const selected = core.accounts.find(query.appId) ?? accounts[0];
    const search = (query.q ?? '').trim();
    if (selected && search) {
      const index = /^\d+$/.test(search) ? Number(search) : selected.fans.indexOf(search);
      if (index >= 0 && index < selected.fans.count) return reply.redirect(chatPath(selected, selected.fans.openid(index)));
    }
    return reply.type('text/html; charset=utf-8').send(page('掌柜模拟器 · 手机', listBody(accounts, selected, search), LIST_SCRIPT));
  });

  app.get('/phone/:appId/:openid', async (request, reply) => {
    const { appId, openid } = request.params as { appId: string; openid: string };
    const account = core.accounts.find(appId);
    const fan = account ? account.fans.indexOf(openid) : -1;
    if (!account || fan < 0) {
      return reply.code(404).type('text/html; charset=utf-8').send(page('未找到', `<div class="bar"><a href="/phone">‹ 返回</a><h1>未找到</h1></div><p class="section">没有这个公众号或粉丝。</p>`));
    }
    // Whoever holds this phone is this fan: pages it opens are authorized as them, silently for
    // snsapi_base, as inside WeChat (the authorize page reads this cookie).
    return reply
      .header('set-cookie', `${phoneFanCookie(account.appId)}=${encodeURIComponent(openid)}; Path=/connect; SameSite=Lax; HttpOnly`)
      .type('text/html; charset=utf-8')
      .send(page(account.config.name, chatBody(core, account, fan), PHONE_SCRIPT));
  });

  app.get('/phone/:appId/:openid/events', (request, reply) => {
    const { appId, openid } = request.params as { appId: string; openid: string };
    const account = core.accounts.find(appId);
    const fan = account ? account.fans.indexOf(openid) : -1;
    if (!account || fan < 0) return reply.code(404).send({ error: 'FAN_NOT_FOUND', message: 'no such account or fan' });
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    raw.write(': connected\n\n');
    const send = (event: PhoneEvent) => raw.write(`data: ${JSON.stringify(event)}\n\n`);
    const off = core.phoneHub.listen(appId, fan, send);
    const query = request.query as { after?: string; subscribed?: string };
    if (query.subscribed !== undefined && (query.subscribed === '1') !== account.fans.isSubscribed(fan)) send({ kind: 'state' });
    else if (query.after !== undefined) {
      const after = Number(query.after);
      for (const entry of core.phoneOf(account, fan)) if (entry.seq > after) send({ kind: 'entry', entry });
    }
    const ping = setInterval(() => raw.write(': ping\n\n'), SSE_PING_MS);
    request.raw.on('close', () => {
      off();
      clearInterval(ping);
    });
  });
}

function chatPath(account: AccountState, openid: string): string {
  return `/phone/${encodeURIComponent(account.appId)}/${encodeURIComponent(openid)}`;
}

function listBody(accounts: AccountState[], selected: AccountState | undefined, search: string): string {
  const accountItems = accounts
    .map((a) => {
      const c = a.config;
      const kind = `${c.type === 'service' ? '服务号' : '订阅号'}${c.verified ? '·已认证' : '·未认证'}`;
      return `<a class="item" href="/phone?appId=${encodeURIComponent(c.appId)}"><div class="avatar">公</div><div class="meta"><div class="t">${escapeHtml(c.name)}${a === selected ? '<span class="tag">当前</span>' : ''}</div><div class="s">${escapeHtml(c.appId)} · ${escapeHtml(c.originalId)} · ${kind} · ${escapeHtml(c.mode)} · 粉丝 ${a.fans.count}</div><div class="s">回调：${escapeHtml(c.callbackUrl ?? '未配置')}</div></div></a>`;
    })
    .join('');
  let fans = '<p class="section">还没有公众号。用 /_emulator/accounts 创建一个。</p>';
  if (selected) {
    const shown = Math.min(selected.fans.count, FAN_LIST_LIMIT);
    const openids = selected.fans.openids(Array.from({ length: shown }, (_, i) => i));
    const rows = openids
      .map((openid, i) => {
        const state = selected.fans.isSubscribed(i) ? '<span class="tag">已关注</span>' : '<span class="tag off">未关注</span>';
        return `<a class="item" href="${escapeHtml(chatPath(selected, openid))}"><div class="avatar">${i}</div><div class="meta"><div class="t">粉丝 #${i}${state}</div><div class="s">${escapeHtml(openid)}</div></div></a>`;
      })
      .join('');
    fans = `<div class="section">${escapeHtml(selected.config.name)} 的粉丝（共 ${selected.fans.count}，显示前 ${shown}）<button class="btn small" id="add-fan" data-app="${escapeHtml(selected.appId)}">新增粉丝</button></div>
<form class="search" method="get" action="/phone"><input type="hidden" name="appId" value="${escapeHtml(selected.appId)}"><input name="q" value="${escapeHtml(search)}" placeholder="按 openid 或序号查找"><button class="btn">查找</button></form>
${search ? `<p class="section">没有找到 ${escapeHtml(search)}</p>` : ''}<div class="list">${rows}</div>`;
  }
  return `<div class="bar"><h1>掌柜模拟器 · 手机</h1></div><div class="section">公众号</div><div class="list">${accountItems}</div>${fans}`;
}

function chatBody(core: EmulatorCore, account: AccountState, fan: number): string {
  const openid = account.fans.openid(fan);
  const subscribed = account.fans.isSubscribed(fan);
  const base = `/_emulator/accounts/${encodeURIComponent(account.appId)}/fans/${encodeURIComponent(openid)}`;
  const history = core.phoneOf(account, fan);
  // The stream picks up where this render ends, so nothing that lands between the page and its
  // EventSource connecting (a reply to the follow that reloaded the page, say) is lost.
  const after = history.at(-1)?.seq ?? 0;
  const events = `${chatPath(account, openid)}/events?after=${after}&subscribed=${subscribed ? 1 : 0}`;
  const cfg = { actions: `${base}/actions/`, events, location: DEFAULT_LOCATION };
  const entries = history.map((entry) => renderEntry(entry).replace(/^<div class="/, `<div data-seq="${entry.seq}" class="`)).join('');
  const followButton = subscribed
    ? `<button class="btn gray small" data-follow="unfollow">取消关注</button>`
    : `<button class="btn small" data-follow="follow">关注</button>`;
  const pickCode = codePicker(core, account);
  const composer = subscribed
    ? `${renderMenu(account.menuFor(fan))}<div class="composer"><form id="composer"><input type="text" id="text" placeholder="发消息" autocomplete="off"><button class="btn">发送</button></form>
<div class="tools"><details><summary>发送位置</summary><div class="pane"><input type="text" id="loc-label" value="${escapeHtml(DEFAULT_LOCATION.label)}"><button type="button" class="btn small" id="send-location">发送</button></div></details>
<button type="button" class="btn gray small" id="send-image">发图片</button>
<details><summary>扫一扫</summary><div class="pane">${pickCode}<input type="text" id="ticket" placeholder="粘贴 ticket 或二维码链接"><button type="button" class="btn small" id="scan">扫码</button></div></details></div></div>`
    : `<div class="composer"><p class="section">关注公众号后可以发消息。也可以扫描带参数二维码关注：</p>${pickCode}<div class="pane" style="display:flex;gap:6px"><input type="text" id="ticket" placeholder="粘贴 ticket 或二维码链接" style="flex:1"><button type="button" class="btn small" id="scan">扫码</button></div></div>`;
  return `<div class="bar"><a href="/phone?appId=${encodeURIComponent(account.appId)}">‹</a><h1>${escapeHtml(account.config.name)}</h1>${followButton}</div>
<div class="typing" id="typing"></div><div class="chat" id="chat">${entries}</div>${composer}
<script type="application/json" id="cfg">${inlineJson(cfg)}</script>`;
}

/** The account's live parametric codes, newest first, to "scan" without copying a ticket. */
function codePicker(core: EmulatorCore, account: AccountState): string {
  const now = core.clock.now();
  const codes = account.qrcodes.export(now).reverse().slice(0, PICKER_LIMIT);
  if (codes.length === 0) return '';
  const options = codes
    .map((code) => {
      const scene = code.sceneStr || String(code.sceneId);
      const kind = code.permanent ? '永久' : `临时 · ${Math.max(1, Math.round((code.expiresAt! - now) / 60_000))} 分钟后过期`;
      return `<option value="${escapeHtml(code.ticket)}">${escapeHtml(`场景 ${scene} · ${kind}`)}</option>`;
    })
    .join('');
  return `<select id="pick-code" class="pick"><option value="">选择一个二维码…</option>${options}</select>`;
}

const PICKER_LIMIT = 50;

/** The cookie naming the fan whose phone this browser is, per account. */
export const phoneFanCookie = (appId: string) => `wx_phone_fan_${appId.replace(/[^A-Za-z0-9_]/g, '')}`;
