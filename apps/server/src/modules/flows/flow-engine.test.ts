import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FlowInput, MessageReply } from '@zhanggui/shared';
import { answerFlow, compileFlow, expired, startFlow, type CompiledFlow, type FlowSession } from './flow-engine.ts';
import { MAGAZINE_MENU, MAZE_QUIZ, ORDER_BY_CHAT } from './flow-examples.ts';

const now = new Date('2026-11-23T10:00:00Z');
const compile = (input: FlowInput) =>
  compileFlow(1, { enabled: true, entryKeywords: [], exitWords: [], exitMessage: '', timeoutMinutes: 30, ...input, finishers: input.finishers ?? null } as never);
const texts = (messages: MessageReply[]) => messages.map((m) => (m.type === 'text' ? m.content : m.type === 'news' ? `[news] ${m.articles[0]?.title}` : `[${m.type}]`));

function converse(flow: CompiledFlow, answers: string[]) {
  let turn = startFlow(flow, now);
  const log = [texts(turn.messages)];
  for (const answer of answers) {
    assert.ok(turn.session, `the flow ended before "${answer}"`);
    turn = answerFlow(flow, turn.session!, answer, now);
    log.push(texts(turn.messages));
  }
  return { turn, log };
}

test('a magazine menu: numbered choices show items and keep the fan in the menu; 0 goes back', () => {
  const flow = compile(MAGAZINE_MENU);
  const { turn, log } = converse(flow, ['02', '04', '99', '0', '退出']);
  assert.match(log[0]![0]!, /回复 02 每日精选/);
  assert.deepEqual(log[1], ['[news] 今日精选：新能源 SUV 横评']);
  assert.deepEqual(log[2], ['[news] 视频：城市道路试驾']);
  assert.match(log[3]![0]!, /请回复 02、03、04/);
  assert.match(log[4]![0]!, /欢迎来到车迷天地/, '0 shows the menu again');
  assert.deepEqual(log[5], ['已退出菜单，回复 900 可再次进入。']);
  assert.equal(turn.session, null);
});

test('a maze quiz: each right answer opens the next level; wrong answers stay; full-width digits count', () => {
  const flow = compile(MAZE_QUIZ);
  const { turn, log } = converse(flow, ['上海', '北京', '２１', 'ZG']);
  assert.deepEqual(log[1], ['不对哦，再想想～']);
  assert.deepEqual(log[2], ['答对了！', '第 2 关：3 × 7 = ?']);
  assert.deepEqual(log[3], ['答对了！', '第 3 关：「掌柜」的拼音首字母是？']);
  assert.deepEqual(log[4], ['恭喜通关！共答对 3 题。']);
  assert.equal(turn.finished, true);
  assert.equal(turn.session, null);
});

test('order by chat: pick a product, collect an address and a phone with validation, submit', () => {
  const flow = compile(ORDER_BY_CHAT);
  const { turn, log } = converse(flow, ['5', '１', '南京路', '上海市黄浦区南京东路 100 号', '12345', '138 0013 8000']);
  assert.match(log[1]![0]!, /请回复 1、2 或 3/);
  assert.deepEqual(log[2], ['您选择了 直筒牛仔裤 ¥199。请回复收货地址：']);
  assert.deepEqual(log[3], ['地址太短了，请写到门牌号。']);
  assert.deepEqual(log[4], ['请回复收货人手机号：']);
  assert.deepEqual(log[5], ['手机号格式不对，请回复 11 位手机号。']);
  assert.deepEqual(log[6], ['下单成功！直筒牛仔裤 ¥199 将寄往 上海市黄浦区南京东路 100 号，我们会尽快联系 138 0013 8000。']);
  assert.equal(turn.submit, true);
  assert.equal(turn.finished, true);
});

test('sessions time out after inactivity', () => {
  const flow = compile(ORDER_BY_CHAT);
  const session = startFlow(flow, now).session as FlowSession;
  assert.equal(expired(session, new Date(now.getTime() + 29 * 60_000)), false);
  assert.equal(expired(session, new Date(now.getTime() + 31 * 60_000)), true);
  const later = answerFlow(flow, session, '2', new Date(now.getTime() + 10 * 60_000));
  assert.equal(expired(later.session!, new Date(now.getTime() + 31 * 60_000)), false, 'every answer extends it');
});
