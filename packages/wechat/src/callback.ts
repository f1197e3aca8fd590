import { randomInt } from 'node:crypto';
import { CryptoErrorCode, MessageCrypto, WechatCryptoError } from './crypto.ts';
import { InboundParseError, toInboundMessage, type InboundMessage } from './inbound.ts';
import { buildEncryptedEnvelope } from './reply.ts';
import { computeMsgSignature, verifyMsgSignature, verifySignature } from './signature.ts';
import { DEFAULT_MAX_XML_BYTES, parseXml, text, WechatXmlError } from './xml.ts';

/** How the account's server configuration encrypts pushes (§1.4). */
export type MessageMode = 'plaintext' | 'compatible' | 'safe';
export const MESSAGE_MODES: readonly MessageMode[] = ['plaintext', 'compatible', 'safe'];

export interface CallbackCredentials {
  appId: string;
  token: string;
  encodingAesKey?: string | null;
  /** The previous key, kept during a rotation (§1.5). */
  previousEncodingAesKey?: string | null;
}

/** The query string WeChat puts on every push (§1.4) and on URL verification (§1.2). */
export interface CallbackQuery {
  signature?: string;
  timestamp?: string;
  nonce?: string;
  openid?: string;
  encrypt_type?: string;
  msg_signature?: string;
  echostr?: string;
}

export type CallbackErrorCode =
  | 'WX_SIGNATURE_INVALID'
  | 'WX_TIMESTAMP_STALE'
  | 'WX_BODY_TOO_LARGE'
  | 'WX_XML_MALFORMED'
  | 'WX_XML_DOCTYPE'
  | 'WX_APPID_MISMATCH'
  | 'WX_DECRYPT_FAILED'
  | 'WX_ENCRYPTION_REQUIRED'
  | 'WX_MESSAGE_INVALID';

const STATUS: Record<CallbackErrorCode, 400 | 401 | 413> = {
  WX_SIGNATURE_INVALID: 401,
  WX_TIMESTAMP_STALE: 401,
  WX_BODY_TOO_LARGE: 413,
  WX_XML_MALFORMED: 400,
  WX_XML_DOCTYPE: 400,
  WX_APPID_MISMATCH: 401,
  WX_DECRYPT_FAILED: 400,
  WX_ENCRYPTION_REQUIRED: 400,
  WX_MESSAGE_INVALID: 400,
};

