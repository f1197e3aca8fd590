import { parseArgs } from 'node:util';
import { CallbackCodec, CallbackError, computeMsgSignature, computeSignature, MessageCrypto, type CallbackQuery } from '@zhanggui/wechat';

const USAGE = `zhanggui wechat decrypt --token T --aes-key K --appid A --query 'signature=…&timestamp=…&nonce=…&encrypt_type=aes&msg_signature=…' < body.xml
zhanggui wechat encrypt --token T --aes-key K --appid A [--timestamp S] [--nonce N] < plain.xml

decrypt: verifies signature and msg_signature (timestamps of any age are accepted) and prints the plaintext XML.
encrypt: prints the safe-mode body (ToUserName + Encrypt) and the query string WeChat would send with it.`;

/** Safe-mode debugging for operators: open a captured push, or build one. */
export async function wechatDebugCommand(argv: string[], io: { stdin: () => Promise<string>; out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  const [action, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      token: { type: 'string' },
      'aes-key': { type: 'string' },
      'previous-aes-key': { type: 'string' },
      appid: { type: 'string' },
      query: { type: 'string' },
      timestamp: { type: 'string' },
      nonce: { type: 'string' },
      'to-user': { type: 'string' },
    },
  });
  if ((action !== 'decrypt' && action !== 'encrypt') || !values.token || !values['aes-key'] || !values.appid) {
    io.err(USAGE);
    return 2;
  }
  const body = (await io.stdin()).trim();
  try {
    if (action === 'decrypt') {
      const query = Object.fromEntries(new URLSearchParams((values.query ?? '').replace(/^\?/, ''))) as CallbackQuery;
      if (!query.encrypt_type) query.encrypt_type = 'aes';
      const codec = new CallbackCodec(
        { appId: values.appid, token: values.token, encodingAesKey: values['aes-key'], previousEncodingAesKey: values['previous-aes-key'] },
        { maxClockSkewSeconds: 0 },
      );
      const opened = codec.open(query, body);
      io.out(opened.xml);
      if (opened.keyIndex === 1) io.err('(decrypted with the previous EncodingAESKey)');
      return 0;
    }
    const timestamp = values.timestamp ?? String(Math.floor(Date.now() / 1000));
    const nonce = values.nonce ?? String(Math.floor(Math.random() * 1e9));
    const encrypt = new MessageCrypto(values.appid, values['aes-key']).encrypt(body);
    const toUser = values['to-user'] ?? /<ToUserName><!\[CDATA\[(.*?)\]\]><\/ToUserName>/.exec(body)?.[1] ?? '';
    io.out(`<xml><ToUserName><![CDATA[${toUser}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`);
    const query = new URLSearchParams({
      signature: computeSignature(values.token, timestamp, nonce),
      timestamp,
      nonce,
      encrypt_type: 'aes',
      msg_signature: computeMsgSignature(values.token, timestamp, nonce, encrypt),
    });
    io.err(`query: ${query}`);
    return 0;
  } catch (error) {
    io.err(error instanceof CallbackError ? `${error.code}: ${error.message}` : `error: ${(error as Error).message}`);
    return 1;
  }
}
