import { ERRORS } from '@zhanggui/shared';
import type { Reply } from '@zhanggui/wechat';
import { AppError } from '../../platform/http/errors.ts';
import type { LoyaltyHooks, LoyaltyVia } from '../replies/reply-brain.ts';
import type { CouponsService } from './coupons.service.ts';
import type { MembersService } from './members.service.ts';

const dateOf = (iso: string, timezone: string) => new Intl.DateTimeFormat('zh-CN', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));

/**
 * What the membership actions of replies do and say: a card, a coupon or a check-in is written first, then
 * answered as a news card that opens the fan page (or a line of text saying why not).
 */
export class LoyaltyReplies {
  constructor(
    private readonly members: MembersService,
    private readonly coupons: CouponsService,
    private readonly timezoneOf: (accountId: number) => Promise<string>,
  ) {}

  hooks(accountId: number): LoyaltyHooks {
    return {
      card: (openid, via) => this.card(accountId, openid, via),
      coupon: (openid, templateId, via, ref) => this.coupon(accountId, openid, templateId, via, ref),
      checkin: (openid) => this.checkin(accountId, openid),
    };
  }

  private async card(accountId: number, openid: string, via: LoyaltyVia): Promise<Reply[]> {
    const program = await this.members.activeProgram(accountId);
    if (!program) return [{ type: 'text', content: '会员卡暂未开通，敬请期待。' }];
    const { member, created } = await this.members.issueCard(accountId, openid, via);
    const level = program.levels.find((l) => l.id === member.level_id);
    return [
      {
        type: 'news',
        articles: [
          {
            title: created ? `您的${program.cardName}已领取` : `这是您的${program.cardName}`,
            description: `会员号 ${member.member_no}${level ? ` · ${level.name}` : ''} · 积分 ${member.points}\n点击打开会员中心：出示会员码、签到、查看优惠券`,
            url: this.members.centreUrl(accountId),
          },
        ],
      },
    ];
  }

  private async coupon(accountId: number, openid: string, templateId: number, via: LoyaltyVia, ref: string): Promise<Reply[]> {
    try {
      const timezone = await this.timezoneOf(accountId);
      const coupon = await this.coupons.issue(accountId, templateId, openid, via, { ref, timezone });
      return [
        {
          type: 'news',
          articles: [
            {
              title: `恭喜获得优惠券：${coupon.title}`,
              description: `${coupon.templateName}\n有效期 ${dateOf(coupon.validFrom, timezone)} 至 ${dateOf(coupon.validTo, timezone)}\n点击查看券码，到店出示即可使用`,
              url: this.coupons.couponUrl(accountId, coupon.id),
            },
          ],
        },
      ];
    } catch (error) {
      if (error instanceof AppError) return [{ type: 'text', content: ERRORS[error.code].zh }];
      throw error;
    }
  }

  private async checkin(accountId: number, openid: string): Promise<Reply[]> {
    const program = await this.members.activeProgram(accountId);
    if (!program) return [{ type: 'text', content: '会员卡暂未开通，敬请期待。' }];
    const { member, created } = await this.members.issueCard(accountId, openid, 'keyword');
    const result = await this.members.checkin(accountId, member.id, { program });
    const centre = this.members.centreUrl(accountId);
    const intro = created ? `已为您开通${program.cardName}（会员号 ${member.member_no}）。\n` : '';
    if (result.alreadyToday) return [{ type: 'text', content: `${intro}今天已经签到过了，明天再来吧～\n当前积分 ${result.balance}，已连续签到 ${result.streak} 天。\n<a href="${centre}">打开会员中心</a>` }];
    const bonus = result.bonus > 0 ? `（含连续签到奖励 ${result.bonus}）` : '';
    return [{ type: 'text', content: `${intro}签到成功！+${result.points} 积分${bonus}\n已连续签到 ${result.streak} 天，当前积分 ${result.balance}。\n<a href="${centre}">打开会员中心</a>` }];
  }
}
