import { z } from 'zod';

type Issue = z.core.$ZodIssue;

const english = z.locales.en().localeError;

/** Whether zod wrote this message itself (a schema's own message, e.g. "must be a number (latitude…)", is kept). */
function isDefault(issue: Issue): boolean {
  // zod's invalid_type message names the received type, which only the raw input knew.
  if (issue.code === 'invalid_type') return /^Invalid input: expected \w+, received \w+$/.test(issue.message);
  const rendered = english(issue as Parameters<typeof english>[0]);
  return (typeof rendered === 'string' ? rendered : rendered?.message) === issue.message;
}

const TYPES: Record<string, string> = { number: '数字', int: '整数', string: '文字', boolean: '是或否', array: '列表', object: '对象', date: '日期' };

/** zod's default message for one issue, in the operator's language (zh-CN phrasing as the console speaks). */
function chinese(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined$/.test(issue.message) ? '必填' : `应为${TYPES[issue.expected] ?? '有效的值'}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? '不能为空' : `至少 ${min} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少 ${min} 项`;
      return issue.inclusive === false ? `必须大于 ${min}` : `不能小于 ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `不能超过 ${max} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${max} 项`;
      return issue.inclusive === false ? `必须小于 ${max}` : `不能大于 ${max}`;
    }
    case 'invalid_format':
      if (issue.format === 'url') return '请输入有效的网址（http:// 或 https://）';
      if (issue.format === 'email') return '请输入有效的邮箱地址';
      return '格式不正确';
    case 'invalid_value':
      return `请选择其中之一：${issue.values.map(String).join('、')}`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的倍数`;
    default:
      return '无效的值';
  }
}

/** Messages our own checks give in both languages: `said('regex', detail)` in a schema or an AppError's details. */
const SAID = {
  latitude: () => ({ zh: '应为纬度（-90 到 90 的数字，如 31.2304）', en: 'must be a latitude: a number from -90 to 90, e.g. 31.2304' }),
  longitude: () => ({ zh: '应为经度（-180 到 180 的数字，如 121.4737）', en: 'must be a longitude: a number from -180 to 180, e.g. 121.4737' }),
  regex: (detail: string) => ({ zh: `正则表达式无效：${detail}`, en: `invalid regular expression: ${detail}` }),
  keywordsNeeded: () => ({ zh: '关键词规则至少需要一个关键词', en: 'a keyword rule needs at least one keyword' }),
  messageTypesNeeded: () => ({ zh: '请至少选择一种消息类型', en: 'choose at least one message type' }),
  emptyWindow: () => ({ zh: '开始和结束时间相同，时段为空', en: 'the window is empty' }),
  noFlow: (detail: string) => ({ zh: `本公众号没有流程 ${detail}`, en: `no flow ${detail} in this account` }),
  channelNameTaken: () => ({ zh: '已有同名渠道', en: 'a channel with this name exists' }),
  unknownTag: () => ({ zh: '标签不存在', en: 'no such tag' }),
  menuIdsUnique: () => ({ zh: '个性化菜单的编号重复', en: 'personalised menu ids must be unique' }),
  duplicateStep: (detail: string) => ({ zh: `步骤 ID「${detail}」重复`, en: `step id "${detail}" is used twice` }),
  noStep: (detail: string) => ({ zh: `没有步骤「${detail}」`, en: `no step "${detail}"` }),
  choicesNeeded: () => ({ zh: '选择步骤需要至少一个选项', en: 'a choice step needs choices' }),
  inputNeeded: () => ({ zh: '输入步骤需要输入设置', en: 'an input step needs its input settings' }),
  patternNeeded: () => ({ zh: '请填写匹配模式', en: 'a pattern is required' }),
  valueNeeded: () => ({ zh: '请填写匹配的值', en: 'a value is required' }),
  entryKeywordTaken: (keyword: string, flow: string) => ({ zh: `「${keyword}」已是流程「${flow}」的入口关键词`, en: `"${keyword}" already starts the flow "${flow}"` }),
  messageLength: () => ({ zh: '内容须为 1–2000 个字符', en: '1–2000 characters' }),
  notMember: () => ({ zh: '不是本公众号的成员', en: 'not a member of this account' }),
  aesKeyNeeded: () => ({ zh: '兼容模式和安全模式需要 EncodingAESKey', en: 'compatible and safe modes need an EncodingAESKey' }),
  videoTitleNeeded: () => ({ zh: '视频素材需要标题', en: 'a video needs a title' }),
  videoIntroductionNeeded: () => ({ zh: '视频素材需要简介', en: 'a video needs an introduction' }),
  noMaterial: (kind: string) => ({
    zh: `本公众号没有该${({ image: '图片', voice: '语音', video: '视频', thumb: '缩略图' } as Record<string, string>)[kind] ?? ''}素材`,
    en: `no such ${kind} material in this account`,
  }),
  coverNotImage: () => ({ zh: '封面须为本公众号的图片或缩略图素材', en: 'the cover must be an image or thumb material of this account' }),
  articleContentEmpty: () => ({ zh: '正文为空（不支持的标签和外部图片已被移除）', en: 'the content is empty (unsupported tags and outside images were removed)' }),
  articleContentTooLong: () => ({ zh: '正文须少于 20,000 个字符且小于 1 MB', en: 'the content must be under 20,000 characters and under 1 MB' }),
  noNews: () => ({ zh: '本公众号没有该图文', en: 'no such news in this account' }),
  fanOrOpenid: () => ({ zh: '请指定粉丝（fanId 或 openid，二选一）', en: 'name the fan: fanId or openid, one of them' }),
  firstLevelAtZero: () => ({ zh: '第一个等级的门槛须为 0', en: 'the first level must start at 0 points' }),
  levelThresholdTwice: () => ({ zh: '两个等级的门槛相同', en: 'two levels have the same threshold' }),
  streakDaysTwice: () => ({ zh: '连续天数重复', en: 'the same number of days appears twice' }),
  couponValueNeeded: (kind: string) => ({
    zh: kind === 'percent' ? '折扣券需要折扣（10–99）' : kind === 'amount' ? '代金券需要减免金额' : '兑换券需要写明赠品',
    en: kind === 'percent' ? 'a discount coupon needs the percentage paid (10–99)' : kind === 'amount' ? 'an amount coupon needs the amount off' : 'a gift coupon needs the gift',
  }),
  amountOverMinSpend: () => ({ zh: '减免金额须小于使用门槛', en: 'the amount off must be below the minimum spend' }),
  validityOrder: () => ({ zh: '结束日期不能早于开始日期', en: 'the end date is before the start date' }),
  phoneFormat: () => ({ zh: '请输入 11 位手机号', en: 'enter an 11-digit mobile number' }),
  birthdayFuture: () => ({ zh: '生日不能晚于今天', en: 'the birthday cannot be in the future' }),
  dateFormat: () => ({ zh: '日期格式须为 YYYY-MM-DD', en: 'use the date format YYYY-MM-DD' }),
  passwordNeeded: () => ({ zh: '新用户名需要设置密码（至少 10 位）', en: 'a new username needs a password (at least 10 characters)' }),
  colorFormat: () => ({ zh: '颜色格式须为 #RRGGBB', en: 'use a colour like #RRGGBB' }),
} satisfies Record<string, (...details: string[]) => { zh: string; en: string }>;
const SAID_PREFIX = 'said:';
const SEPARATOR = '\u001f';

export function said(key: keyof typeof SAID, ...details: string[]): string {
  return `${SAID_PREFIX}${key}:${details.join(SEPARATOR)}`;
}

/** A message from `said`, in the caller's language; any other message as it is. */
export function saidIn(message: string, lang: 'zh' | 'en'): string {
  if (!message.startsWith(SAID_PREFIX)) return message;
  const rest = message.slice(SAID_PREFIX.length);
  const colon = rest.indexOf(':');
  const say = SAID[rest.slice(0, colon) as keyof typeof SAID] as ((...details: string[]) => { zh: string; en: string }) | undefined;
  return say ? say(...rest.slice(colon + 1).split(SEPARATOR))[lang] : message;
}

/** The message for an issue in a 400 VALIDATION_FAILED answer: ours in both languages, or zod's in the caller's. */
export function issueMessage(issue: Issue, lang: 'zh' | 'en'): string {
  if (issue.message.startsWith(SAID_PREFIX)) return saidIn(issue.message, lang);
  return lang === 'zh' && isDefault(issue) ? chinese(issue) : issue.message;
}
