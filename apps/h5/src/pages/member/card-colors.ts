/** White or near-black, whichever reads better on a #RRGGBB background (operators pick any card colour). */
export function textColorOn(background: string): string {
  const match = /^#?([0-9a-f]{6})$/i.exec(background);
  if (!match?.[1]) return '#fff';
  const value = parseInt(match[1], 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  // Perceived brightness (ITU-R BT.601 weights); above ~0.7 the background is light.
  return (0.299 * r + 0.587 * g + 0.114 * b) / 255 > 0.7 ? 'rgba(0,0,0,.85)' : '#fff';
}

/** The colour as CSS, or WeChat green when the stored value is not a colour. */
export function cardColor(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color : '#07c160';
}
