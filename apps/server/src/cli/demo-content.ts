import type { MenuButton, MenuSet, KnowledgeInput, ProductInput, QrChannelInput, RuleInput, StoreInput } from '@zhanggui/shared';
import type { Platform } from '../app.ts';
import { MAGAZINE_MENU, MAZE_QUIZ, ORDER_BY_CHAT } from '../modules/flows/flow-examples.ts';

/**
 * What the demo account answers with, so every reply feature can be tried from the phone page at once:
 * keyword rules, the three example flows, search over a small knowledge base and catalogue (the default
 * reply), and nearby stores (a shared location is answered with them whenever the account has stores).
 */
export const DEMO_CONTENT_VERSION = 4;

const rules: RuleInput[] = [
  { name: '关注欢迎语', trigger: 'subscribe', replies: [{ type: 'text', content: '欢迎关注掌柜演示店！回复「营业时间」「优惠」，或直接问「牛仔裤」「退货」；回复 900 看杂志菜单，「闯关」玩迷宫，「下单」聊天下单，发送位置找最近的门店。' }] },
  { name: '营业时间', trigger: 'keyword', keywords: [{ text: '营业时间', match: 'exact' }, { text: '几点开门', match: 'contains' }], replies: [{ type: 'text', content: '营业时间：每天 9:00–21:00，节假日照常营业。' }] },
  { name: '优惠', trigger: 'keyword', keywords: [{ text: '优惠', match: 'contains' }], replies: [{ type: 'text', content: '本周会员日：全场 9.5 折，出示本消息即可享受。' }] },
  { name: '附近门店', trigger: 'keyword', keywords: [{ text: '附近', match: 'prefix' }, { text: '门店', match: 'exact' }, { text: '地址', match: 'contains' }], replies: [{ type: 'stores_nearby', notFound: '附近没有提供「{{arg}}」的门店。' }] },
  { name: '搜索兜底', trigger: 'default', replies: [{ type: 'search', scope: 'all', notFound: '收到您的消息，店员会尽快回复您。' }] },
];

const knowledge: KnowledgeInput[] = [
  { title: '退货与退款', body: '收货 7 天内可无理由退货：在订单页点「申请退货」，快递寄回后 1–3 个工作日退款。', keywords: ['退货', '退款', '换货'] },
  { title: '会员积分说明', body: '每消费 1 元积 1 分，100 分抵 1 元；积分在会员中心查看，有效期两年。', keywords: ['积分', '会员'] },
  { title: '尺码对照表', body: 'S=160/80A，M=165/84A，L=170/88A，XL=175/92A。拿不准时选大一码。', keywords: ['尺码', '尺寸', '大小'] },
  { title: '快递与运费', body: '满 99 元包邮，顺丰次日达；偏远地区另计运费。', keywords: ['快递', '运费', '包邮', '发货'] },
];

const products: ProductInput[] = [
  { name: '直筒牛仔裤', priceFen: 19900, category: '裤装', keywords: ['牛仔', '裤子'], description: '弹力修身，四色可选', link: 'https://shop.example.com/jeans' },
  { name: '破洞牛仔短裤', priceFen: 12900, category: '裤装', keywords: ['牛仔', '短裤'], link: 'https://shop.example.com/shorts' },
  { name: '牛仔外套', priceFen: 29900, category: '外套', keywords: ['牛仔', '夹克'], link: 'https://shop.example.com/jacket' },
  { name: '纯棉白T恤', priceFen: 7900, category: '上衣', keywords: ['T恤', '短袖'], link: 'https://shop.example.com/tee' },
  { name: '羊毛围巾', priceFen: 15900, category: '配饰', keywords: ['围巾', '冬季'], link: 'https://shop.example.com/scarf', stock: 12 },
];

// GCJ-02 coordinates of real places in Shanghai, so a shared location from the phone page finds them.
const stores: StoreInput[] = [
  { name: '南京东路旗舰店', address: '上海市黄浦区南京东路 100 号', phone: '021-63210000', hours: '9:00–21:00', latitude: 31.2397, longitude: 121.4845, keywords: ['ATM', '停车'] },
  { name: '徐家汇店', address: '上海市徐汇区虹桥路 1 号港汇广场 B1', phone: '021-64070000', hours: '10:00–22:00', latitude: 31.1948, longitude: 121.4372, keywords: ['停车'] },
  { name: '陆家嘴店', address: '上海市浦东新区世纪大道 8 号国金中心 L2', phone: '021-68880000', hours: '10:00–22:00', latitude: 31.2363, longitude: 121.5019, keywords: ['ATM'] },
  { name: '静安寺店', address: '上海市静安区南京西路 1618 号', phone: '021-62880000', hours: '10:00–21:30', latitude: 31.2236, longitude: 121.4454, keywords: [] },
];

