/** Upload limits of §4.10, per media type. Sizes in bytes; formats are lower-case file extensions. */
export type MediaType = 'image' | 'voice' | 'video' | 'thumb';
export const MEDIA_TYPES: readonly MediaType[] = ['image', 'voice', 'video', 'thumb'];

interface Rule {
  maxBytes: number;
  formats: readonly string[];
  /** The per-type size errcode (40009 image … 40012 thumb). */
  sizeErrcode: number;
}

const MB = 1024 * 1024;

/** Temporary media (kept 3 days). Image is 10 MB in the current docs (older: 2 MB or 1 MB). */
export const TEMPORARY_RULES: Readonly<Record<MediaType, Rule>> = {
  image: { maxBytes: 10 * MB, formats: ['png', 'jpeg', 'jpg', 'gif'], sizeErrcode: 40009 },
  voice: { maxBytes: 2 * MB, formats: ['amr', 'mp3'], sizeErrcode: 40010 },
  video: { maxBytes: 10 * MB, formats: ['mp4'], sizeErrcode: 40011 },
  thumb: { maxBytes: 64 * 1024, formats: ['jpg', 'jpeg'], sizeErrcode: 40012 },
};

/** Permanent material. */
export const PERMANENT_RULES: Readonly<Record<MediaType, Rule>> = {
  image: { maxBytes: 10 * MB, formats: ['bmp', 'png', 'jpeg', 'jpg', 'gif'], sizeErrcode: 40009 },
  voice: { maxBytes: 2 * MB, formats: ['mp3', 'wma', 'wav', 'amr'], sizeErrcode: 40010 },
  video: { maxBytes: 10 * MB, formats: ['mp4'], sizeErrcode: 40011 },
  thumb: { maxBytes: 64 * 1024, formats: ['jpg', 'jpeg'], sizeErrcode: 40012 },
};

/** Article images (uploadimg): JPG/PNG under 1 MB. */
export const ARTICLE_IMAGE_RULE: Rule = { maxBytes: MB - 1, formats: ['jpg', 'jpeg', 'png'], sizeErrcode: 40009 };

/** Temporary media lives 3 days (§4.10). */
export const TEMPORARY_LIFETIME_MS = 3 * 86_400_000;

const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  amr: 'audio/amr',
  mp3: 'audio/mpeg',
  wma: 'audio/x-ms-wma',
  wav: 'audio/wav',
  speex: 'audio/speex',
  mp4: 'video/mp4',
};
const EXTENSIONS: Record<string, string> = Object.fromEntries(Object.entries(CONTENT_TYPES).map(([ext, type]) => [type, ext]));

/** The file's format: its extension, or failing that its declared content type. */
export function formatOf(filename: string, contentType: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  return ext ?? EXTENSIONS[contentType.toLowerCase()] ?? '';
}

export function contentTypeOf(format: string): string {
  return CONTENT_TYPES[format] ?? 'application/octet-stream';
}
