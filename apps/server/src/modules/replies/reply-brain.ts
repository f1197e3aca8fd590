import type { FlowInput, KeywordSpec, MessageReply, ReplyAction, ReplySettings, RuleTestResult, RuleView } from '@zhanggui/shared';
import { dedupeKey, type InboundMessage, type Reply } from '@zhanggui/wechat';
import { answerFlow, compileFlow, expired, startFlow, type CompiledFlow, type FlowSession, type FlowTurn } from '../flows/flow-engine.ts';
import type { SearchIndex } from '../search/search-index.ts';
import { formatDistance, mapLink, type StoreLocator } from '../stores/store-locator.ts';
import { KeywordMatcher, SPECIFICITY, type KeywordHit } from './keyword-matcher.ts';
import { isActive } from './schedule.ts';
import { fold } from './text-fold.ts';

export type BrainRule = Pick<RuleView, 'id' | 'name' | 'trigger' | 'keywords' | 'messageTypes' | 'ignoreCase' | 'foldWidth' | 'replies' | 'replyMode' | 'priority' | 'enabled' | 'schedule'>;
export type BrainFlow = Required<Omit<FlowInput, 'finishers'>> & { id: number; finishers: FlowInput['finishers'] | null };

/** What the brain needs about the fan, loaded only when a decision needs it. */
export interface FanState {
  session: FlowSession | null;
  lastLocation: { latitude: number; longitude: number } | null;
}

/** A QR channel reached through one of its codes (looked up by scene when a scan arrives). */
export interface ChannelHit {
  channelId: number;
  codeId: number;
  name: string;
  welcome: ReplyAction[];
  welcomeMode: 'random' | 'all';
  /** Our tag ids, and WeChat's ids of those that have one (for tagging on WeChat too). */
  tagIds: number[];
  wechatTagIds: number[];
}

/** What a key button of the published menu answers. */
export interface MenuKeyAction {
  name: string;
  replies: ReplyAction[];
  replyMode: 'random' | 'all';
}

/** Where a card, a coupon or a check-in asked for by a reply came from. */
export type LoyaltyVia = 'scan' | 'menu' | 'keyword';

/**
 * Membership actions of replies (issue 7): each writes (a card, a coupon, a check-in) and answers with
 * what the fan got. Absent in dry runs (the rule tester), which describe instead.
 */
export interface LoyaltyHooks {
  card(openid: string, via: LoyaltyVia): Promise<Reply[]>;
  /** `ref` makes the coupon once per push, whatever retries or nodes see it again. */
  coupon(openid: string, templateId: number, via: LoyaltyVia, ref: string): Promise<Reply[]>;
  checkin(openid: string): Promise<Reply[]>;
}

export interface DecideContext {
  now: Date;
  loyalty?: LoyaltyHooks;
  /** The channel whose code carries this scene, if any. */
  channel?: (scene: string) => Promise<ChannelHit | null>;
  fanState: () => Promise<FanState>;
  /** Records that the fan finished a flow; returns their rank (1 = first). Idempotent per fan. */
  finish: (flowId: number, openid: string) => Promise<number>;
}

export type FlowChange = { op: 'set'; session: FlowSession } | { op: 'delete' };

export interface Decision {
  /** The passive reply in the HTTP response (null: "success"). */
  passive: Reply | null;
  /** Further messages, sent as customer-service messages after the answer (verified accounts only). */
  followUps: MessageReply[];
  /** welcome:<rule>, default:<rule>, rule:<rule>, type:<rule>, flow:<flow>:<step>, stores. */
  source: string | null;
  flow: FlowChange | null;
  submission: { flowId: number; data: Record<string, string>; score: number; rank: number | null; winner: boolean } | null;
  /** A scan through a QR channel's code, to attribute and tag the fan. */
  touch?: { channel: ChannelHit; kind: 'subscribe' | 'scan' } | null;
  trace: Pick<RuleTestResult, 'source' | 'rule' | 'flow' | 'notes'>;
}

