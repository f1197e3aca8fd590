import type { FastifyInstance } from 'fastify';
import type { AccountInput, AccountPatch } from './accounts/account.ts';
import type { AccountState, EmulatedAccountInfo, PushLogEntry } from './accounts/account-state.ts';
import type { Fault } from './accounts/faults.ts';
import { EmulatorError } from './core/emulator-error.ts';
import { EmulatorCore } from './emulator-core.ts';
import { FanActions, type LocationInput } from './fans/fan-actions.service.ts';
import type { FanSnapshot } from './fans/fan.store.ts';
import { buildServer } from './http/server.ts';
import { MassService } from './mass/mass.service.ts';
import type { Template } from './messages/template.store.ts';
import { StateFile } from './persistence/state-file.ts';
import type { PhoneEntry } from './phone/phone.store.ts';
import { DEFAULT_DELIVERY, type DeliveryOptions, type DeliveryResult } from './push/push.service.ts';

export interface EmulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a random free port. */
  port?: number;
  /** JSON file the demo's state is saved to (debounced) and loaded from at start. */
  stateFile?: string;
  /** Push delivery: 5 s timeout, first delivery + 3 retries, no extra spacing by default (§1.9). */
  delivery?: Partial<DeliveryOptions>;
  /** Fastify request logging. Default false. */
  logger?: boolean;
}

/** A fan as the test API shows it. */
export interface FanView extends FanSnapshot {
  tagIds: number[];
  /** Open customer-service windows right now (§4.3). */
  windows: { message: { until: number; left: number } | null; event: { until: number; left: number } | null };
}

export interface MassDeliveries {
  /** How many mass messages each openid received (only openids with at least one). */
  perOpenid: Map<string, number>;
  /** Deliveries in total (duplicates included). */
  total: number;
  /** Distinct fans that received at least one. */
  recipients: number;
  /** Deliveries beyond the first per fan. */
  duplicates: number;
}

/**
 * A running WeChat emulator: the REST API, showqrcode, OAuth and phone pages on `url`, plus the same
 * controls as the /_emulator HTTP API. Create one with `startEmulator()`.
 */
export class Emulator {
  /** e.g. http://127.0.0.1:9000 — REST API, showqrcode, OAuth and phone pages all live on this base. */
  url = '';
  /** The Fastify app (for `inject()` in tests). */
  readonly app: FastifyInstance;
  private readonly actions: FanActions;
  private readonly stateFile: StateFile | null;

  /** @internal use startEmulator() */
  constructor(
    private readonly core: EmulatorCore,
    options: EmulatorOptions,
  ) {
    this.actions = new FanActions(core);
    this.app = buildServer(core, this, new MassService(core), { logger: options.logger ?? false });
    this.stateFile = options.stateFile ? new StateFile(options.stateFile, core) : null;
    if (this.stateFile) {
      this.stateFile.load();
      const file = this.stateFile;
      core.onChange(() => file.schedule());
    }
  }

  // Accounts.

  createAccount(input: AccountInput): EmulatedAccountInfo {
    const account = this.core.accounts.create(input);
    this.core.changed();
    return account.info();
  }

  updateAccount(appId: string, patch: AccountPatch): EmulatedAccountInfo {
    const account = this.core.accounts.update(appId, patch);
    this.core.changed();
    return account.info();
  }

  account(appId: string): EmulatedAccountInfo {
    return this.core.accounts.get(appId).info();
  }

  accounts(): EmulatedAccountInfo[] {
    return this.core.accounts.list().map((account) => account.info());
  }

  removeAccount(appId: string): void {
    this.core.accounts.remove(appId);
    this.core.changed();
  }

  // Fans.

  /** Creates `count` fans (subscribed by default); their openids are `fanOpenid(appId, first + i)`. */
  createFans(appId: string, count: number, options: { subscribed?: boolean } = {}): { first: number; count: number } {
    const created = this.get(appId).fans.create(count, { subscribed: options.subscribed ?? true, nowSeconds: this.core.clock.seconds() });
    this.core.changed();
    return created;
  }

