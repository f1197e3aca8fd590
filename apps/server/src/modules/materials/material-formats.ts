import { ARTICLE_IMAGE_LIMITS, MATERIAL_LIMITS, type MaterialKind } from '@zhanggui/shared';
import { AppError } from '../../platform/http/errors.ts';

/** A format we can recognise by its first bytes, with the content type we store and serve it as. */
type Format = 'bmp' | 'png' | 'jpeg' | 'gif' | 'mp3' | 'wma' | 'wav' | 'amr' | 'mp4';

const CONTENT_TYPES: Record<Format, string> = {
  bmp: 'image/bmp',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  mp3: 'audio/mpeg',
  wma: 'audio/x-ms-wma',
  wav: 'audio/wav',
  amr: 'audio/amr',
  mp4: 'video/mp4',
};

/** File extensions → the format their content must have (jpg and jpeg are one format). */
const EXTENSIONS: Record<string, Format> = { bmp: 'bmp', png: 'png', jpg: 'jpeg', jpeg: 'jpeg', gif: 'gif', mp3: 'mp3', wma: 'wma', wav: 'wav', amr: 'amr', mp4: 'mp4' };

const ASF_GUID = Buffer.from([0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11, 0xa6, 0xd9, 0x00, 0xaa, 0x00, 0x62, 0xce, 0x6c]);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ascii = (data: Buffer, start: number, end: number) => data.subarray(start, end).toString('latin1');

/** The format by magic bytes, or null when the content is none we accept. */
export function sniffFormat(data: Buffer): Format | null {
  if (data.length >= 8 && data.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  if (data.length >= 6 && /^GIF8[79]a$/.test(ascii(data, 0, 6))) return 'gif';
  if (data.length >= 14 && ascii(data, 0, 2) === 'BM') return 'bmp';
  if (data.length >= 12 && ascii(data, 0, 4) === 'RIFF' && ascii(data, 8, 12) === 'WAVE') return 'wav';
  if (data.length >= 6 && ascii(data, 0, 6) === '#!AMR\n') return 'amr';
  if (data.length >= 16 && data.subarray(0, 16).equals(ASF_GUID)) return 'wma';
  if (data.length >= 12 && ascii(data, 4, 8) === 'ftyp') return 'mp4';
  if (data.length >= 3 && ascii(data, 0, 3) === 'ID3') return 'mp3';
  // A bare MPEG audio frame: 11 sync bits, then a version and a layer that are not "reserved" (AAC's layer is 0).
  if (data.length >= 4 && data[0] === 0xff && (data[1]! & 0xe0) === 0xe0 && (data[1]! & 0x18) !== 0x08 && (data[1]! & 0x06) !== 0) return 'mp3';
  return null;
}

function extensionOf(filename: string): string {
  return /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase() ?? '';
}

export interface CheckedFile {
  /** The name as the operator's file had it (path stripped). */
  name: string;
  contentType: string;
}

const limitDetails = (kind: string, limit: { maxBytes: number; formats: readonly string[] }) => ({ kind, formats: limit.formats, maxBytes: limit.maxBytes });

/**
 * Checks an upload against the permanent-material rules of §4.10 before WeChat sees it: the extension must
 * be one WeChat accepts for the kind (WeChat decides by extension), and the bytes must really be that format
 * (so a PNG renamed .mp3 is refused here instead of failing on a phone).
 */
export function checkMaterialFile(kind: MaterialKind, filename: string, data: Buffer): CheckedFile {
  const limit = MATERIAL_LIMITS[kind];
  return checkFile(filename, data, limit, () => new AppError('MATERIAL_TYPE_INVALID', limitDetails(kind, limit)), () => new AppError('MATERIAL_TOO_LARGE', limitDetails(kind, limit)));
}

/** Article images (media/uploadimg): JPG or PNG under 1 MB. */
export function checkArticleImage(filename: string, data: Buffer): CheckedFile {
  const invalid = () => new AppError('ARTICLE_IMAGE_INVALID', limitDetails('article-image', ARTICLE_IMAGE_LIMITS));
  return checkFile(filename, data, ARTICLE_IMAGE_LIMITS, invalid, invalid);
}

function checkFile(filename: string, data: Buffer, limit: { maxBytes: number; formats: readonly string[] }, invalid: () => AppError, tooLarge: () => AppError): CheckedFile {
  const name = (filename.split(/[\\/]/).pop() ?? '').trim().slice(-200);
  const extension = extensionOf(name);
  if (!limit.formats.includes(extension)) throw invalid();
  const format = sniffFormat(data);
  if (!format || format !== EXTENSIONS[extension]) throw invalid();
  if (data.length > limit.maxBytes) throw tooLarge();
  return { name, contentType: CONTENT_TYPES[format] };
}