interface Produced {
  replies: Reply[];
  flow: FlowChange | null;
  submission: Decision['submission'];
  flowTrace: RuleTestResult['flow'];
}

const MAX_FOLLOW_UPS = 4;
const MAX_TEXT = 2000;

/**
 * An account's automatic replies, compiled for the webhook: conversation flows first (an active flow owns
 * the fan's messages), then flow entry keywords, keyword rules (highest priority, most specific, active now),
 * message-type rules, the store locator for locations, and the default reply. Decides in memory; reads the
 * fan's flow state or last location only when a decision needs it.
 */
export class ReplyBrain {
  private readonly rules: BrainRule[];
  private readonly matcher: KeywordMatcher;
  private readonly flows = new Map<number, CompiledFlow>();
  private readonly flowEntries = new Map<string, CompiledFlow>();
  private readonly byTrigger: Record<Exclude<BrainRule['trigger'], 'keyword'>, BrainRule[]> = { subscribe: [], default: [], message_type: [] };

  constructor(
    rules: BrainRule[],
    flows: BrainFlow[],
    private readonly search: SearchIndex,
    private readonly stores: StoreLocator,
    private readonly settings: ReplySettings,
    private readonly timezone: string,
    private readonly canUseCustomerService: boolean,
    private readonly menuKeys: ReadonlyMap<string, MenuKeyAction> = new Map(),
    /** The card programme's keywords ("会员卡", "签到"), folded. */
    private readonly loyaltyWords: ReadonlyMap<string, ReplyAction> = new Map(),
  ) {
    this.rules = rules.filter((rule) => rule.enabled && rule.replies.length > 0).sort((a, b) => b.priority - a.priority || a.id - b.id);
    // The few non-keyword rules, in the same order, so a default reply never walks 100,000 keyword rules.
    for (const rule of this.rules) if (rule.trigger !== 'keyword') this.byTrigger[rule.trigger].push(rule);
    this.matcher = new KeywordMatcher(
      this.rules.flatMap((rule, index) =>
        rule.trigger === 'keyword' ? rule.keywords.map((keyword) => ({ rule: index, keyword, folding: { ignoreCase: rule.ignoreCase, foldWidth: rule.foldWidth } })) : [],
      ),
    );
    for (const flow of flows) {
      if (!flow.enabled) continue;
      const compiled = compileFlow(flow.id, flow);
      this.flows.set(flow.id, compiled);
      for (const keyword of flow.entryKeywords) this.flowEntries.set(fold(keyword.trim(), FOLD), compiled);
    }
  }

  /** The flow a menu key or QR scene starts: "flow:<id>", or one of the flow's entry keywords. */
  private flowForKey(key: string, options: { byIdOnly?: boolean } = {}): CompiledFlow | undefined {
    const byId = /^flow:(\d+)$/.exec(key);
    if (byId) return this.flows.get(Number(byId[1]));
    return options.byIdOnly ? undefined : this.flowEntries.get(fold(key.trim(), FOLD));
  }

  /** Whether any message might belong to a flow (then the fan's flow state is read). */
  get hasFlows(): boolean {
    return this.flows.size > 0;
  }