  fanOpenid(appId: string, index: number): string {
    return this.get(appId).fans.openid(index);
  }

  fanIndex(appId: string, openid: string): number {
    return this.fanOf(this.get(appId), openid);
  }

  fan(appId: string, openid: string): FanView {
    const account = this.get(appId);
    return this.view(account, this.fanOf(account, openid));
  }

  listFans(appId: string, offset = 0, limit = 100): { total: number; fans: FanView[] } {
    const account = this.get(appId);
    const start = Math.max(0, Math.floor(offset) || 0);
    const end = Math.min(account.fans.count, start + Math.min(Math.max(1, Math.floor(limit) || 100), 1000));
    const fans: FanView[] = [];
    for (let i = start; i < end; i++) fans.push(this.view(account, i));
    return { total: account.fans.count, fans };
  }

  // Fan actions: each pushes to the callback and returns what happened.

  follow(appId: string, openid: string, options: { sceneTicket?: string } = {}): Promise<DeliveryResult> {
    return this.act(appId, openid, (account, fan) => this.actions.follow(account, fan, options));
  }

  unfollow(appId: string, openid: string): Promise<DeliveryResult> {
    return this.act(appId, openid, (account, fan) => this.actions.unfollow(account, fan));
  }

  sendText(appId: string, openid: string, content: string): Promise<DeliveryResult> {
    return this.act(appId, openid, (account, fan) => this.actions.sendText(account, fan, content));
  }

  sendImage(appId: string, openid: string, options: { data?: Buffer; filename?: string } = {}): Promise<DeliveryResult> {
    return this.act(appId, openid, (account, fan) => this.actions.sendImage(account, fan, options));
  }

  sendLocation(appId: string, openid: string, location: LocationInput): Promise<DeliveryResult> {
    return this.act(appId, openid, (account, fan) => this.actions.sendLocation(account, fan, location));
  }

  /** The LOCATION event (Latitude/Longitude/Precision) a client reports when entering the chat. */
  reportLocation(appId: string, openid: string, location: { latitude: number; longitude: number; precision?: number }): Promise<DeliveryResult> {
    return this.act(appId, openid, (account, fan) => this.actions.reportLocation(account, fan, location));
  }

  /** Taps a menu button by key (CLICK, scancode_*, pic_*, location_select) or by name (material buttons). */
  clickMenu(appId: string, openid: string, key: string, options: { scanResult?: string } = {}): Promise<DeliveryResult> {
    return this.act(appId, openid, (account, fan) => this.actions.clickMenu(account, fan, key, options));
  }

  /** Opens a view button's URL (VIEW push). */
  viewMenu(appId: string, openid: string, url: string): Promise<DeliveryResult> {
    return this.act(appId, openid, (account, fan) => this.actions.viewMenu(account, fan, url));
  }

  /** Scans a parametric QR code by ticket, code URL or showqrcode URL. */
  scanQr(appId: string, openid: string, ticketOrUrl: string): Promise<DeliveryResult> {
    return this.act(appId, openid, (account, fan) => this.actions.scanQr(account, fan, ticketOrUrl));
  }

  /** What the fan's phone shows, oldest first. */
  phone(appId: string, openid: string): PhoneEntry[] {
    const account = this.get(appId);
    return this.core.phoneOf(account, this.fanOf(account, openid));
  }

  // Observation.

  /** Calls per API path since the account was created (or reset), e.g. `counters['/cgi-bin/stable_token']`. */
  counters(appId: string): Record<string, number> {
    return this.get(appId).usage.snapshot();
  }

