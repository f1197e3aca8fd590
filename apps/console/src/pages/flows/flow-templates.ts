// Starting points for the "new flow" dialog: plain FlowInput data that fills the editor. The content is
// what fans read, so it is Chinese; the dialog's titles and descriptions come from the dictionaries.
import type { FlowInput } from '@zhanggui/shared';

export type FlowTemplateKey = 'blank' | 'menu' | 'quiz' | 'order';

const blank: FlowInput = {
  name: '',
  enabled: true,
  entryKeywords: [],
  exitWords: ['退出'],
  exitMessage: '已退出。',
  timeoutMinutes: 30,
  startStep: 'start',
  steps: [{ id: 'start', name: '开始', kind: 'choice', messages: [{ type: 'text', content: '' }], choices: [{ match: { type: 'exact', value: '' } }], otherwise: '' }],
};

/** A car magazine's numbered menu: reply 900 to enter, 02/03/04 for a section, 0 to go back. */
const menu: FlowInput = {
  name: '杂志数字菜单',
  enabled: true,
  entryKeywords: ['900'],
  exitWords: ['退出'],
  exitMessage: '已退出菜单，回复 900 可随时回来。',
  timeoutMinutes: 30,
  startStep: 'menu',
  steps: [
    {
      id: 'menu',
      name: '主菜单',
      kind: 'choice',
      messages: [{ type: 'text', content: '欢迎来到《汽车周刊》！回复数字查看：\n02 每日精选\n03 图集\n04 视频\n\n回复「退出」离开菜单' }],
      choices: [
        { match: { type: 'number', value: '2' }, next: 'daily' },
        { match: { type: 'number', value: '3' }, next: 'gallery' },
        { match: { type: 'number', value: '4' }, next: 'videos' },
        { match: { type: 'number', value: '0' }, next: 'menu' },
      ],
      otherwise: '没有这个编号哦，请回复 02、03 或 04。',
    },
    {
      id: 'daily',
      name: '每日精选',
      kind: 'choice',
      messages: [
        {
          type: 'news',
          articles: [{ title: '每日精选｜这 5 款家用 SUV 值得一看', description: '编辑部试驾一周，从空间、油耗到保值率逐一对比。', url: 'https://example.com/daily' }],
        },
        { type: 'text', content: '回复 0 返回主菜单' },
      ],
      choices: [{ match: { type: 'number', value: '0' }, next: 'menu' }],
      otherwise: '回复 0 返回主菜单',
    },
    {
      id: 'gallery',
      name: '图集',
      kind: 'choice',
      messages: [
        { type: 'news', articles: [{ title: '图集｜车展现场 60 张高清大图', description: '新车、概念车和展台细节一次看够。', url: 'https://example.com/gallery' }] },
        { type: 'text', content: '回复 0 返回主菜单' },
      ],
      choices: [{ match: { type: 'number', value: '0' }, next: 'menu' }],
      otherwise: '回复 0 返回主菜单',
    },
    {
      id: 'videos',
      name: '视频',
      kind: 'choice',
      messages: [
        { type: 'news', articles: [{ title: '视频｜3 分钟看懂混动和增程的区别', description: '工程师用一张图讲明白。', url: 'https://example.com/videos' }] },
        { type: 'text', content: '回复 0 返回主菜单' },
      ],
      choices: [{ match: { type: 'number', value: '0' }, next: 'menu' }],
      otherwise: '回复 0 返回主菜单',
    },
  ],
};

const wrong = (hint: string) => ({ match: { type: 'any' as const }, messages: [{ type: 'text' as const, content: `答错了，再想想～${hint}` }] });