  async decide(message: InboundMessage, ctx: DecideContext): Promise<Decision> {
    const notes: string[] = [];
    const answering = message.msgType === 'event' ? 'event' : 'message';

    if (message.msgType === 'event') {
      const scene = message.event === 'SCAN' ? message.eventKey : message.event === 'subscribe' ? (message.sceneValue ?? message.eventKey?.replace(/^qrscene_/, '')) : undefined;
      const channel = scene && ctx.channel ? await ctx.channel(scene) : null;
      if (channel) notes.push(`QR channel #${channel.channelId} ${channel.name}`);
      const touch = channel ? { channel, kind: message.event === 'SCAN' ? ('scan' as const) : ('subscribe' as const) } : null;
      const decision = await this.decideEvent(message, scene, channel, ctx, notes);
      return touch ? { ...decision, touch } : decision;
    }

    if (message.msgType === 'text') {
      const text = message.content;
      if (this.hasFlows) {
        const state = await ctx.fanState();
        const session = state.session;
        if (session && expired(session, ctx.now)) notes.push('the fan’s flow session had timed out');
        const flow = session && !expired(session, ctx.now) ? this.flows.get(session.flowId) : undefined;
        if (session && flow) {
          const turn = answerFlow(flow, session, text, ctx.now);
          return this.fromFlowTurn(flow, session.step, turn, message, ctx, notes);
        }
        const entry = this.flowEntries.get(fold(text.trim(), FOLD));
        if (entry) return this.fromFlowTurn(entry, null, startFlow(entry, ctx.now), message, ctx, notes, session ? { op: 'delete' } : null);
        if (session) {
          const decision = await this.byText(text, message, ctx, notes);
          return { ...decision, flow: decision.flow ?? { op: 'delete' } };
        }
      }
      return this.byText(text, message, ctx, notes);
    }

    if (message.msgType === 'unknown') return this.byRule(this.first('default', ctx.now, notes), 'default', '', message, ctx, notes);
    const typeRule = this.byTrigger.message_type.find((rule) => rule.messageTypes.includes(message.msgType as never) && this.active(rule, ctx.now, notes));
    if (typeRule) return this.byRule(typeRule, 'type', '', message, ctx, notes);
    if (message.msgType === 'location' && this.stores.size > 0) {
      return this.finishDecision(this.storesNear(message.latitude, message.longitude, '', answering), 'stores', null, notes, { source: 'rule', rule: null });
    }
    return this.byRule(this.first('default', ctx.now, notes), 'default', '', message, ctx, notes);
  }

  private async decideEvent(message: InboundMessage & { msgType: 'event' }, scene: string | undefined, channel: ChannelHit | null, ctx: DecideContext, notes: string[]): Promise<Decision> {
    // A button of the published menu answers as it was set up, before anything else its key might mean.
    const menuKey = 'eventKey' in message && typeof message.eventKey === 'string' && message.event !== 'subscribe' && message.event !== 'SCAN' ? message.eventKey : undefined;
    const button = menuKey ? this.menuKeys.get(menuKey) : undefined;
    if (button && button.replies.length > 0) return this.byActions({ id: 0, name: button.name, replies: button.replies, replyMode: button.replyMode }, 'menu', menuKey!, message, ctx, notes);
    // A menu click or a QR code (scanned by a follower, or followed through) may start a flow. A channel's
    // scene is a number the platform chose, so it starts a flow only by naming one ("flow:<id>"), never
    // by happening to equal an entry keyword.
    const key = message.event === 'CLICK' ? message.eventKey : scene;
    const entered = key ? (channel ? this.flowForKey(key, { byIdOnly: true }) : this.flowForKey(key)) : undefined;
    if (entered) return this.fromFlowTurn(entered, null, startFlow(entered, ctx.now), message, ctx, notes);
    if (channel && channel.welcome.length > 0) {
      const rule = { id: channel.channelId, name: channel.name, replies: channel.welcome, replyMode: channel.welcomeMode };
      return this.byActions(rule, 'channel', '', message, ctx, notes);
    }
    // A scan by a follower through a channel without its own welcome gets the account's welcome too.
    if (message.event === 'subscribe' || (message.event === 'SCAN' && channel)) return this.byRule(this.first('subscribe', ctx.now, notes), 'welcome', '', message, ctx, notes);
    // A click key that no button answers is matched like a keyword (menus imported from elsewhere).
    if (message.event === 'CLICK' && message.eventKey) {
      const hit = this.bestKeyword(this.matcher.match(message.eventKey), ctx.now, notes);
      if (hit) return this.byRule(this.rules[hit.rule]!, 'rule', hit.argument, message, ctx, notes, hit.keyword);
    }
    if (message.event === 'LOCATION' && this.settings.replyToLocationEvents && this.stores.size > 0) {
      return this.finishDecision(this.storesNear(message.latitude, message.longitude, '', 'event'), 'stores', null, notes, { source: 'rule', rule: null });
    }
    return empty(notes);
  }

