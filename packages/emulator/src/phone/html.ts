/** Escapes text for HTML element content and attribute values. Every fan- or operator-supplied string goes through it. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Only http(s) and same-origin links make it into href/src (no javascript: URLs). */
export function safeUrl(value: unknown): string {
  const url = String(value ?? '');
  return /^(https?:\/\/|\/)/i.test(url) ? url : '#';
}

/** JSON for an inline <script>: `<` is escaped so no string can close the script element. */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c').replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');
}

const CSS = `
*{box-sizing:border-box}body{margin:0;background:#ededed;font:15px/1.5 -apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#191919}
.app{max-width:420px;margin:0 auto;min-height:100vh;background:#ededed;display:flex;flex-direction:column;box-shadow:0 0 12px rgba(0,0,0,.08)}
.bar{position:sticky;top:0;z-index:5;background:#ededed;border-bottom:1px solid #d9d9d9;padding:10px 12px;display:flex;align-items:center;gap:8px}
.bar h1{flex:1;margin:0;font-size:17px;font-weight:600;text-align:center;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.bar a{color:#191919;text-decoration:none;font-size:15px}
.btn{border:0;border-radius:6px;padding:6px 12px;background:#07c160;color:#fff;font-size:14px;cursor:pointer}
.btn.gray{background:#f2f2f2;color:#191919;border:1px solid #ddd}.btn.small{padding:3px 8px;font-size:12px}
.list{background:#fff;margin:8px 0}.item{display:flex;gap:10px;padding:10px 14px;border-bottom:1px solid #f0f0f0;align-items:center;text-decoration:none;color:inherit}
.item .meta{flex:1;min-width:0}.item .t{font-weight:600}.item .s{color:#888;font-size:12px;word-break:break-all}
.tag{display:inline-block;font-size:11px;padding:0 6px;border-radius:3px;background:#e8f7ee;color:#07a356;margin-left:4px}.tag.off{background:#f2f2f2;color:#999}
.section{padding:6px 14px;color:#888;font-size:13px}
.chat{flex:1;padding:12px 10px 16px;overflow-y:auto}
.row{display:flex;gap:8px;margin:10px 0;align-items:flex-start}.row.me{justify-content:flex-end}
.avatar{width:38px;height:38px;border-radius:5px;background:#576b95;color:#fff;display:flex;align-items:center;justify-content:center;flex:none;font-size:14px}
.row.me .avatar{background:#7aa3cc}
.bubble{max-width:72%;background:#fff;border-radius:6px;padding:9px 11px;word-break:break-word;white-space:pre-wrap;position:relative}
.row.me .bubble{background:#95ec69}
.bubble img{max-width:100%;border-radius:4px;display:block}
.sys{text-align:center;color:#999;font-size:12px;margin:10px 0}.sys span{background:#dadada;color:#fff;border-radius:4px;padding:2px 8px}
.notice span{background:#f5d0ce;color:#b0413e}
.card{background:#fff;border-radius:6px;max-width:80%;overflow:hidden}.card a{color:inherit;text-decoration:none;display:block;padding:10px 12px;border-bottom:1px solid #f0f0f0}
.card .ct{font-weight:600}.card .cd{color:#888;font-size:13px}.card .kv{font-size:13px;color:#555}.card .kv b{color:#191919;font-weight:400}
.deleted{color:#aaa;font-style:italic}
.menu{display:flex;border-top:1px solid #d9d9d9;background:#f7f7f7;position:relative}.menu>div{flex:1;text-align:center;position:relative}
.menu button.top{width:100%;background:none;border:0;border-left:1px solid #e2e2e2;padding:12px 4px;font-size:14px;cursor:pointer;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.sub{display:none;position:absolute;bottom:48px;left:4px;right:4px;background:#fff;border:1px solid #ddd;border-radius:6px;box-shadow:0 2px 8px rgba(0,0,0,.12);z-index:9}
.sub.open{display:block}.sub button{display:block;width:100%;border:0;border-bottom:1px solid #f0f0f0;background:none;padding:10px 4px;font-size:14px;cursor:pointer}
.composer{border-top:1px solid #d9d9d9;background:#f7f7f7;padding:8px}.composer form{display:flex;gap:6px;margin:0}
.composer input[type=text]{flex:1;border:1px solid #ddd;border-radius:6px;padding:8px;font-size:15px;min-width:0}
.tools{display:flex;gap:6px;margin-top:8px;flex-wrap:wrap}.tools details{width:100%}.tools summary{cursor:pointer;color:#576b95;font-size:13px}
.tools .pane{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}
.pick{flex-basis:100%;width:100%;padding:6px;font-size:14px;border:1px solid #ddd;border-radius:6px;background:#fff}
.toast{position:fixed;left:50%;top:40%;transform:translateX(-50%);background:rgba(0,0,0,.75);color:#fff;padding:10px 16px;border-radius:8px;display:none;max-width:80%;z-index:20}
.typing{font-size:12px;color:#888;text-align:center;height:16px}
form.search{display:flex;gap:6px;padding:8px 14px}form.search input{flex:1;border:1px solid #ddd;border-radius:6px;padding:6px}
`;

/** The page frame: mobile width, WeChat-like colours, inline CSS (no build step). */
export function page(title: string, body: string, script = ''): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${CSS}</style></head><body><div class="app">${body}</div><div class="toast" id="toast"></div>${script ? `<script>${script}</script>` : ''}</body></html>`;
}