  /**
   * Mass-send deliveries, for counting duplicates and missing recipients. The counts are cheap; the
   * per-openid map (a million entries after a send to everyone) is built on first access.
   */
  massDeliveries(appId: string): MassDeliveries {
    const account = this.get(appId);
    const { total, recipients } = account.mass.deliveryCounts();
    let map: Map<string, number> | null = null;
    return {
      total,
      recipients,
      duplicates: total - recipients,
      get perOpenid() {
        if (!map) {
          const perFan = account.mass.perFan();
          const indices = [...perFan.keys()];
          const openids = account.fans.openids(indices);
          map = new Map(indices.map((fan, i) => [openids[i]!, perFan.get(fan)!]));
        }
        return map;
      },
    };
  }

  /** The account's recent pushes (kind, outcome, attempts), oldest first. */
  pushes(appId: string): PushLogEntry[] {
    return [...this.get(appId).pushLog];
  }

  // Faults and time.

  injectFault(appId: string, fault: Fault): void {
    this.get(appId).faults.add(fault);
  }

  faults(appId: string): Array<Fault & { left: number | null }> {
    return this.get(appId).faults.list();
  }

  clearFaults(appId?: string): void {
    const accounts = appId ? [this.get(appId)] : this.core.accounts.list();
    for (const account of accounts) account.faults.clear();
  }

  /** Every token of the account expires now: the next calls answer 42001. */
  expireTokens(appId: string): void {
    this.get(appId);
    this.core.accounts.tokens.expireAll(appId, this.core.clock.now());
  }

  /** Adds a private message template (template/send refuses unknown template_ids with 40037). */
  addTemplate(appId: string, input: { title?: unknown; content?: unknown; templateId?: unknown } = {}): Template {
    const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
    const template = this.get(appId).templates.add({ title: str(input.title), content: str(input.content), templateId: str(input.templateId) });
    this.core.changed();
    return template;
  }

  /** Moves the emulated clock forward (tokens, windows, QR codes, quotas and OAuth codes expire by it). */
  advanceClock(ms: number): void {
    try {
      this.core.clock.advance(ms);
    } catch (error) {
      throw new EmulatorError('CLOCK_INVALID', (error as Error).message);
    }
  }

  /** Emulated time, ms. */
  now(): number {
    return this.core.clock.now();
  }

  /** Resolves once background work (mass deliveries, job-finish pushes) is done. */
  idle(): Promise<void> {
    return this.core.tasks.idle();
  }

  /** Forgets every account, fan, token and fault. */
  async reset(): Promise<void> {
    await this.core.tasks.idle();
    this.core.reset();
    this.core.changed();
  }

  async close(): Promise<void> {
    this.core.push.stop();
    this.core.tasks.stop();
    await this.core.tasks.idle();
    this.stateFile?.flush();
    await this.app.close();
  }

  private get(appId: string): AccountState {
    return this.core.accounts.get(appId);
  }

  private fanOf(account: AccountState, openid: string): number {
    const fan = account.fans.indexOf(openid);
    if (fan < 0) throw new EmulatorError('FAN_NOT_FOUND', `account ${account.appId} has no fan ${openid}`, 404);
    return fan;
  }

  private view(account: AccountState, fan: number): FanView {
    return { ...account.fans.snapshot(fan), tagIds: account.tags.tagsOf(fan), windows: account.windows.describe(fan, this.core.clock.now()) };
  }

  private async act(appId: string, openid: string, action: (account: AccountState, fan: number) => Promise<DeliveryResult>): Promise<DeliveryResult> {
    const account = this.get(appId);
    return action(account, this.fanOf(account, openid));
  }
}

/** Starts an emulator (port 0 = a random free port) and resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const core = new EmulatorCore({ ...DEFAULT_DELIVERY, ...options.delivery });
  const emulator = new Emulator(core, options);
  const host = options.host ?? '127.0.0.1';
  await emulator.app.listen({ host, port: options.port ?? 0 });
  const address = emulator.app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  emulator.url = `http://${shownHost}:${port}`;
  core.baseUrl = emulator.url;
  return emulator;
}