  private async byText(text: string, message: InboundMessage, ctx: DecideContext, notes: string[]): Promise<Decision> {
    const word = this.loyaltyWords.get(fold(text.trim(), FOLD));
    if (word) return this.byActions({ id: 0, name: word.type, replies: [word], replyMode: 'all' }, 'loyalty', '', message, ctx, notes);
    const hit = this.bestKeyword(this.matcher.match(text), ctx.now, notes);
    if (hit) return this.byRule(this.rules[hit.rule]!, 'rule', hit.argument, message, ctx, notes, hit.keyword);
    return this.byRule(this.first('default', ctx.now, notes), 'default', '', message, ctx, notes);
  }

  /** The matching keyword of the best rule that is active now: priority, then match specificity, then keyword length. */
  private bestKeyword(hits: KeywordHit[], now: Date, notes: string[]): KeywordHit | null {
    const sorted = hits.sort(
      (a, b) =>
        this.rules[a.rule]!.priority - this.rules[b.rule]!.priority ||
        SPECIFICITY[a.keyword.match] - SPECIFICITY[b.keyword.match] ||
        a.keyword.text.length - b.keyword.text.length ||
        this.rules[b.rule]!.id - this.rules[a.rule]!.id,
    ).reverse();
    return sorted.find((hit) => this.active(this.rules[hit.rule]!, now, notes)) ?? null;
  }

  private first(trigger: 'subscribe' | 'default', now: Date, notes: string[]): BrainRule | null {
    return this.byTrigger[trigger].find((rule) => this.active(rule, now, notes)) ?? null;
  }

  private active(rule: BrainRule, now: Date, notes: string[]): boolean {
    if (isActive(rule.schedule, now, this.timezone)) return true;
    notes.push(`rule #${rule.id} ${rule.name}: outside its time window`);
    return false;
  }

  private async byRule(rule: BrainRule | null, kind: 'welcome' | 'default' | 'rule' | 'type', argument: string, message: InboundMessage, ctx: DecideContext, notes: string[], keyword?: KeywordSpec): Promise<Decision> {
    if (!rule) return empty(notes);
    return this.byActions(rule, kind, argument, message, ctx, notes, keyword);
  }

  /** Runs a rule's (or a channel welcome's, or a menu button's) replies: one at random, or all. */
  private async byActions(
    rule: Pick<BrainRule, 'id' | 'name' | 'replies' | 'replyMode'>,
    kind: 'welcome' | 'default' | 'rule' | 'type' | 'channel' | 'menu' | 'loyalty',
    argument: string,
    message: InboundMessage,
    ctx: DecideContext,
    notes: string[],
    keyword?: KeywordSpec,
  ): Promise<Decision> {
    const actions = rule.replyMode === 'all' ? rule.replies : [rule.replies[Math.floor(Math.random() * rule.replies.length)]!];
    const produced: Produced = { replies: [], flow: null, submission: null, flowTrace: null };
    // A menu button's argument is its key, which is not for {{arg}}.
    const given = kind === 'menu' ? '' : argument;
    const via: LoyaltyVia = kind === 'channel' || (kind === 'welcome' && message.msgType === 'event' && message.event === 'SCAN') ? 'scan' : kind === 'menu' ? 'menu' : 'keyword';
    for (const action of actions) await this.run(action, given, message, ctx, produced, notes, via);
    const source = kind === 'type' ? 'message_type' : kind;
    return this.finishDecision(produced, kind === 'menu' ? `menu:${argument}` : kind === 'loyalty' ? `loyalty:${rule.name}` : `${kind}:${rule.id}`, produced.flowTrace, notes, {
      source: produced.flowTrace ? 'flow' : source,
      rule: kind === 'menu' || kind === 'channel' || kind === 'loyalty' ? null : { id: rule.id, name: rule.name, keyword: keyword ?? null, argument: keyword ? argument : null },
    });
  }

