import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { toErrorResponse } from './errors.ts';
import { said } from './validation-messages.ts';

// A 400 names each bad field in the operator's language; a schema's own message is kept as written, or said in both.

const schema = z
  .object({
    name: z.string().trim().min(1).max(5),
    tags: z.array(z.string()).min(1),
    price: z.number().int().min(0),
    link: z.url(),
    mode: z.enum(['random', 'all']),
    latitude: z.number({ error: said('latitude') }),
    note: z.string().refine((v) => v !== 'x', 'not x'),
    required: z.string(),
  })
  .strict();

function details(input: unknown, lang: 'zh' | 'en'): Record<string, string> {
  const result = schema.safeParse(input);
  assert.ok(!result.success);
  const { status, body } = toErrorResponse(result.error, lang);
  assert.equal(status, 400);
  assert.equal(body.error.code, 'VALIDATION_FAILED');
  return Object.fromEntries((body.error.details as Array<{ path: string; message: string }>).map((d) => [d.path, d.message]));
}

const bad = { note: 'x', name: '太长了的名字啊', tags: [], price: 1.5, link: 'not a url', mode: 'x', latitude: 'north', extra: 1 };

test('zod’s own messages in Chinese for zh', () => {
  assert.deepEqual(details(bad, 'zh'), {
    name: '不能超过 5 个字符',
    tags: '至少 1 项',
    price: '应为整数',
    link: '请输入有效的网址（http:// 或 https://）',
    mode: '请选择其中之一：random、all',
    latitude: '应为纬度（-90 到 90 的数字，如 31.2304）',
    note: 'not x',
    required: '必填',
    '': '不认识的字段：extra',
  });
  assert.equal(details({ ...bad, name: ' ', price: -1 }, 'zh').name, '不能为空');
  assert.equal(details({ ...bad, price: -1 }, 'zh').price, '不能小于 0');
});

test('English stays zod’s English', () => {
  const en = details(bad, 'en');
  assert.match(en.name!, /Too big/);
  assert.match(en.required!, /expected string, received undefined/);
  assert.match(en.latitude!, /must be a latitude/);
});