const DEMO_PROGRAM = {
  enabled: true,
  cardName: '掌柜会员卡',
  color: '#1F6F5C',
  memberNoPrefix: 'ZG',
  memberNoDigits: 8,
  notice: '结账时出示会员码，享受会员价并累积积分（每消费 1 元积 1 分）。',
  levels: [
    { name: '普通会员', threshold: 0, payPercent: null, benefits: '生日当月双倍积分' },
    { name: '银卡会员', threshold: 200, payPercent: 95, benefits: '全场 9.5 折' },
    { name: '金卡会员', threshold: 1000, payPercent: 90, benefits: '全场 9 折，专属客服' },
  ],
  points: { checkin: 5, streak: [{ days: 7, points: 30 }], perYuan: 1, welcome: 20 },
  cardKeyword: '会员卡',
  checkinKeyword: '签到',
};

/** The demo's menu: replies, two flows, a link and a location button; shoppers tagged 到店顾客 see 到店福利. */
function demoMenu(flowId: (name: string) => number, shopperTag: number, loyalty?: { centreUrl: string; couponTemplateId: number }): MenuSet {
  const browse: MenuButton = {
    name: '逛逛',
    subButtons: [
      { name: '杂志菜单', type: 'click', key: 'DEMO_MAGAZINE', replies: [{ type: 'flow', flowId: flowId(MAGAZINE_MENU.name) }] },
      { name: '聊天下单', type: 'click', key: 'DEMO_ORDER', replies: [{ type: 'flow', flowId: flowId(ORDER_BY_CHAT.name) }] },
      { name: '官网商城', type: 'view', url: 'https://shop.example.com/' },
      { name: '发位置找门店', type: 'location_select', key: 'DEMO_NEARBY' },
    ],
  };
  const service: MenuButton = {
    name: '服务',
    subButtons: [
      { name: '营业时间', type: 'click', key: 'DEMO_HOURS', replies: [{ type: 'text', content: '营业时间：每天 9:00–21:00，节假日照常营业。' }] },
      { name: '联系客服', type: 'click', key: 'DEMO_AGENT', replies: [{ type: 'text', content: '请直接发送您的问题，店员会尽快回复您。' }] },
    ],
  };
  const promo: MenuButton = { name: '本周活动', type: 'click', key: 'DEMO_PROMO', replies: [{ type: 'text', content: '本周会员日：全场 9.5 折，出示本消息即可享受。' }] };
  // With the card programme (demo content 4): a 会员 menu with the member centre, check-in and a coupon.
  const instore: MenuButton = { name: '到店福利', type: 'click', key: 'DEMO_INSTORE', replies: [{ type: 'text', content: '到店顾客专享：今天买满 199 元送帆布袋一个，结账时出示本消息。' }] };
  const member = (extra: MenuButton): MenuButton =>
    loyalty
      ? {
          name: '会员',
          subButtons: [
            { name: '会员中心', type: 'view', url: loyalty.centreUrl },
            { name: '每日签到', type: 'click', key: 'DEMO_CHECKIN', replies: [{ type: 'checkin' }] },
            { name: '领新人券', type: 'click', key: 'DEMO_COUPON', replies: [{ type: 'coupon', templateId: loyalty.couponTemplateId }] },
            extra,
          ],
        }
      : extra;
  return {
    buttons: [member(promo), browse, service],
    conditional: [
      {
        id: 'demo-shoppers',
        name: '到店顾客',
        matchRule: { tagId: shopperTag },
        buttons: [member(instore), browse, service],
      },
    ],
  };
}