  private async run(action: ReplyAction, argument: string, message: InboundMessage, ctx: DecideContext, out: Produced, notes: string[], via: LoyaltyVia = 'keyword'): Promise<void> {
    const answering = message.msgType === 'event' ? 'event' : 'message';
    switch (action.type) {
      case 'member_card':
      case 'coupon':
      case 'checkin': {
        if (!ctx.loyalty) {
          // A dry run: say what would happen, write nothing.
          const what = action.type === 'member_card' ? '发放会员卡' : action.type === 'checkin' ? '签到' : `发放优惠券 #${action.templateId}`;
          notes.push(`${action.type}: issued only for a real message`);
          out.replies.push({ type: 'text', content: `［${what}］` });
          return;
        }
        const openid = message.fromUserName;
        if (action.type === 'member_card') out.replies.push(...(await ctx.loyalty.card(openid, via)));
        else if (action.type === 'checkin') out.replies.push(...(await ctx.loyalty.checkin(openid)));
        else out.replies.push(...(await ctx.loyalty.coupon(openid, action.templateId, via, `push:${dedupeKey(message)}`)));
        return;
      }
      case 'flow': {
        const flow = this.flows.get(action.flowId);
        if (!flow) {
          notes.push(`flow #${action.flowId} is missing or disabled`);
          return;
        }
        const turn = startFlow(flow, ctx.now);
        const result = await this.applyTurn(flow, null, turn, message, ctx);
        out.replies.push(...result.replies);
        out.flow = result.flow;
        out.submission = result.submission;
        out.flowTrace = result.flowTrace;
        return;
      }
      case 'search': {
        const query = argument || (message.msgType === 'text' ? message.content : '');
        const hits = this.search.search(query, action.scope, 1 + MAX_FOLLOW_UPS);
        if (hits.length === 0) {
          if (action.notFound) out.replies.push({ type: 'text', content: action.notFound.replaceAll('{{arg}}', query) });
          return;
        }
        for (const { doc } of hits.slice(0, answering === 'message' ? 3 : 1)) {
          const description = doc.kind === 'product' ? [doc.priceFen !== null ? `¥${(doc.priceFen / 100).toFixed(2)}` : '', doc.category ?? ''].filter(Boolean).join(' · ') : doc.body.slice(0, 60);
          out.replies.push({ type: 'news', articles: [{ title: doc.title, description, picUrl: doc.imageUrl ?? undefined, url: doc.link ?? undefined }] });
        }
        return;
      }
      case 'stores_nearby': {
        const location = message.msgType === 'location' ? { latitude: message.latitude, longitude: message.longitude } : (await ctx.fanState()).lastLocation;
        if (!location) {
          out.replies.push({ type: 'text', content: '请先发送您的位置（点击输入框旁的 + 号 → 位置），我们为您查找附近的门店。' });
          return;
        }
        const produced = this.storesNear(location.latitude, location.longitude, argument, answering);
        if (produced.replies.length === 0 && action.notFound) out.replies.push({ type: 'text', content: action.notFound.replaceAll('{{arg}}', argument) });
        out.replies.push(...produced.replies);
        return;
      }
      case 'transfer_customer_service':
        out.replies.push({ type: 'transfer_customer_service' });
        return;
      case 'text':
        out.replies.push({ type: 'text', content: action.content.replaceAll('{{arg}}', argument) });
        return;
      default:
        out.replies.push(action);
    }
  }

  /** Nearest stores as news: one card listing three for a message (WeChat shows one article), three cards for an event. */
  private storesNear(latitude: number, longitude: number, keyword: string, answering: 'message' | 'event'): Produced {
    const nearby = this.stores.nearest(latitude, longitude, { limit: 3, keyword: keyword || undefined });
    const produced: Produced = { replies: [], flow: null, submission: null, flowTrace: null };
    if (nearby.length === 0) return produced;
    const line = (n: (typeof nearby)[number], i: number) => `${i + 1}. ${n.store.name} ${formatDistance(n.meters)}${n.store.phone ? ` ☎${n.store.phone}` : ''}`;
    if (answering === 'message') {
      const nearest = nearby[0]!;
      produced.replies.push({
        type: 'news',
        articles: [{ title: `离您最近：${nearest.store.name}（${formatDistance(nearest.meters)}）`, description: nearby.map(line).join('\n'), picUrl: nearest.store.imageUrl ?? undefined, url: mapLink(nearest.store) }],
      });
    } else {
      produced.replies.push({
        type: 'news',
        articles: nearby.map((n, i) => ({ title: `${n.store.name} · ${formatDistance(n.meters)}`, description: line(n, i), picUrl: n.store.imageUrl ?? undefined, url: mapLink(n.store) })),
      });
    }
    return produced;
  }

