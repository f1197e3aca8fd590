import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Error codes of the official WXBizMsgCrypt sample (wechat-protocol.md §1.8), used as our internal codes. */
export const CryptoErrorCode = {
  ValidateSignatureError: -40001,
  ParseXmlError: -40002,
  ComputeSignatureError: -40003,
  IllegalAesKey: -40004,
  ValidateAppidError: -40005,
  EncryptAESError: -40006,
  DecryptAESError: -40007,
  IllegalBuffer: -40008,
  EncodeBase64Error: -40009,
  DecodeBase64Error: -40010,
  GenReturnXmlError: -40011,
} as const;
export type CryptoErrorCode = (typeof CryptoErrorCode)[keyof typeof CryptoErrorCode];

export class WechatCryptoError extends Error {
  override readonly name = 'WechatCryptoError';
  constructor(
    readonly code: CryptoErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const BLOCK = 32; // WeChat pads to 32 bytes, not AES's 16 (§1.5).
const ENCODING_AES_KEY = /^[A-Za-z0-9]{43}$/;

/** Decodes a 43-character EncodingAESKey into the 32-byte AES key. */
export function decodeEncodingAesKey(encodingAesKey: string): Buffer {
  if (!ENCODING_AES_KEY.test(encodingAesKey)) {
    throw new WechatCryptoError(CryptoErrorCode.IllegalAesKey, 'EncodingAESKey must be 43 letters or digits');
  }
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== 32) throw new WechatCryptoError(CryptoErrorCode.IllegalAesKey, 'EncodingAESKey does not decode to 32 bytes');
  return key;
}

/** Makes a fresh EncodingAESKey (43 base64 characters from random bytes, '+' and '/' replaced by letters). */
export function generateEncodingAesKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(43);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

function pkcs7Pad(data: Buffer): Buffer {
  const pad = BLOCK - (data.length % BLOCK);
  return Buffer.concat([data, Buffer.alloc(pad, pad)]);
}

function pkcs7Unpad(data: Buffer): Buffer {
  if (data.length === 0) throw new WechatCryptoError(CryptoErrorCode.IllegalBuffer, 'empty plaintext');
  const pad = data[data.length - 1]!;
  if (pad < 1 || pad > BLOCK || pad > data.length) {
    throw new WechatCryptoError(CryptoErrorCode.IllegalBuffer, `bad padding byte ${pad}`);
  }
  for (let i = data.length - pad; i < data.length; i++) {
    if (data[i] !== pad) throw new WechatCryptoError(CryptoErrorCode.IllegalBuffer, 'inconsistent padding');
  }
  return data.subarray(0, data.length - pad);
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export interface DecryptedMessage {
  /** The message (XML for Official Accounts), decoded as UTF-8. */
  message: string;
  /** The appid found in the tail of the plaintext. */
  appId: string;
  /** 0 when the current key worked, 1 when the previous key (during rotation) did. */
  keyIndex: number;
}

/**
 * Safe-mode AES-256-CBC message crypto (§1.5): PKCS#7 over 32 bytes, plaintext
 * random(16) ‖ uint32be(len) ‖ msg ‖ appid. Holds the current and, during rotation, the previous key.
 */
export class MessageCrypto {
  private readonly keys: Buffer[];

  constructor(
    readonly appId: string,
    encodingAesKey: string,
    previousEncodingAesKey?: string | null,
  ) {
    this.keys = [decodeEncodingAesKey(encodingAesKey)];
    if (previousEncodingAesKey) this.keys.push(decodeEncodingAesKey(previousEncodingAesKey));
  }

  /** Encrypts a message with key `keyIndex` (default: the current key); `random` is for reproducible tests. */
  encrypt(message: string, options: { keyIndex?: number; random?: Buffer } = {}): string {
    const key = this.keys[options.keyIndex ?? 0] ?? this.keys[0]!;
    const random = options.random ?? randomBytes(16);
    if (random.length !== 16) throw new WechatCryptoError(CryptoErrorCode.EncryptAESError, 'random prefix must be 16 bytes');
    const body = Buffer.from(message, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length, 0);
    const plain = pkcs7Pad(Buffer.concat([random, length, body, Buffer.from(this.appId, 'utf8')]));
    const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
    cipher.setAutoPadding(false);
    return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
  }

  /**
   * Decrypts an `Encrypt` value, trying the current key and then the previous one.
   * Throws WechatCryptoError: -40010 bad base64, -40007/-40008 undecryptable, -40005 appid mismatch.
   */
  decrypt(encrypted: string): DecryptedMessage {
    const trimmed = encrypted.trim();
    if (!BASE64.test(trimmed) || trimmed.length % 4 !== 0) {
      throw new WechatCryptoError(CryptoErrorCode.DecodeBase64Error, 'Encrypt is not valid base64');
    }
    const cipherText = Buffer.from(trimmed, 'base64');
    if (cipherText.length === 0 || cipherText.length % BLOCK !== 0) {
      throw new WechatCryptoError(CryptoErrorCode.DecryptAESError, `ciphertext length ${cipherText.length} is not a multiple of 32`);
    }
    let firstError: WechatCryptoError | undefined;
    for (let keyIndex = 0; keyIndex < this.keys.length; keyIndex++) {
      try {
        const { message, appId } = decryptWithKey(this.keys[keyIndex]!, cipherText);
        if (appId !== this.appId) {
          throw new WechatCryptoError(CryptoErrorCode.ValidateAppidError, 'the appid in the message does not match this account');
        }
        return { message, appId, keyIndex };
      } catch (error) {
        if (!(error instanceof WechatCryptoError)) throw error;
        // An appid mismatch under the right key is more telling than garbage under the wrong one.
        if (!firstError || error.code === CryptoErrorCode.ValidateAppidError) firstError = error;
      }
    }
    throw firstError!;
  }
}

function decryptWithKey(key: Buffer, cipherText: Buffer): { message: string; appId: string } {
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    plain = Buffer.concat([decipher.update(cipherText), decipher.final()]);
  } catch {
    throw new WechatCryptoError(CryptoErrorCode.DecryptAESError, 'AES decryption failed');
  }
  const content = pkcs7Unpad(plain);
  if (content.length < 20) throw new WechatCryptoError(CryptoErrorCode.IllegalBuffer, 'plaintext too short');
  const length = content.readUInt32BE(16);
  if (20 + length > content.length) throw new WechatCryptoError(CryptoErrorCode.IllegalBuffer, 'message length exceeds plaintext');
  const messageBytes = content.subarray(20, 20 + length);
  const appIdBytes = content.subarray(20 + length);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    return { message: decoder.decode(messageBytes), appId: decoder.decode(appIdBytes) };
  } catch {
    throw new WechatCryptoError(CryptoErrorCode.IllegalBuffer, 'plaintext is not UTF-8');
  }
}
