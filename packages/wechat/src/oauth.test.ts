import assert from 'node:assert/strict';
import { test } from 'node:test';
import { oauthAuthorizeUrl } from './client/client.ts';

// wechat-protocol.md §6.5 (wechatpy tests/test_oauth.py): parameter order, encoding, #wechat_redirect.
test('the OAuth authorize URL matches the reference', () => {
  assert.equal(
    oauthAuthorizeUrl('https://open.weixin.qq.com', { appId: '123456', redirectUri: 'http://localhost', scope: 'snsapi_base' }),
    'https://open.weixin.qq.com/connect/oauth2/authorize?appid=123456&redirect_uri=http%3A%2F%2Flocalhost&response_type=code&scope=snsapi_base#wechat_redirect',
  );
  assert.equal(
    oauthAuthorizeUrl('https://open.weixin.qq.com/', { appId: '123456', redirectUri: 'http://localhost', scope: 'snsapi_base', state: 'abc123' }),
    'https://open.weixin.qq.com/connect/oauth2/authorize?appid=123456&redirect_uri=http%3A%2F%2Flocalhost&response_type=code&scope=snsapi_base&state=abc123#wechat_redirect',
  );
});