/** A maze quiz: each right answer opens the next level; the first fan to clear all three wins. */
const quiz: FlowInput = {
  name: '闯关答题',
  enabled: true,
  entryKeywords: ['闯关'],
  exitWords: ['退出'],
  exitMessage: '已退出闯关，回复「闯关」可以重新开始。',
  timeoutMinutes: 60,
  startStep: 'level1',
  steps: [
    {
      id: 'level1',
      name: '第 1 关',
      kind: 'choice',
      messages: [{ type: 'text', content: '🚪 第 1 关：中国的首都是哪座城市？\nA. 上海\nB. 北京\nC. 广州\n回复字母作答' }],
      choices: [
        { match: { type: 'regex', value: '^(B|b|北京)$' }, messages: [{ type: 'text', content: '✅ 答对了！进入下一关～' }], next: 'level2', score: 1 },
        wrong('提示：天安门就在这座城市。'),
      ],
    },
    {
      id: 'level2',
      name: '第 2 关',
      kind: 'choice',
      messages: [{ type: 'text', content: '🚪 第 2 关：一年有多少个节气？回复数字作答' }],
      choices: [
        { match: { type: 'number', value: '24' }, messages: [{ type: 'text', content: '✅ 答对了！最后一关来了～' }], next: 'level3', score: 1 },
        wrong('提示：立春、雨水、惊蛰……'),
      ],
    },
    {
      id: 'level3',
      name: '第 3 关',
      kind: 'choice',
      messages: [{ type: 'text', content: '🚪 第 3 关：「掌柜」两个字的拼音首字母是什么？' }],
      choices: [{ match: { type: 'regex', value: '^(zg|ZG|Zg)$' }, next: 'done', score: 1 }, wrong('提示：两个字母。')],
    },
    { id: 'done', name: '通关', kind: 'end', messages: [{ type: 'text', content: '🎉 恭喜你三关全部通过！' }], submit: true },
  ],
  finishers: { limit: 1, winnerMessage: '🏆 你是第一位通关的粉丝！凭此消息到店领取神秘奖品。', otherMessage: '奖品已被第一位通关的粉丝领走啦，感谢参与，下期再战！' },
};

const product = (number: number, name: string, price: string) => ({
  match: { type: 'number' as const, value: String(number) },
  set: { product: name, price },
  messages: [{ type: 'text' as const, content: `已选择：${name}（¥${price}）` }],
  next: 'address',
});

/** Ordering by chat: pick a product by number, leave an address and a phone number, done. */
const order: FlowInput = {
  name: '聊天下单',
  enabled: true,
  entryKeywords: ['下单'],
  exitWords: ['退出', '取消'],
  exitMessage: '已取消下单，欢迎随时回来～',
  timeoutMinutes: 30,
  startStep: 'product',
  steps: [
    {
      id: 'product',
      name: '选择商品',
      kind: 'choice',
      messages: [{ type: 'text', content: '请回复编号选择商品：\n1. 经典牛仔裤 ¥199\n2. 纯棉白 T 恤 ¥79\n3. 帆布鞋 ¥259\n\n回复「取消」可随时退出' }],
      choices: [product(1, '经典牛仔裤', '199'), product(2, '纯棉白 T 恤', '79'), product(3, '帆布鞋', '259')],
      otherwise: '请回复 1、2 或 3 选择商品',
    },
    {
      id: 'address',
      name: '收货地址',
      kind: 'input',
      messages: [{ type: 'text', content: '请发送收货地址（省市区 + 详细地址）' }],
      input: { key: 'address', validate: 'text', minLength: 6, maxLength: 120, next: 'phone', invalidMessage: '地址好像不完整，请发送省市区和详细地址' },
    },
    {
      id: 'phone',
      name: '联系电话',
      kind: 'input',
      messages: [{ type: 'text', content: '请发送收货人的手机号' }],
      input: { key: 'phone', validate: 'phone', next: 'confirm', invalidMessage: '手机号格式不对，请发送 11 位手机号' },
    },
    {
      id: 'confirm',
      name: '下单成功',
      kind: 'end',
      messages: [{ type: 'text', content: '✅ 下单成功！\n商品：{{product}}（¥{{price}}）\n地址：{{address}}\n电话：{{phone}}\n店员会尽快联系您确认。' }],
      submit: true,
    },
  ],
};

export const FLOW_TEMPLATES: Record<FlowTemplateKey, FlowInput> = { blank, menu, quiz, order };
export const TEMPLATE_KEYS: FlowTemplateKey[] = ['blank', 'menu', 'quiz', 'order'];
