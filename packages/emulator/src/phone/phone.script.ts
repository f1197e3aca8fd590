/**
 * The chat page's client script (plain JS, no build step). Live entries arrive over SSE and are rendered
 * with DOM APIs and textContent only, so fan- and operator-supplied text can never become markup.
 */
export const PHONE_SCRIPT = String.raw`
const cfg = JSON.parse(document.getElementById('cfg').textContent);
const chat = document.getElementById('chat');
const toastEl = document.getElementById('toast');
function toast(msg){ toastEl.textContent = msg; toastEl.style.display = 'block'; clearTimeout(toast.t); toast.t = setTimeout(() => toastEl.style.display = 'none', 2600); }
function el(tag, cls, text){ const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }
function safe(u){ return /^(https?:\/\/|\/)/i.test(u || '') ? u : '#'; }
function content(entry){
  if (entry.deleted) return el('div', 'bubble deleted', '该内容已被发布者删除');
  if (entry.articles && entry.articles.length){
    const card = el('div', 'card');
    for (const a of entry.articles){ const link = el('a'); link.href = safe(a.url); link.target = '_blank'; link.rel = 'noopener noreferrer';
      if (a.picUrl){ const img = el('img'); img.src = safe(a.picUrl); img.style.maxWidth = '100%'; link.appendChild(img); }
      link.appendChild(el('div', 'ct', a.title)); if (a.description) link.appendChild(el('div', 'cd', a.description)); card.appendChild(link); }
    return card;
  }
  if (entry.template){ const card = el('div', 'card'); const link = el('a'); link.href = safe(entry.template.url); link.target = '_blank';
    link.appendChild(el('div', 'ct', entry.template.title));
    for (const [k, v] of Object.entries(entry.template.data)){ const line = el('div', 'kv', k + '：'); line.appendChild(el('b', '', v.value)); link.appendChild(line); }
    card.appendChild(link); return card; }
  if (entry.msgmenu){ const b = el('div', 'bubble', entry.msgmenu.head);
    for (const i of entry.msgmenu.items){ const d = el('div'); const a = el('a', '', i.content); a.href = '#'; a.dataset.reply = i.content; d.appendChild(a); b.appendChild(d); }
    b.appendChild(document.createTextNode(entry.msgmenu.tail)); return b; }
  if (entry.msgType === 'image' && entry.url){ const b = el('div', 'bubble'); const img = el('img'); img.src = safe(entry.url); b.appendChild(img); return b; }
  if (entry.location){ return el('div', 'bubble', '[位置] ' + (entry.location.label || '') + '\n' + entry.location.latitude + ', ' + entry.location.longitude); }
  return el('div', 'bubble', entry.text != null ? entry.text : '[' + entry.msgType + ']');
}
function render(entry){
  if (document.querySelector('[data-seq="' + entry.seq + '"]')) return;
  let node;
  if (entry.side === 'system'){ node = el('div', entry.source === 'notice' ? 'sys notice' : 'sys'); node.appendChild(el('span', '', entry.text || '')); }
  else { node = el('div', entry.side === 'fan' ? 'row me' : 'row'); const av = el('div', 'avatar', entry.side === 'fan' ? '我' : '公');
    if (entry.side === 'fan'){ node.appendChild(content(entry)); node.appendChild(av); } else { node.appendChild(av); node.appendChild(content(entry)); } }
  node.dataset.seq = entry.seq; chat.appendChild(node); window.scrollTo(0, document.body.scrollHeight);
}
async function act(action, body){
  try {
    const res = await fetch(cfg.actions + action, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body || {}) });
    const data = await res.json();
    if (!res.ok){ toast(data.message || '操作失败'); return null; }
    if (data.outcome === 'failed') toast('推送失败：' + (data.error || ''));
    return data;
  } catch (e) { toast('网络错误'); return null; }
}
const events = new EventSource(cfg.events);
let typingTimer;
events.onmessage = (msg) => { const ev = JSON.parse(msg.data);
  if (ev.kind === 'entry') render(ev.entry);
  else if (ev.kind === 'state') location.reload();
  else if (ev.kind === 'typing'){ const t = document.getElementById('typing'); t.textContent = ev.on ? '对方正在输入…' : ''; clearTimeout(typingTimer); if (ev.on) typingTimer = setTimeout(() => t.textContent = '', 15000); } };
document.addEventListener('click', async (e) => {
  const t = e.target.closest('[data-click],[data-view],[data-toggle],[data-reply],[data-follow]'); if (!t) return;
  e.preventDefault();
  if (t.dataset.toggle){ document.querySelectorAll('.sub').forEach(s => { if (s.id !== t.dataset.toggle) s.classList.remove('open'); }); document.getElementById(t.dataset.toggle).classList.toggle('open'); return; }
  document.querySelectorAll('.sub').forEach(s => s.classList.remove('open'));
  if (t.dataset.click) await act('click', { key: t.dataset.click });
  else if (t.dataset.view){ await act('view', { url: t.dataset.view }); if (/^https?:/i.test(t.dataset.view)) window.open(t.dataset.view, '_blank', 'noopener'); }
  else if (t.dataset.reply) await act('text', { content: t.dataset.reply });
  else if (t.dataset.follow){ const r = await act(t.dataset.follow, {}); if (r) location.reload(); }
});
const form = document.getElementById('composer');
if (form) form.addEventListener('submit', async (e) => { e.preventDefault(); const input = document.getElementById('text'); const v = input.value; if (!v) return; input.value = ''; await act('text', { content: v }); });
const loc = document.getElementById('send-location');
if (loc) loc.addEventListener('click', () => act('location', { latitude: cfg.location.latitude, longitude: cfg.location.longitude, scale: cfg.location.scale, label: document.getElementById('loc-label').value }));
const img = document.getElementById('send-image');
if (img) img.addEventListener('click', () => act('image', {}));
const pick = document.getElementById('pick-code');
if (pick) pick.addEventListener('change', () => { document.getElementById('ticket').value = pick.value; });
const scan = document.getElementById('scan');
if (scan) scan.addEventListener('click', async () => { const v = document.getElementById('ticket').value.trim(); if (!v) return; const r = await act('scan', { ticket: v }); if (r) location.reload(); });
window.scrollTo(0, document.body.scrollHeight);
`;
