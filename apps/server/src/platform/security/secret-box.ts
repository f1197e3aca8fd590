import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Encrypts secrets at rest (AppSecret, Token, EncodingAESKey, access tokens) with AES-256-GCM under the
 * master key. Stored form: `v1:` + base64(iv ‖ tag ‖ ciphertext). The associated data binds a value
 * to its place (e.g. `account:3:app_secret`), so a ciphertext copied into another row does not decrypt.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the master key must be 32 bytes');
  }

  seal(plain: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  open(sealed: string, context: string): string {
    if (!sealed.startsWith('v1:')) throw new SecretBoxError('unknown secret format');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    if (raw.length < 28) throw new SecretBoxError('secret is truncated');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(raw.subarray(12, 28));
    try {
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('secret does not decrypt: wrong MASTER_KEY, or the value was moved or altered');
    }
  }
}

export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
}