function demoChannels(shopperTag: number): Array<QrChannelInput & { code: { kind: 'permanent' | 'temporary'; sceneType: 'int' | 'str'; label: string } }> {
  return [
    {
      name: '南京东路店门口',
      note: '旗舰店正门易拉宝',
      tagIds: [shopperTag],
      welcome: [{ type: 'text', content: '欢迎光临南京东路旗舰店！您已成为到店顾客，点菜单「到店福利」领取今日礼品。' }],
      caption: '扫码关注，到店领帆布袋',
      code: { kind: 'permanent', sceneType: 'int', label: '正门' },
    },
    { name: '地铁二号线海报', note: '人民广场站灯箱', caption: '微信扫一扫，新人领 20 元券', code: { kind: 'permanent', sceneType: 'str', label: '人民广场站' } },
    { name: '店员小王', note: '工牌上的临时码（30 天）', tagIds: [shopperTag], code: { kind: 'temporary', sceneType: 'int', label: '小王工牌' } },
  ];
}

/** Seeds content newer than `from` (0 for a new account); returns the version now seeded. */
export async function seedDemoContent(platform: Platform, accountId: number, from: number): Promise<number> {
  if (from < 1) for (const rule of rules) await platform.replies.create(accountId, rule);
  if (from === 1) {
    // Demos made before search and stores had a plain default reply and a hard-coded jeans rule.
    const old = await platform.replies.list(accountId);
    for (const rule of old) if (rule.name === '默认回复' || rule.name === '牛仔裤' || rule.name === '地址') await platform.replies.remove(accountId, rule.id);
    for (const rule of rules.slice(3)) await platform.replies.create(accountId, rule);
  }
  if (from < 2) {
    for (const flow of [MAGAZINE_MENU, MAZE_QUIZ, ORDER_BY_CHAT]) await platform.flows.create(accountId, flow);
    for (const entry of knowledge) await platform.catalogue.saveKnowledge(accountId, null, entry);
    for (const product of products) await platform.catalogue.saveProduct(accountId, null, product);
    for (const store of stores) await platform.stores.save(accountId, null, store);
  }
  const flowId = async () => {
    const flows = await platform.flows.list(accountId);
    return (name: string) => flows.find((f) => f.name === name)!.id;
  };
  const shopperTag = async () => (await platform.tags.list(accountId)).find((t) => t.name === '到店顾客') ?? (await platform.tags.create(accountId, '到店顾客'));
  if (from < 3) {
    const tag = await shopperTag();
    for (const { code, ...channel } of demoChannels(tag.id)) {
      const saved = await platform.channels.save(accountId, null, channel);
      await platform.channels.createCode(accountId, saved.id, { ...code, expireSeconds: code.kind === 'temporary' ? 30 * 86_400 : undefined });
    }
  }
  if (from < 4) {
    // The card programme: a card at the till's QR code, check-in, points and coupons (issue 7).
    await platform.members.saveProgram(accountId, DEMO_PROGRAM);
    const welcome = await platform.coupons.saveTemplate(accountId, null, { name: '新人券', kind: 'amount', amountOffFen: 2000, minSpendFen: 10000, description: '全场通用，每人一张', color: '#E8553F', stock: 1000, perFanLimit: 1, validity: { type: 'relative', days: 30 }, claimable: true });
    await platform.coupons.saveTemplate(accountId, null, { name: '积分换咖啡', kind: 'gift', gift: '拿铁一杯', description: '到店出示券码兑换', color: '#8B5E3C', stock: 200, perFanLimit: 3, validity: { type: 'relative', days: 14 }, pointsPrice: 20 });
    await platform.coupons.saveTemplate(accountId, null, { name: '会员 8.5 折券', kind: 'percent', payPercent: 85, minSpendFen: 20000, description: '满 200 元可用', color: '#3E6AE1', stock: null, perFanLimit: 2, validity: { type: 'relative', days: 7 }, pointsPrice: 50 });
    const till = await platform.channels.save(accountId, null, { name: '收银台会员码', note: '收银台立牌：扫码即领会员卡', welcome: [{ type: 'member_card' }], caption: '微信扫一扫，免费领会员卡' });
    await platform.channels.createCode(accountId, till.id, { kind: 'permanent', sceneType: 'str', label: '收银台' });
    const tag = await shopperTag();
    await platform.menus.saveDraft(accountId, demoMenu(await flowId(), tag.id, { centreUrl: platform.members.centreUrl(accountId), couponTemplateId: welcome.id }));
    await platform.menus.publish(accountId);
  }
  return DEMO_CONTENT_VERSION;
}