  private async fromFlowTurn(flow: CompiledFlow, step: string | null, turn: FlowTurn, message: InboundMessage, ctx: DecideContext, notes: string[], before: FlowChange | null = null): Promise<Decision> {
    const produced = await this.applyTurn(flow, step, turn, message, ctx);
    if (!produced.flow && before) produced.flow = before;
    return this.finishDecision(produced, `flow:${flow.id}:${step ?? flow.startStep}`, produced.flowTrace, notes, { source: 'flow', rule: null });
  }

  private async applyTurn(flow: CompiledFlow, step: string | null, turn: FlowTurn, message: InboundMessage, ctx: DecideContext): Promise<Produced> {
    const replies: Reply[] = [...turn.messages];
    let submission: Decision['submission'] = null;
    if (turn.finished || turn.submit) {
      let rank: number | null = null;
      let winner = false;
      if (turn.finished) {
        // Every completion is ranked (the flow's stats count them); only a finisher prize uses the rank.
        rank = await ctx.finish(flow.id, message.fromUserName);
        if (flow.finishers) {
          winner = rank <= flow.finishers.limit;
          const text = winner ? flow.finishers.winnerMessage : flow.finishers.otherMessage;
          if (text) replies.push({ type: 'text', content: text });
        }
      }
      if (turn.submit || flow.finishers) submission = { flowId: flow.id, data: turn.data, score: turn.score, rank: flow.finishers ? rank : null, winner };
    }
    const change: FlowChange = turn.session ? { op: 'set', session: turn.session } : { op: 'delete' };
    return {
      replies,
      flow: change,
      submission,
      flowTrace: { id: flow.id, name: flow.name, step: step ?? flow.startStep, nextStep: turn.session?.step ?? null, ended: turn.session === null },
    };
  }

  private finishDecision(produced: Produced, source: string, flowTrace: RuleTestResult['flow'], notes: string[], trace: Pick<RuleTestResult, 'source' | 'rule'>): Decision {
    const packed = pack(produced.replies);
    const [passive, ...rest] = packed;
    let followUps = rest.filter((r): r is MessageReply => r.type !== 'transfer_customer_service');
    if (followUps.length && !this.canUseCustomerService) {
      notes.push(`${followUps.length} more message(s) not sent: customer-service messages need a verified account`);
      followUps = [];
    }
    if (followUps.length > MAX_FOLLOW_UPS) followUps = followUps.slice(0, MAX_FOLLOW_UPS);
    return {
      passive: passive ?? null,
      followUps,
      source,
      flow: produced.flow,
      submission: produced.submission,
      trace: { ...trace, flow: flowTrace, notes },
    };
  }
}

export const FOLD = { ignoreCase: true, foldWidth: true };

function empty(notes: string[]): Decision {
  return { passive: null, followUps: [], source: null, flow: null, submission: null, trace: { source: 'none', rule: null, flow: null, notes } };
}

/** Consecutive texts become one message, so an unverified account (one passive reply, no follow-ups) still says everything. */
export function pack(replies: Reply[]): Reply[] {
  const out: Reply[] = [];
  for (const reply of replies) {
    const last = out.at(-1);
    if (reply.type === 'text' && last?.type === 'text' && last.content.length + reply.content.length + 2 <= MAX_TEXT) {
      out[out.length - 1] = { type: 'text', content: `${last.content}\n\n${reply.content}` };
    } else out.push(reply);
  }
  return out;
}

