// Letter avatars: a stable colour per name so the same fan or colleague is recognisable at a glance.
const PALETTE = ['#07b05a', '#2f7df6', '#f59f00', '#7c5cff', '#e5484d', '#12a5a5', '#d6409f', '#5b6b7c'];

export function avatarColor(seed: string): string {
  let hash = 0;
  for (let i = 0; i < seed.length; i += 1) hash = (hash * 31 + seed.charCodeAt(i)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length] ?? PALETTE[0]!;
}

/**
 * One character for a letter avatar: a Chinese name's surname or a Latin initial. Generated names such as
 * "粉丝 MfwHM0" (no remark yet) use their distinguishing suffix, or every fan would show the same 粉.
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  const word = words.length > 1 && /^[A-Za-z0-9_-]{4,}$/.test(last) ? last : (words[0] ?? '');
  return (Array.from(word)[0] ?? '?').toUpperCase();
}
