import QRCode from 'qrcode';
import { escapeMarkup } from '../../platform/http/escape.ts';

/** A QR code as PNG, `size` pixels wide (quiet zone included). */
export function qrPng(content: string, size: number): Promise<Buffer> {
  return QRCode.toBuffer(content, { type: 'png', width: size, margin: 2, errorCorrectionLevel: 'M' });
}

/** A QR code as SVG (vector: prints sharp at any size). */
export function qrSvg(content: string): Promise<string> {
  return QRCode.toString(content, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

/** Splits a caption into at most `maxLines` lines of about `width` characters (CJK counts 1, Latin ½). */
export function wrapCaption(caption: string, width = 14, maxLines = 3): string[] {
  const lines: string[] = [];
  for (const paragraph of caption.split(/\r?\n/)) {
    let line = '';
    let used = 0;
    for (const ch of paragraph) {
      const w = /[\u0000-\u00ff]/.test(ch) ? 0.5 : 1;
      if (used + w > width) {
        lines.push(line);
        line = '';
        used = 0;
      }
      line += ch;
      used += w;
    }
    lines.push(line);
  }
  const kept = lines.filter((l, i) => l.trim() || i < lines.length - 1).slice(0, maxLines);
  if (lines.length > maxLines && kept.length) kept[kept.length - 1] = `${kept[kept.length - 1]!.slice(0, -1)}…`;
  return kept;
}

export const POSTER = { width: 1080, height: 1620, code: 560 } as const;

/**
 * A printable poster: the background image (or a plain gradient) filling the page, a white card with the
 * code, and the caption under it. Everything an operator typed is escaped; the background is embedded as
 * a data URI, so the file stands alone (and a browser can draw it onto a canvas for PNG).
 */
export async function posterSvg(input: { content: string; caption: string; title: string; background: { data: Buffer; type: string } | null }): Promise<string> {
  const { width, height, code } = POSTER;
  const qr = (await qrSvg(input.content)).replace(/^<\?xml[^>]*>\s*/, '');
  const cardWidth = code + 80;
  const cardX = (width - cardWidth) / 2;
  const lines = wrapCaption(input.caption || '微信扫一扫，关注我们');
  const cardHeight = code + 80 + lines.length * 64 + 24;
  const cardY = height - cardHeight - 120;
  const nested = qr.replace('<svg ', `<svg x="${cardX + 40}" y="${cardY + 40}" width="${code}" height="${code}" `);
  const background = input.background
    ? `<image href="data:${input.background.type};base64,${input.background.data.toString('base64')}" x="0" y="0" width="${width}" height="${height}" preserveAspectRatio="xMidYMid slice"/>`
    : `<defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#07c160"/><stop offset="1" stop-color="#05894a"/></linearGradient></defs><rect width="${width}" height="${height}" fill="url(#bg)"/>`;
  const title = input.background ? '' : `<text x="${width / 2}" y="220" text-anchor="middle" font-size="84" font-weight="700" fill="#fff" font-family="${FONT}">${escapeMarkup(input.title)}</text>`;
  const caption = lines
    .map((line, i) => `<text x="${width / 2}" y="${cardY + code + 100 + i * 64}" text-anchor="middle" font-size="44" fill="#222" font-family="${FONT}">${escapeMarkup(line)}</text>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
${background}${title}
<rect x="${cardX}" y="${cardY}" width="${cardWidth}" height="${cardHeight}" rx="32" fill="#fff"/>
${nested}
${caption}
</svg>
`;
}

const FONT = "'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif";

/** PNG or JPEG by their magic bytes; null for anything else. */
export function imageType(data: Buffer): 'image/png' | 'image/jpeg' | null {
  if (data.length > 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  return null;
}
