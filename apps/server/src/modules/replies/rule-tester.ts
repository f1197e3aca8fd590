import type { MessageReply, RuleTestResult } from '@zhanggui/shared';
import type { InboundMessage } from '@zhanggui/wechat';
import { z } from 'zod';
import type { AccountRuntime } from '../../wechat-gateway/account-registry.ts';
import type { FlowsService } from '../flows/flows.service.ts';

const testInput = z.object({
  openid: z.string().trim().min(1).max(64).optional(),
  message: z.discriminatedUnion('type', [
    z.object({ type: z.literal('text'), content: z.string().min(1).max(2000) }),
    z.object({ type: z.literal('location'), latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180), label: z.string().max(200).optional() }),
    z.object({ type: z.enum(['image', 'voice', 'video', 'link']) }),
    z.object({
      type: z.literal('event'),
      event: z.enum(['subscribe', 'CLICK', 'SCAN', 'LOCATION']),
      eventKey: z.string().max(200).optional(),
      latitude: z.number().optional(),
      longitude: z.number().optional(),
    }),
  ]),
});

/** Decides, without side effects, what the account would answer a message with — the console's rule tester. */
export async function testRule(runtime: AccountRuntime, flows: FlowsService, raw: unknown): Promise<RuleTestResult> {
  const input = testInput.parse(raw);
  const openid = input.openid ?? 'rule-tester';
  const message = toMessage(input.message, openid, runtime.originalId ?? 'gh_tester');
  const started = process.hrtime.bigint();
  const decision = await runtime.brain.decide(message, {
    now: new Date(),
    fanState: async () => (input.openid ? flows.fanState(runtime.id, openid) : { session: null, lastLocation: null }),
    // What the rank would be; nothing is recorded.
    finish: async () => 1,
  });
  const micros = Number(process.hrtime.bigint() - started) / 1000;
  const notes = [...decision.trace.notes];
  let passive: MessageReply | null = null;
  if (decision.passive?.type === 'transfer_customer_service') notes.push('transferred to the customer-service system (多客服)');
  else passive = decision.passive;
  if (passive?.type === 'news' && message.msgType !== 'event' && passive.articles.length > 1) {
    notes.push(`WeChat shows 1 of ${passive.articles.length} articles when answering a fan's message`);
  }
  return { ...decision.trace, notes, passive, followUps: decision.followUps, micros: Math.round(micros) };
}

function toMessage(message: z.output<typeof testInput>['message'], openid: string, account: string): InboundMessage {
  const base = { toUserName: account, fromUserName: openid, createTime: Math.floor(Date.now() / 1000) };
  switch (message.type) {
    case 'text':
      return { ...base, msgType: 'text', msgId: '0', content: message.content };
    case 'location':
      return { ...base, msgType: 'location', msgId: '0', latitude: message.latitude, longitude: message.longitude, scale: 15, label: message.label ?? '' };
    case 'image':
      return { ...base, msgType: 'image', msgId: '0', picUrl: '', mediaId: '' };
    case 'voice':
      return { ...base, msgType: 'voice', msgId: '0', mediaId: '', format: 'amr' };
    case 'video':
      return { ...base, msgType: 'video', msgId: '0', mediaId: '', thumbMediaId: '' };
    case 'link':
      return { ...base, msgType: 'link', msgId: '0', title: '', description: '', url: '' };
    case 'event':
      if (message.event === 'subscribe') {
        // Following through a parametric QR code: WeChat prefixes the scene with qrscene_.
        const scene = message.eventKey ? message.eventKey.replace(/^(qrscene_)?/, 'qrscene_') : undefined;
        return { ...base, msgType: 'event', event: 'subscribe', ...(scene ? { eventKey: scene } : {}) };
      }
      if (message.event === 'LOCATION') return { ...base, msgType: 'event', event: 'LOCATION', latitude: message.latitude ?? 0, longitude: message.longitude ?? 0, precision: 30 };
      if (message.event === 'SCAN') return { ...base, msgType: 'event', event: 'SCAN', eventKey: message.eventKey ?? '', ticket: '' };
      return { ...base, msgType: 'event', event: 'CLICK', eventKey: message.eventKey ?? '' };
  }
}
