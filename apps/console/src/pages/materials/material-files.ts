import { ARTICLE_IMAGE_LIMITS, MATERIAL_LIMITS, type MaterialKind } from '@zhanggui/shared';
import type { MessageKey, Vars } from '../../i18n/i18n.tsx';

/** The kinds the library shows on its own tabs (thumbs are only made for covers, and are listed with images). */
export type LibraryKind = Exclude<MaterialKind, 'thumb'>;
export const LIBRARY_KINDS: LibraryKind[] = ['image', 'voice', 'video'];

/** 10 MB, 64 KB, 1.2 MB: how a limit or a file size reads. */
export function formatBytes(bytes: number): string {
  // "1 MB" rather than "1024 KB" for ARTICLE_IMAGE_LIMITS (1 MB less a byte).
  if (bytes >= 1000 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** The `accept` attribute of a file input for these formats. */
export function acceptOf(formats: readonly string[]): string {
  return formats.map((format) => `.${format}`).join(',');
}

export interface FileProblem {
  key: MessageKey;
  vars: Vars;
}

function check(file: File, limits: { maxBytes: number; formats: readonly string[] }): FileProblem | null {
  const formats = limits.formats.join(' / ');
  if (!limits.formats.includes(extensionOf(file.name))) return { key: 'materials.file.badFormat', vars: { name: file.name, formats } };
  if (file.size > limits.maxBytes) return { key: 'materials.file.tooLarge', vars: { name: file.name, size: formatBytes(file.size), max: formatBytes(limits.maxBytes) } };
  return null;
}

/**
 * Checks a file against WeChat's limits for its kind before uploading (the server checks the same, and the
 * content too): a 12 MB video is refused here at once rather than after the upload.
 */
export function materialFileProblem(file: File, kind: MaterialKind): FileProblem | null {
  return check(file, MATERIAL_LIMITS[kind]);
}

/** The same for images inside article bodies (JPG or PNG under 1 MB). */
export function articleImageProblem(file: File): FileProblem | null {
  return check(file, ARTICLE_IMAGE_LIMITS);
}

/** "jpg / png, up to 10 MB": the limit shown beside an upload control. */
export function limitVars(kind: MaterialKind): Vars {
  return { formats: MATERIAL_LIMITS[kind].formats.join(' / '), max: formatBytes(MATERIAL_LIMITS[kind].maxBytes) };
}
