import { EmulatorError } from '../core/emulator-error.ts';
import { WxError } from '../core/wx-error.ts';

/**
 * Injected faults, per account. `count` is how many times the fault fires before it is used up; latency
 * faults without `count` stay until cleared. `path` is an API path such as `/cgi-bin/message/custom/send`
 * ('*' or absent: every API of the account).
 */
export type Fault =
  /** The next `count` (default 1) matching calls answer this errcode. `{ip}` in errmsg is replaced by the caller's IP. */
  | { type: 'api-error'; path?: string; errcode: number; errmsg?: string; count?: number }
  /** Matching REST calls answer `ms` later. */
  | { type: 'api-latency'; path?: string; ms: number; count?: number }
  /** The next `count` (default 1) push attempts are treated as timed out: sent, answer discarded, retried (§1.9). */
  | { type: 'push-timeout'; count?: number }
  /** Every push attempt waits `ms` before it is sent. */
  | { type: 'push-latency'; ms: number; count?: number };

interface Armed {
  fault: Fault;
  left: number;
}

export class FaultBox {
  private armed: Armed[] = [];

  add(fault: Fault): void {
    validateFault(fault);
    const once = fault.type === 'api-error' || fault.type === 'push-timeout';
    this.armed.push({ fault, left: fault.count ?? (once ? 1 : Number.POSITIVE_INFINITY) });
  }

  clear(): void {
    this.armed = [];
  }

  list(): Array<Fault & { left: number | null }> {
    return this.armed.map((a) => ({ ...a.fault, left: Number.isFinite(a.left) ? a.left : null }));
  }

  /** The injected error for this call, if one is armed. */
  takeApiError(path: string, ip: string): WxError | null {
    const armed = this.take((f) => f.type === 'api-error' && matches(f.path, path));
    if (!armed || armed.type !== 'api-error') return null;
    const message = armed.errmsg ?? (armed.errcode === 40164 ? `invalid ip ${ip} ipv6 ::ffff:${ip}, not in whitelist` : undefined);
    return new WxError(armed.errcode, message?.replaceAll('{ip}', ip));
  }

  takeApiLatency(path: string): number {
    const armed = this.take((f) => f.type === 'api-latency' && matches(f.path, path));
    return armed?.type === 'api-latency' ? armed.ms : 0;
  }

  takePushTimeout(): boolean {
    return this.take((f) => f.type === 'push-timeout') !== null;
  }

  takePushLatency(): number {
    const armed = this.take((f) => f.type === 'push-latency');
    return armed?.type === 'push-latency' ? armed.ms : 0;
  }

  private take(predicate: (fault: Fault) => boolean): Fault | null {
    const index = this.armed.findIndex((a) => a.left > 0 && predicate(a.fault));
    if (index < 0) return null;
    const armed = this.armed[index]!;
    armed.left -= 1;
    if (armed.left <= 0) this.armed.splice(index, 1);
    return armed.fault;
  }
}

function matches(pattern: string | undefined, path: string): boolean {
  return pattern === undefined || pattern === '*' || pattern === path;
}

function validateFault(fault: Fault): void {
  const bad = (why: string) => new EmulatorError('FAULT_INVALID', why);
  if (!fault || typeof fault !== 'object') throw bad('a fault is an object with a type');
  if (fault.count !== undefined && (!Number.isInteger(fault.count) || fault.count < 1)) throw bad('count must be a positive integer');
  switch (fault.type) {
    case 'api-error':
      if (!Number.isInteger(fault.errcode)) throw bad('api-error needs a numeric errcode');
      return;
    case 'api-latency':
    case 'push-latency':
      if (!Number.isFinite(fault.ms) || fault.ms < 0) throw bad(`${fault.type} needs ms >= 0`);
      return;
    case 'push-timeout':
      return;
    default:
      throw bad(`unknown fault type ${(fault as { type?: unknown }).type}`);
  }
}