/** A push that must be refused; `status` is the HTTP status to answer with. */
export class CallbackError extends Error {
  override readonly name = 'CallbackError';
  readonly status: 400 | 401 | 413;
  constructor(
    readonly code: CallbackErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export interface CallbackOptions {
  /** Refuse plaintext pushes (an account in safe mode). Default false. */
  requireEncryption?: boolean;
  maxBodyBytes?: number;
  /** How far the push's timestamp may be from our clock, in seconds. Default 300; 0 turns the check off. */
  maxClockSkewSeconds?: number;
  /** Clock, in Unix seconds (for tests). */
  now?: () => number;
}

export interface OpenedPush {
  message: InboundMessage;
  /** The plaintext XML (decrypted in compatible and safe modes). */
  xml: string;
  /** Whether the push was encrypted, i.e. whether the reply should be. */
  encrypted: boolean;
  /** Which key decrypted it (0 current, 1 previous); the reply is sealed with the same one. */
  keyIndex: number;
}

/**
 * Opens and seals callback traffic for one account: URL verification, signature and msg_signature checks,
 * timestamp freshness, safe-mode decryption with key rotation, safe XML parsing, and encrypted replies.
 */
export class CallbackCodec {
  readonly crypto: MessageCrypto | null;
  private readonly requireEncryption: boolean;
  private readonly maxBodyBytes: number;
  private readonly maxSkew: number;
  private readonly now: () => number;

  constructor(
    readonly credentials: CallbackCredentials,
    options: CallbackOptions = {},
  ) {
    this.crypto = credentials.encodingAesKey
      ? new MessageCrypto(credentials.appId, credentials.encodingAesKey, credentials.previousEncodingAesKey)
      : null;
    this.requireEncryption = options.requireEncryption ?? false;
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_XML_BYTES;
    this.maxSkew = options.maxClockSkewSeconds ?? 300;
    this.now = options.now ?? (() => Math.floor(Date.now() / 1000));
  }

  /** URL verification (§1.2): returns the echostr to answer with, exactly as given. Same in all modes. */
  verifyUrl(query: CallbackQuery): string {
    const { timestamp, nonce } = this.checkStamp(query);
    if (!verifySignature(this.credentials.token, timestamp, nonce, query.signature)) {
      throw new CallbackError('WX_SIGNATURE_INVALID', 'signature does not match the token');
    }
    if (typeof query.echostr !== 'string' || query.echostr === '') throw new CallbackError('WX_MESSAGE_INVALID', 'echostr is missing');
    return query.echostr;
  }

  /** Verifies, decrypts and parses one push. Throws CallbackError. */
  open(query: CallbackQuery, body: string): OpenedPush {
    if (Buffer.byteLength(body, 'utf8') > this.maxBodyBytes) throw new CallbackError('WX_BODY_TOO_LARGE', `body over ${this.maxBodyBytes} bytes`);
    const { timestamp, nonce } = this.checkStamp(query);
    const token = this.credentials.token;
    if (query.signature !== undefined && !verifySignature(token, timestamp, nonce, query.signature)) {
      throw new CallbackError('WX_SIGNATURE_INVALID', 'signature does not match the token');
    }
    const encrypted = query.encrypt_type === 'aes';
    if (!encrypted) {
      // Plaintext: `signature` only covers timestamp and nonce, so it must be there.
      if (query.signature === undefined) throw new CallbackError('WX_SIGNATURE_INVALID', 'signature is missing');
      if (this.requireEncryption) throw new CallbackError('WX_ENCRYPTION_REQUIRED', 'this account only accepts encrypted (safe mode) pushes');
      const node = parse(body, this.maxBodyBytes);
      return { message: toMessage(node), xml: body, encrypted: false, keyIndex: 0 };
    }

    if (!this.crypto) throw new CallbackError('WX_DECRYPT_FAILED', 'the push is encrypted but no EncodingAESKey is configured');
    const envelope = parse(body, this.maxBodyBytes);
    const encrypt = text(envelope, 'Encrypt');
    if (!encrypt) throw new CallbackError('WX_MESSAGE_INVALID', 'Encrypt is missing from an encrypted push');
    if (!verifyMsgSignature(token, timestamp, nonce, encrypt, query.msg_signature)) {
      throw new CallbackError('WX_SIGNATURE_INVALID', 'msg_signature does not match the encrypted body');
    }
    let decrypted;
    try {
      decrypted = this.crypto.decrypt(encrypt);
    } catch (error) {
      if (error instanceof WechatCryptoError && error.code === CryptoErrorCode.ValidateAppidError) {
        throw new CallbackError('WX_APPID_MISMATCH', 'the encrypted message belongs to another appid');
      }
      throw new CallbackError('WX_DECRYPT_FAILED', (error as Error).message);
    }
    const node = parse(decrypted.message, this.maxBodyBytes);
    return { message: toMessage(node), xml: decrypted.message, encrypted: true, keyIndex: decrypted.keyIndex };
  }

  /**
   * Seals a reply for the push it answers: encrypted when the push was, plaintext otherwise.
   * `success` and '' are never encrypted (WeChat accepts them as is, §1.9).
   */
  seal(replyXml: string, push: Pick<OpenedPush, 'encrypted' | 'keyIndex'>, nonce?: string): string {
    if (!push.encrypted || replyXml === '' || replyXml === 'success') return replyXml;
    return this.encryptReply(replyXml, { keyIndex: push.keyIndex, nonce });
  }

  /** Encrypts reply XML into the §1.7 envelope. */
  encryptReply(replyXml: string, options: { keyIndex?: number; nonce?: string; timestamp?: number } = {}): string {
    if (!this.crypto) throw new CallbackError('WX_DECRYPT_FAILED', 'no EncodingAESKey is configured');
    const timestamp = String(options.timestamp ?? this.now());
    const nonce = options.nonce ?? String(randomInt(100_000_000, 2_147_483_647));
    const encrypt = this.crypto.encrypt(replyXml, { keyIndex: options.keyIndex ?? 0 });
    const msgSignature = computeMsgSignature(this.credentials.token, timestamp, nonce, encrypt);
    return buildEncryptedEnvelope({ encrypt, msgSignature, timestamp, nonce });
  }

  private checkStamp(query: CallbackQuery): { timestamp: string; nonce: string } {
    const { timestamp, nonce } = query;
    if (typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp) || typeof nonce !== 'string' || nonce === '') {
      throw new CallbackError('WX_SIGNATURE_INVALID', 'timestamp or nonce is missing');
    }
    if (this.maxSkew > 0 && Math.abs(this.now() - Number(timestamp)) > this.maxSkew) {
      throw new CallbackError('WX_TIMESTAMP_STALE', `timestamp is more than ${this.maxSkew} s from the server clock`);
    }
    return { timestamp, nonce };
  }
}

function parse(xml: string, maxBytes: number) {
  try {
    return parseXml(xml, maxBytes);
  } catch (error) {
    if (error instanceof WechatXmlError) {
      if (error.reason === 'too_large') throw new CallbackError('WX_BODY_TOO_LARGE', error.message);
      if (error.reason === 'doctype') throw new CallbackError('WX_XML_DOCTYPE', error.message);
      throw new CallbackError('WX_XML_MALFORMED', error.message);
    }
    throw error;
  }
}

function toMessage(node: ReturnType<typeof parseXml>): InboundMessage {
  try {
    return toInboundMessage(node);
  } catch (error) {
    if (error instanceof InboundParseError) throw new CallbackError('WX_MESSAGE_INVALID', error.message);
    throw error;
  }
}
