import { createHash, timingSafeEqual } from 'node:crypto';

/** SHA-1 of the given strings sorted as strings and joined with no separator (wechat-protocol.md §1.3, §1.6). */
export function sortedSha1(parts: readonly string[]): string {
  // Plain string comparison (UTF-16 code units) is what WeChat uses; for ASCII it equals byte order.
  const sorted = [...parts].sort();
  return createHash('sha1').update(sorted.join(''), 'utf8').digest('hex');
}

/** The token-only `signature` of a callback: sha1(sort([token, timestamp, nonce])). */
export function computeSignature(token: string, timestamp: string, nonce: string): string {
  return sortedSha1([token, timestamp, nonce]);
}

/** The `msg_signature` of an encrypted body: sha1(sort([token, timestamp, nonce, encrypt])). */
export function computeMsgSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return sortedSha1([token, timestamp, nonce, encrypt]);
}

/** Constant-time comparison of two hex digests; false for anything that is not the same length. */
export function digestEquals(expected: string, given: string | undefined | null): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected, 'latin1'), Buffer.from(given.toLowerCase(), 'latin1'));
}

export function verifySignature(token: string, timestamp: string, nonce: string, signature: string | undefined): boolean {
  return digestEquals(computeSignature(token, timestamp, nonce), signature);
}

export function verifyMsgSignature(
  token: string,
  timestamp: string,
  nonce: string,
  encrypt: string,
  msgSignature: string | undefined,
): boolean {
  return digestEquals(computeMsgSignature(token, timestamp, nonce, encrypt), msgSignature);
}

/**
 * JS-SDK `wx.config` signature (§4.13): fields sorted by name, joined as k=v with '&', SHA-1.
 * `url` must be the page URL without its '#' fragment.
 */
export function jsapiSignature(input: { jsapiTicket: string; nonceStr: string; timestamp: string | number; url: string }): string {
  const url = input.url.split('#')[0] ?? '';
  const plain = `jsapi_ticket=${input.jsapiTicket}&noncestr=${input.nonceStr}&timestamp=${input.timestamp}&url=${url}`;
  return createHash('sha1').update(plain, 'utf8').digest('hex');
}

/** Card-ext signature (§4.13): the values sorted as strings, joined, SHA-1. Empty values are left out. */
export function cardExtSignature(values: Array<string | number | undefined | null>): string {
  return sortedSha1(values.filter((v): v is string | number => v !== undefined && v !== null && v !== '').map(String));
}
