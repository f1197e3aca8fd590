import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startLoop, type Loop } from '../testing/emulator-loop.ts';

// The core loop end to end: the emulator pushes as WeChat would (signatures, encryption, retries) and
// validates our replies as the WeChat client would.

let loop: Loop;
before(async () => {
  loop = await startLoop({ delivery: { timeoutMs: 5000, retries: 3, retrySpacingMs: 50 } });
});
after(() => loop.close());

const countMessages = async (accountId: number, openid?: string) => {
  const [row] = await loop.platform.db.query<{ n: number }>(
    `select count(*)::int as n from messages m join fans f on f.id = m.fan_id where m.account_id = $1 and ($2::text is null or f.openid = $2)`,
    [accountId, openid ?? null],
  );
  return row!.n;
};

for (const mode of ['plaintext', 'compatible', 'safe'] as const) {
  describe(`${mode} mode through the emulator`, () => {
    test('follow → welcome; text → keyword reply; unfollow', async () => {
      const account = await loop.connect({ mode });
      loop.emulator.createFans(account.appId, 1, { subscribed: false });
      const openid = loop.emulator.fanOpenid(account.appId, 0);

      const follow = await loop.emulator.follow(account.appId, openid);
      assert.equal(follow.outcome, 'replied', follow.error);
      assert.deepEqual(follow.reply, { type: 'text', content: '欢迎关注！' });

      const keyword = await loop.emulator.sendText(account.appId, openid, '营业时间');
      assert.equal(keyword.outcome, 'replied', keyword.error);
      assert.deepEqual(keyword.reply, { type: 'text', content: '每天 9:00–21:00' });

      const news = await loop.emulator.sendText(account.appId, openid, '想买条牛仔裤');
      assert.equal(news.outcome, 'replied', news.error);
      assert.equal(news.reply?.type, 'news');
      assert.equal(news.droppedArticles ?? 0, 0, 'we never send more articles than WeChat shows');

      const other = await loop.emulator.sendText(account.appId, openid, '在吗');
      assert.deepEqual(other.reply, { type: 'text', content: '收到' });

      const unfollow = await loop.emulator.unfollow(account.appId, openid);
      assert.equal(unfollow.outcome, 'no_reply', unfollow.error);

      assert.equal(await countMessages(account.id, openid), 5);
      const [fan] = await loop.platform.db.query<{ subscribed: boolean; unsubscribed_at: Date | null; last_message_at: Date | null }>(
        'select subscribed, unsubscribed_at, last_message_at from fans where account_id = $1 and openid = $2',
        [account.id, openid],
      );
      assert.equal(fan!.subscribed, false);
      assert.ok(fan!.unsubscribed_at && fan!.last_message_at);

      const phone = loop.emulator.phone(account.appId, openid).map((entry) => entry.text ?? '');
      assert.ok(phone.some((line) => line.includes('欢迎关注')), 'the fan saw the welcome on the phone');
    });
  });
}

test('the emulator times out the first delivery: the retry gets the same reply and one message is stored', async () => {
  const account = await loop.connect({ mode: 'safe' });
  loop.emulator.createFans(account.appId, 1, { subscribed: true });
  const openid = loop.emulator.fanOpenid(account.appId, 0);
  loop.emulator.injectFault(account.appId, { type: 'push-timeout', count: 1 });
  const result = await loop.emulator.sendText(account.appId, openid, '营业时间');
  assert.equal(result.attempts, 2, 'first attempt discarded as timed out, then one retry with the identical body');
  assert.equal(result.outcome, 'replied', result.error);
  assert.deepEqual(result.reply, { type: 'text', content: '每天 9:00–21:00' });
  assert.equal(await countMessages(account.id, openid), 1);
  const logged = loop.emulator.pushes(account.appId).at(-1);
  assert.deepEqual([logged?.outcome, logged?.attempts], ['replied', 2]);
});

test('a reply to the wrong fan is shown to the fan as the system notice (reply validation is real)', async () => {
  // Our own replies must pass the emulator's validation; this checks the validation itself is live by
  // pointing an account at a callback that answers with someone else's addressing.
  const account = await loop.connect({ mode: 'plaintext' });
  loop.emulator.createFans(account.appId, 1, { subscribed: true });
  const openid = loop.emulator.fanOpenid(account.appId, 0);
  loop.emulator.updateAccount(account.appId, { callbackUrl: `${loop.url}/healthz` });
  const result = await loop.emulator.sendText(account.appId, openid, 'hi');
  assert.equal(result.outcome, 'failed');
  const last = loop.emulator.phone(account.appId, openid).at(-1);
  assert.equal(last?.text, '该公众号暂时无法提供服务，请稍后再试');
});
