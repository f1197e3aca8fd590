import type { FlowChoice, FlowInput, FlowStep, MessageReply } from '@zhanggui/shared';
import { RE2JS } from 're2js';
import { halfWidth } from '../replies/text-fold.ts';

/** A fan's place in a flow. */
export interface FlowSession {
  flowId: number;
  step: string;
  data: Record<string, string>;
  score: number;
  startedAt: string;
  expiresAt: string;
}

export interface CompiledFlow extends Required<Omit<FlowInput, 'finishers' | 'steps'>> {
  id: number;
  steps: Map<string, FlowStep>;
  finishers: FlowInput['finishers'] | null;
  patterns: Map<string, RE2JS>;
}

/** What a turn of the flow produced. */
export interface FlowTurn {
  messages: MessageReply[];
  /** The session after the turn; null when the flow ended. */
  session: FlowSession | null;
  /** The fan reached an end step (not by exit word or timeout). */
  finished: boolean;
  /** Collected values to keep for the operator (end steps with submit). */
  submit: boolean;
  /** The values collected and the score so far (also after the flow ended). */
  data: Record<string, string>;
  score: number;
}

export function compileFlow(id: number, input: Required<Omit<FlowInput, 'finishers'>> & { finishers: FlowInput['finishers'] | null }): CompiledFlow {
  const steps = new Map(input.steps.map((step) => [step.id, step]));
  const patterns = new Map<string, RE2JS>();
  for (const step of input.steps) {
    for (const choice of step.choices ?? []) if (choice.match.type === 'regex' && choice.match.value) patterns.set(choice.match.value, RE2JS.compile(choice.match.value));
    if (step.input?.validate === 'regex' && step.input.pattern) patterns.set(step.input.pattern, RE2JS.compile(step.input.pattern));
  }
  return { ...input, id, steps, patterns };
}

/** Starts the flow: the start step's messages, and a session unless that step already ends it. */
export function startFlow(flow: CompiledFlow, now: Date): FlowTurn {
  const session: FlowSession = { flowId: flow.id, step: flow.startStep, data: {}, score: 0, startedAt: now.toISOString(), expiresAt: expiry(flow, now) };
  return enter(flow, session, flow.startStep, [], now);
}

/** The fan answered `text` while on a step. Exit words end the flow; otherwise the step decides. */
export function answerFlow(flow: CompiledFlow, session: FlowSession, text: string, now: Date): FlowTurn {
  const answer = text.trim();
  if (flow.exitWords.some((word) => word.trim() && word.trim() === answer)) {
    return { messages: flow.exitMessage ? [{ type: 'text', content: flow.exitMessage }] : [], session: null, finished: false, submit: false, data: session.data, score: session.score };
  }
  const step = flow.steps.get(session.step);
  if (!step || step.kind === 'end') return { messages: [], session: null, finished: false, submit: false, data: session.data, score: session.score };
  const turn = { ...session, data: { ...session.data }, expiresAt: expiry(flow, now) };

  if (step.kind === 'input' && step.input) {
    const spec = step.input;
    if (!valid(flow, spec, answer)) return stay(turn, [{ type: 'text', content: render(spec.invalidMessage, turn) }]);
    turn.data[spec.key] = answer;
    return enter(flow, turn, spec.next, [], now);
  }

  const choice = (step.choices ?? []).find((c) => matches(flow, c, answer));
  if (!choice) return stay(turn, [{ type: 'text', content: render(step.otherwise || '请回复有效的选项', turn) }]);
  for (const [key, value] of Object.entries(choice.set ?? {})) turn.data[key] = value.replaceAll('{{answer}}', answer);
  turn.score += choice.score ?? 0;
  const said = (choice.messages ?? []).map((m) => renderReply(m, turn, answer));
  if (!choice.next) return stay(turn, said);
  return enter(flow, turn, choice.next, said, now);
}

/** True when a session has timed out (the fan stopped answering). */
export function expired(session: FlowSession, now: Date): boolean {
  return Date.parse(session.expiresAt) <= now.getTime();
}

function stay(session: FlowSession, messages: MessageReply[]): FlowTurn {
  return { messages, session, finished: false, submit: false, data: session.data, score: session.score };
}

function enter(flow: CompiledFlow, session: FlowSession, stepId: string, before: MessageReply[], now: Date): FlowTurn {
  const step = flow.steps.get(stepId);
  if (!step) return { messages: before, session: null, finished: false, submit: false, data: session.data, score: session.score };
  const next: FlowSession = { ...session, step: stepId, expiresAt: expiry(flow, now) };
  const messages = [...before, ...step.messages.map((m) => renderReply(m, next, ''))];
  if (step.kind === 'end') return { messages, session: null, finished: true, submit: step.submit === true, data: next.data, score: next.score };
  return stay(next, messages);
}

function matches(flow: CompiledFlow, choice: FlowChoice, answer: string): boolean {
  const { type, value, min, max } = choice.match;
  switch (type) {
    case 'any':
      return answer.length > 0;
    case 'exact':
      return halfWidth(answer).toLowerCase() === halfWidth(value ?? '').trim().toLowerCase();
    case 'number': {
      const text = halfWidth(answer);
      if (!/^[+-]?\d+(\.\d+)?$/.test(text)) return false;
      const n = Number(text);
      if (value !== undefined && value !== '') return n === Number(halfWidth(value));
      return (min === undefined || n >= min) && (max === undefined || n <= max);
    }
    case 'regex':
      return value ? (flow.patterns.get(value)?.matcher(answer).find() ?? false) : false;
  }
}

const PHONE = /^1[3-9]\d{9}$/;

function valid(flow: CompiledFlow, spec: NonNullable<FlowStep['input']>, answer: string): boolean {
  if (spec.minLength !== undefined && [...answer].length < spec.minLength) return false;
  if (spec.maxLength !== undefined && [...answer].length > spec.maxLength) return false;
  switch (spec.validate) {
    case 'text':
      return answer.length > 0;
    case 'phone':
      return PHONE.test(halfWidth(answer).replace(/[\s-]/g, ''));
    case 'number':
      return /^\d+(\.\d+)?$/.test(halfWidth(answer));
    case 'regex':
      return spec.pattern ? (flow.patterns.get(spec.pattern)?.matcher(answer).matches() ?? false) : false;
  }
}

function expiry(flow: CompiledFlow, now: Date): string {
  return new Date(now.getTime() + flow.timeoutMinutes * 60_000).toISOString();
}

/** {{key}} → a collected value, {{score}}, {{answer}}. Unknown placeholders are left as they are. */
function render(text: string, session: FlowSession, answer = ''): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    if (key === 'score') return String(session.score);
    if (key === 'answer') return answer;
    return session.data[key] ?? whole;
  });
}

function renderReply(reply: MessageReply, session: FlowSession, answer: string): MessageReply {
  if (reply.type === 'text') return { ...reply, content: render(reply.content, session, answer) };
  if (reply.type === 'news') return { ...reply, articles: reply.articles.map((a) => ({ ...a, title: render(a.title, session, answer), description: a.description && render(a.description, session, answer) })) };
  return reply;
}
