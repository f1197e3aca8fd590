import type { FanMenu } from '../menus/menu.store.ts';
import { escapeHtml, safeUrl } from './html.ts';
import type { PhoneEntry } from './phone.store.ts';

/** One entry of the chat as HTML (the client script renders live entries the same way, with DOM APIs). */
export function renderEntry(entry: PhoneEntry): string {
  if (entry.side === 'system') {
    return `<div class="sys${entry.source === 'notice' ? ' notice' : ''}"><span>${escapeHtml(entry.text ?? '')}</span></div>`;
  }
  const mine = entry.side === 'fan';
  const avatar = `<div class="avatar">${mine ? '我' : '公'}</div>`;
  const content = renderContent(entry);
  return mine ? `<div class="row me">${content}${avatar}</div>` : `<div class="row">${avatar}${content}</div>`;
}

function renderContent(entry: PhoneEntry): string {
  if (entry.deleted) return `<div class="bubble deleted">该内容已被发布者删除</div>`;
  if (entry.articles && entry.articles.length > 0) {
    const items = entry.articles
      .map(
        (a) =>
          `<a href="${escapeHtml(safeUrl(a.url))}" target="_blank" rel="noopener noreferrer">${a.picUrl ? `<img src="${escapeHtml(safeUrl(a.picUrl))}" alt="" style="max-width:100%">` : ''}<div class="ct">${escapeHtml(a.title)}</div>${a.description ? `<div class="cd">${escapeHtml(a.description)}</div>` : ''}</a>`,
      )
      .join('');
    return `<div class="card">${items}</div>`;
  }
  if (entry.template) {
    const t = entry.template;
    const lines = Object.entries(t.data)
      .map(([key, v]) => `<div class="kv">${escapeHtml(key)}：<b>${escapeHtml(v.value)}</b></div>`)
      .join('');
    const link = t.url ? `<div class="cd">详情 ›</div>` : '';
    return `<div class="card"><a href="${escapeHtml(safeUrl(t.url))}" target="_blank" rel="noopener noreferrer"><div class="ct">${escapeHtml(t.title)}</div>${lines}${link}</a></div>`;
  }
  if (entry.msgmenu) {
    const m = entry.msgmenu;
    const items = m.items.map((i) => `<div><a href="#" data-reply="${escapeHtml(i.content)}">${escapeHtml(i.content)}</a></div>`).join('');
    return `<div class="bubble">${escapeHtml(m.head)}${items}${escapeHtml(m.tail)}</div>`;
  }
  if (entry.msgType === 'image' && entry.url) return `<div class="bubble"><img src="${escapeHtml(safeUrl(entry.url))}" alt="图片"></div>`;
  if (entry.location) {
    const l = entry.location;
    return `<div class="bubble">[位置] ${escapeHtml(l.label ?? '')}\n<span style="color:#888;font-size:12px">${escapeHtml(l.latitude)}, ${escapeHtml(l.longitude)}</span></div>`;
  }
  return `<div class="bubble">${escapeHtml(entry.text ?? `[${entry.msgType}]`)}</div>`;
}

/** The custom menu at the bottom of the chat: tapping sends CLICK (by key) or VIEW (by URL). */
export function renderMenu(menu: FanMenu | null): string {
  if (!menu || menu.button.length === 0) return '';
  const leaf = (b: { name: string; type?: string; key?: string; url?: string; pagepath?: string }, cls: string) => {
    const isLink = b.type === 'view' || b.type === 'miniprogram';
    const attr = isLink ? `data-view="${escapeHtml(b.url ?? b.pagepath ?? '')}"` : `data-click="${escapeHtml(b.key ?? b.name)}"`;
    return `<button type="button" class="${cls}" ${attr}>${escapeHtml(b.name)}</button>`;
  };
  const tops = menu.button
    .map((b, i) => {
      if (!b.sub_button) return `<div>${leaf(b, 'top')}</div>`;
      const subs = b.sub_button.map((s) => leaf(s, '')).join('');
      return `<div><div class="sub" id="sub${i}">${subs}</div><button type="button" class="top" data-toggle="sub${i}">☰ ${escapeHtml(b.name)}</button></div>`;
    })
    .join('');
  return `<div class="menu">${tops}</div>`;
}
