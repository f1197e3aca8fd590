import type { FlowInput } from '@zhanggui/shared';

/** The three flows issue 4 names, as a merchant would build them in the console; the demo seeds them. */
export const MAGAZINE_MENU: FlowInput = {
  name: '车迷天地 数字菜单',
  entryKeywords: ['900'],
  exitWords: ['退出'],
  exitMessage: '已退出菜单，回复 900 可再次进入。',
  timeoutMinutes: 30,
  startStep: 'menu',
  steps: [
    {
      id: 'menu',
      kind: 'choice',
      messages: [{ type: 'text', content: '欢迎来到车迷天地！\n回复 02 每日精选\n回复 03 精美图集\n回复 04 试驾视频\n回复 0 返回菜单' }],
      choices: [
        { match: { type: 'exact', value: '02' }, messages: [{ type: 'news', articles: [{ title: '今日精选：新能源 SUV 横评', url: 'https://example.com/daily' }] }] },
        { match: { type: 'exact', value: '03' }, messages: [{ type: 'news', articles: [{ title: '图集：车展最美十款', url: 'https://example.com/gallery' }] }] },
        { match: { type: 'exact', value: '04' }, messages: [{ type: 'news', articles: [{ title: '视频：城市道路试驾', url: 'https://example.com/video' }] }] },
        { match: { type: 'exact', value: '0' }, next: 'menu' },
      ],
      otherwise: '请回复 02、03、04 选择栏目，回复 0 返回菜单，回复「退出」离开。',
    },
  ],
};

export const MAZE_QUIZ: FlowInput = {
  name: '迷宫闯关',
  entryKeywords: ['闯关'],
  exitWords: ['退出'],
  exitMessage: '已退出闯关，随时回复「闯关」重新开始。',
  timeoutMinutes: 60,
  startStep: 'level1',
  steps: [
    {
      id: 'level1',
      kind: 'choice',
      messages: [{ type: 'text', content: '第 1 关：中国的首都是哪座城市？' }],
      choices: [{ match: { type: 'exact', value: '北京' }, next: 'level2', score: 1, messages: [{ type: 'text', content: '答对了！' }] }],
      otherwise: '不对哦，再想想～',
    },
    {
      id: 'level2',
      kind: 'choice',
      messages: [{ type: 'text', content: '第 2 关：3 × 7 = ?' }],
      choices: [{ match: { type: 'number', value: '21' }, next: 'level3', score: 1, messages: [{ type: 'text', content: '答对了！' }] }],
      otherwise: '不对哦，再算算～',
    },
    {
      id: 'level3',
      kind: 'choice',
      messages: [{ type: 'text', content: '第 3 关：「掌柜」的拼音首字母是？' }],
      choices: [{ match: { type: 'regex', value: '^(?i)zg$' }, next: 'done', score: 1 }],
      otherwise: '不对哦，提示：两个字母。',
    },
    { id: 'done', kind: 'end', messages: [{ type: 'text', content: '恭喜通关！共答对 {{score}} 题。' }] },
  ],
  finishers: { limit: 1, winnerMessage: '你是第一个走出迷宫的人，奖品已为你保留，请到店出示本消息领取！', otherMessage: '可惜已有人抢先通关，下次加油！' },
};

export const ORDER_BY_CHAT: FlowInput = {
  name: '聊天下单',
  entryKeywords: ['下单'],
  exitWords: ['取消', '退出'],
  exitMessage: '已取消下单。',
  timeoutMinutes: 30,
  startStep: 'pick',
  steps: [
    {
      id: 'pick',
      kind: 'choice',
      messages: [{ type: 'text', content: '请回复数字选择商品：\n1. 直筒牛仔裤 ¥199\n2. 纯棉白T恤 ¥79\n3. 帆布鞋 ¥159' }],
      choices: [
        { match: { type: 'number', value: '1' }, set: { product: '直筒牛仔裤 ¥199' }, next: 'address' },
        { match: { type: 'number', value: '2' }, set: { product: '纯棉白T恤 ¥79' }, next: 'address' },
        { match: { type: 'number', value: '3' }, set: { product: '帆布鞋 ¥159' }, next: 'address' },
      ],
      otherwise: '请回复 1、2 或 3 选择商品，回复「取消」放弃。',
    },
    {
      id: 'address',
      kind: 'input',
      messages: [{ type: 'text', content: '您选择了 {{product}}。请回复收货地址：' }],
      input: { key: 'address', validate: 'text', minLength: 6, next: 'phone', invalidMessage: '地址太短了，请写到门牌号。' },
    },
    {
      id: 'phone',
      kind: 'input',
      messages: [{ type: 'text', content: '请回复收货人手机号：' }],
      input: { key: 'phone', validate: 'phone', next: 'confirm', invalidMessage: '手机号格式不对，请回复 11 位手机号。' },
    },
    { id: 'confirm', kind: 'end', submit: true, messages: [{ type: 'text', content: '下单成功！{{product}} 将寄往 {{address}}，我们会尽快联系 {{phone}}。' }] },
  ],
};
