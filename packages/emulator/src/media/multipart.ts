/** One part of a multipart/form-data body. */
export interface MultipartPart {
  name: string;
  filename?: string;
  contentType: string;
  data: Buffer;
}

export class MultipartError extends Error {
  override readonly name = 'MultipartError';
}

export interface MultipartLimits {
  maxParts: number;
  maxHeaderBytes: number;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * A small, strict multipart/form-data parser (RFC 7578) for uploads (§0: the file is in field `media`).
 * The whole body is already in memory and size-bounded by the HTTP layer; here we bound parts and header
 * sizes, require CRLF framing and the closing delimiter, and refuse anything ambiguous.
 */
export function parseMultipart(body: Buffer, contentType: string, limits: MultipartLimits = { maxParts: 16, maxHeaderBytes: 4096 }): MultipartPart[] {
  const boundary = boundaryOf(contentType);
  const delimiter = Buffer.from(`--${boundary}`);
  const bodyDelimiter = Buffer.concat([CRLF, delimiter]);
  let position = body.indexOf(delimiter);
  // Only CRLF-framed preamble may precede the first delimiter.
  if (position < 0 || (position > 0 && !body.subarray(position - 2, position).equals(CRLF))) throw new MultipartError('the first boundary is missing');
  position += delimiter.length;

  const parts: MultipartPart[] = [];
  for (;;) {
    if (body.subarray(position, position + 2).toString('latin1') === '--') return parts;
    if (!body.subarray(position, position + 2).equals(CRLF)) throw new MultipartError('a boundary must be followed by CRLF or --');
    position += 2;
    const headerEnd = body.indexOf(HEADER_END, position);
    if (headerEnd < 0 || headerEnd - position > limits.maxHeaderBytes) throw new MultipartError('part headers are missing or too large');
    const headers = parseHeaders(body.subarray(position, headerEnd).toString('utf8'));
    const dataStart = headerEnd + HEADER_END.length;
    const dataEnd = body.indexOf(bodyDelimiter, dataStart);
    if (dataEnd < 0) throw new MultipartError('the closing boundary is missing');
    if (parts.length >= limits.maxParts) throw new MultipartError(`more than ${limits.maxParts} parts`);
    parts.push({ ...headers, data: body.subarray(dataStart, dataEnd) });
    position = dataEnd + bodyDelimiter.length;
  }
}

/** The first file part and the text fields of a parsed form. */
export function formOf(parts: MultipartPart[]): { files: Map<string, MultipartPart>; fields: Map<string, string> } {
  const files = new Map<string, MultipartPart>();
  const fields = new Map<string, string>();
  for (const part of parts) {
    if (part.filename !== undefined) {
      if (!files.has(part.name)) files.set(part.name, part);
    } else if (!fields.has(part.name)) {
      fields.set(part.name, part.data.toString('utf8'));
    }
  }
  return { files, fields };
}

function boundaryOf(contentType: string): string {
  if (!/^multipart\/form-data\s*;/i.test(contentType)) throw new MultipartError('not multipart/form-data');
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw new MultipartError('the boundary parameter is missing or invalid');
  return boundary;
}

function parseHeaders(block: string): { name: string; filename?: string; contentType: string } {
  let disposition = '';
  let contentType = 'application/octet-stream';
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new MultipartError(`malformed part header ${JSON.stringify(line.slice(0, 40))}`);
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'content-disposition') disposition = value;
    else if (key === 'content-type') contentType = value;
  }
  if (!/^form-data\s*(;|$)/i.test(disposition)) throw new MultipartError('each part needs Content-Disposition: form-data');
  const name = param(disposition, 'name');
  if (name === undefined || name === '') throw new MultipartError('a part has no name');
  const extended = /;\s*filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const filename = extended !== undefined ? safeDecode(extended) : param(disposition, 'filename');
  return filename === undefined ? { name, contentType } : { name, filename, contentType };
}

function param(header: string, key: string): string | undefined {
  const quoted = new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(header);
  if (quoted) return quoted[1]!.replace(/\\(.)/g, '$1').replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
  const bare = new RegExp(`;\\s*${key}=([^;\\s]+)`, 'i').exec(header);
  return bare?.[1];
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new MultipartError('malformed filename*');
  }
}
