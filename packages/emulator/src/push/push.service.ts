import { buildXml, cdata, computeMsgSignature, computeSignature, type Reply } from '@zhanggui/wechat';
import type { AccountState } from '../accounts/account-state.ts';
import type { Clock } from '../core/clock.ts';
import { pushNonce } from '../core/ids.ts';
import { sleep } from '../core/tasks.ts';
import { inboundXml, type InboundPush } from './inbound.builder.ts';
import { judgeReply } from './reply.validator.ts';

/** What happened to one push. */
export interface DeliveryResult {
  /** replied: a valid passive reply; no_reply: `success`/empty (or nowhere to push); failed: invalid reply, errors or timeouts. */
  outcome: 'replied' | 'no_reply' | 'failed';
  /** The validated reply (news already trimmed to the §3 limit). */
  reply?: Reply;
  /** HTTP attempts made (0 when nothing was sent). */
  attempts: number;
  error?: string;
  /** The last body the callback answered with. */
  rawResponse?: string;
  /** News articles dropped because of the 1/8 limit. */
  droppedArticles?: number;
  /** The plaintext XML that was pushed (before encryption). */
  pushedXml?: string;
  /** The MsgId of a user message. */
  msgId?: string;
}

export interface DeliveryOptions {
  /** WeChat waits 5 s for an answer (§1.9). */
  timeoutMs: number;
  /** Retries after the first attempt. §1.9 is ambiguous ("three times in total"); default 1 + 3. */
  retries: number;
  /** Pause between attempts (on top of the time the failed attempt took). */
  retrySpacingMs: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = { timeoutMs: 5000, retries: 3, retrySpacingMs: 0 };

/**
 * Signs, encrypts and POSTs pushes to an account's callback URL in its message mode (§1.4, §7.1), retries
 * with the identical body and query when no answer comes in time, and judges the answer (§7.2).
 */
export class PushService {
  // Aborted on close so pending pushes (and their retries) end at once instead of waiting out timeouts.
  private readonly shutdown = new AbortController();

  constructor(
    private readonly clock: Clock,
    readonly options: DeliveryOptions,
  ) {}

  async deliver(account: AccountState, push: InboundPush): Promise<DeliveryResult> {
    const config = account.config;
    const xml = inboundXml(push);
    const base = { pushedXml: xml, msgId: push.msgId };
    if (!config.callbackUrl) {
      const result: DeliveryResult = { outcome: 'no_reply', attempts: 0, error: 'the account has no callback URL (server configuration disabled)', ...base };
      this.log(account, push, result);
      return result;
    }

    // Sign once: retries replay exactly the same query and body (§1.9, §7.1).
    const { url, body } = this.seal(account, push, xml);
    const maxAttempts = 1 + Math.max(0, this.options.retries);
    let lastError = '';
    let rawResponse: string | undefined;
    let attempts = 0;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1 && this.options.retrySpacingMs > 0) await sleep(this.options.retrySpacingMs);
      if (this.shutdown.signal.aborted) {
        lastError = 'the emulator is closing';
        break;
      }
      const latency = account.faults.takePushLatency();
      if (latency > 0) await sleep(latency);
      const forcedTimeout = account.faults.takePushTimeout();
      attempts = attempt;
      let status: number;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'text/xml', 'user-agent': 'Mozilla/4.0' },
          body,
          redirect: 'manual',
          signal: AbortSignal.any([AbortSignal.timeout(this.options.timeoutMs), this.shutdown.signal]),
        });
        rawResponse = await response.text();
        status = response.status;
      } catch (error) {
        const name = (error as Error).name;
        lastError = name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${this.options.timeoutMs} ms` : `request failed: ${describe(error)}`;
        continue;
      }
      if (forcedTimeout) {
        // Fault injection: the answer is thrown away as if it had come too late.
        lastError = 'timed out (injected push-timeout fault)';
        continue;
      }
      if (status < 200 || status >= 300) {
        lastError = `callback answered HTTP ${status}`;
        continue;
      }
      const verdict = judgeReply(rawResponse, {
        mode: config.mode,
        token: config.token,
        crypto: account.crypto,
        inboundTo: config.originalId,
        inboundFrom: push.openid,
        answering: push.answering,
        mediaExists: (id, type) => account.media.usable(id, this.clock.now(), [type]) !== null,
      });
      const result: DeliveryResult =
        verdict.kind === 'none'
          ? { outcome: 'no_reply', attempts, rawResponse, ...base }
          : verdict.kind === 'reply'
            ? { outcome: 'replied', reply: verdict.reply, attempts, rawResponse, ...base, ...(verdict.droppedArticles ? { droppedArticles: verdict.droppedArticles } : {}) }
            : { outcome: 'failed', attempts, error: verdict.error, rawResponse, ...base };
      this.log(account, push, result);
      return result;
    }
    const failed: DeliveryResult = { outcome: 'failed', attempts, error: lastError, ...base, ...(rawResponse !== undefined ? { rawResponse } : {}) };
    this.log(account, push, failed);
    return failed;
  }

  /** Ends pending and future deliveries (emulator shutdown). */
  stop(): void {
    this.shutdown.abort();
  }

  /** The signed URL and body for the account's mode: plaintext, compatible (plain fields + Encrypt) or safe. */
  seal(account: AccountState, push: InboundPush, xml: string): { url: string; body: string } {
    const { token, mode, originalId, callbackUrl } = account.config;
    const timestamp = String(this.clock.seconds());
    const nonce = pushNonce();
    const query = new URLSearchParams({ signature: computeSignature(token, timestamp, nonce), timestamp, nonce, openid: push.openid });
    let body = xml;
    if (mode !== 'plaintext') {
      const encrypt = account.crypto.encrypt(xml);
      query.set('encrypt_type', 'aes');
      query.set('msg_signature', computeMsgSignature(token, timestamp, nonce, encrypt));
      body = mode === 'safe' ? buildXml({ ToUserName: originalId, Encrypt: encrypt }) : `${xml.slice(0, -'</xml>'.length)}<Encrypt>${cdata(encrypt)}</Encrypt></xml>`;
    }
    const url = `${callbackUrl}${callbackUrl!.includes('?') ? '&' : '?'}${query.toString()}`;
    return { url, body };
  }

  private log(account: AccountState, push: InboundPush, result: DeliveryResult): void {
    account.logPush({ at: this.clock.now(), kind: push.label, outcome: result.outcome, attempts: result.attempts, error: result.error });
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
