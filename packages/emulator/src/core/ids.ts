import { randomBytes, randomFillSync, randomInt } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const URL_SAFE = `${ALNUM}_-`;

// One getrandom call per 64 KB instead of one per id: creating 100,000 QR codes stays fast.
const pool = Buffer.alloc(65_536);
let poolOffset = pool.length;

/** Random bytes from a pooled CSPRNG buffer (ids and tickets, not keys). */
export function pooledRandomBytes(length: number): Buffer {
  if (length > pool.length) return randomBytes(length);
  if (poolOffset + length > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const out = Buffer.from(pool.subarray(poolOffset, poolOffset + length));
  poolOffset += length;
  return out;
}

/** A random string over `alphabet` (unbiased enough for ids: 256 % 64 === 0, and 62 is close). */
export function randomString(length: number, alphabet = ALNUM): string {
  const bytes = pooledRandomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i]! % alphabet.length];
  return out;
}

/** The ` rid: xxxxxxxx-xxxxxxxx-xxxxxxxx` tail newer WeChat errmsg values carry (§0). */
export function rid(): string {
  const hex = randomBytes(12).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 16)}-${hex.slice(16, 24)}`;
}

/** A push nonce: real ones are 9–10 decimal digits (§1.2). */
export function pushNonce(): string {
  return String(randomInt(100_000_000, 2_147_483_647));
}

/** An access token shaped like WeChat's: a 2-digit generation prefix and ~130 URL-safe characters. */
export function accessToken(): string {
  return `86_${randomString(133, URL_SAFE)}`;
}

/** Well-formed tokens unknown to us answer 40001; anything else is malformed and answers 40014. */
export const ACCESS_TOKEN_SHAPE = /^\d{2}_[A-Za-z0-9_-]{60,}$/;

/** An opaque media_id of 64 URL-safe characters (§4.2). */
export function mediaId(): string {
  return randomString(64, URL_SAFE);
}

/**
 * Generates MsgId values: unique 64-bit decimals above 2^53 (§0 "Big integers"), so a client that
 * parses them as JS numbers loses precision and a test notices.
 */
export class MsgIdSequence {
  private next: bigint;

  constructor() {
    // Start somewhere in [2^62, 2^62 + 2^56): far above 2^53, far below 2^63.
    this.next = (1n << 62n) + BigInt(`0x${randomBytes(7).toString('hex')}`);
  }

  take(): string {
    this.next += 1n + BigInt(randomInt(0, 1000));
    return this.next.toString();
  }
}

/** Numeric ids in JSON (msg_id, msgid, menuid) that still fit in a double, increasing per account. */
export class NumericIdSequence {
  private next: number;
  constructor(start: number) {
    this.next = start;
  }
  take(): number {
    this.next += 1 + randomInt(0, 7);
    return this.next;
  }
}
