import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';

const OPENID = /^o[A-Za-z0-9_-]{27}$/;

/**
 * Deterministic openids for one account: 'o' + base64url(tag(4) ‖ AES-128-ECB(magic(12) ‖ index(4))),
 * 28 characters from [A-Za-z0-9_-] (§4.2). The same (appId, index) always gives the same openid, so a
 * restarted emulator recreates the same fans; decoding is O(1) without a lookup table, which keeps a
 * million fans cheap. The 4-byte tag is shared by all fans of the account, like the common prefix real
 * openids of one account have, and lets us tell "another account's openid" (49003) from garbage (40003).
 */
export class OpenidCodec {
  readonly tag: Buffer;
  private readonly key: Buffer;
  private readonly magic: Buffer;

  constructor(appId: string) {
    this.tag = digest('openid-tag', appId).subarray(0, 4);
    this.key = digest('openid-key', appId).subarray(0, 16);
    this.magic = digest('openid-magic', appId).subarray(0, 12);
  }

  encode(index: number): string {
    return this.encodeMany([index])[0]!;
  }

  /** Encodes many indices with one cipher pass (a page of 10,000 openids costs one AES call). */
  encodeMany(indices: ArrayLike<number>): string[] {
    const n = indices.length;
    if (n === 0) return [];
    const blocks = Buffer.alloc(n * 16);
    for (let i = 0; i < n; i++) {
      this.magic.copy(blocks, i * 16);
      blocks.writeUInt32BE(indices[i]!, i * 16 + 12);
    }
    const cipher = createCipheriv('aes-128-ecb', this.key, null);
    cipher.setAutoPadding(false);
    const sealed = Buffer.concat([cipher.update(blocks), cipher.final()]);
    const scratch = Buffer.alloc(20);
    this.tag.copy(scratch, 0);
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      sealed.copy(scratch, 4, i * 16, i * 16 + 16);
      out[i] = `o${scratch.toString('base64url')}`;
    }
    return out;
  }

  /** The fan index of an openid of this account, or -1 (malformed, or another account's). */
  decode(openid: unknown): number {
    const bytes = openidBytes(openid);
    if (!bytes || !bytes.subarray(0, 4).equals(this.tag)) return -1;
    const decipher = createDecipheriv('aes-128-ecb', this.key, null);
    decipher.setAutoPadding(false);
    const block = Buffer.concat([decipher.update(bytes.subarray(4)), decipher.final()]);
    if (!block.subarray(0, 12).equals(this.magic)) return -1;
    return block.readUInt32BE(12);
  }
}

/** The account tag inside a well-formed openid (hex), or null. Used to answer 49003 for other accounts' openids. */
export function openidTag(openid: unknown): string | null {
  return openidBytes(openid)?.subarray(0, 4).toString('hex') ?? null;
}

function openidBytes(openid: unknown): Buffer | null {
  if (typeof openid !== 'string' || !OPENID.test(openid)) return null;
  const bytes = Buffer.from(openid.slice(1), 'base64url');
  // Reject non-canonical spellings (different unused low bits) so one fan has exactly one openid.
  if (bytes.length !== 20 || bytes.toString('base64url') !== openid.slice(1)) return null;
  return bytes;
}

function digest(purpose: string, appId: string): Buffer {
  return createHash('sha256').update(`zhanggui-emulator:${purpose}:${appId}`).digest();
}
