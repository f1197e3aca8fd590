import type {} from '@fastify/multipart';
import { csvLine } from '@zhanggui/shared';
import type { LoyaltyMemberDetail, StaffView } from '@zhanggui/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { accountOf, sessionOf } from '../../platform/http/auth.ts';
import { AppError } from '../../platform/http/errors.ts';
import { said } from '../../platform/http/validation-messages.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { OperatorsService } from '../operators/operators.service.ts';
import type { CouponsService } from './coupons.service.ts';
import { orderPointsInput, pointsAdjustInput, redeemInput, staffInput } from './loyalty.schema.ts';
import type { MembersService } from './members.service.ts';

type MemberParams = { Params: { accountId: string; memberId: string } };
type TemplateParams = { Params: { accountId: string; templateId: string } };
type CouponParams = { Params: { accountId: string; couponId: string } };

const VIEW = { config: { access: { permission: 'fans.view' as const } } };
const EDIT = { config: { access: { permission: 'loyalty.edit' as const } } };
const EXPORT = { config: { access: { permission: 'fans.export' as const } } };
const TILL = { config: { access: { permission: 'coupons.redeem' as const } } };
const STAFF = { config: { access: { permission: 'members.manage' as const } } };
const idOf = (value: string) => (/^\d{1,9}$/.test(value) ? Number(value) : 0);
const operatorOf = (request: FastifyRequest) => sessionOf(request).operator.id;

interface Deps {
  members: MembersService;
  coupons: CouponsService;
  operators: OperatorsService;
  audit: AuditService;
}

/** The console's card programme, members, points and coupons; the till's redemption and order points; staff. */
export async function loyaltyRoutes(app: FastifyInstance, { members, coupons, operators, audit }: Deps): Promise<void> {
  // ---- programme ----
  app.get('/api/accounts/:accountId/loyalty/program', VIEW, async (request) => members.programView(accountOf(request)));

  app.put('/api/accounts/:accountId/loyalty/program', EDIT, async (request) => {
    const program = await members.saveProgram(accountOf(request), request.body);
    await audit.fromRequest(request, 'loyalty.program', null, { enabled: program.enabled, cardName: program.cardName, levels: program.levels.length });
    return program;
  });

  app.put('/api/accounts/:accountId/loyalty/program/logo', EDIT, async (request) => {
    const file = await request.file({ limits: { fileSize: 1024 * 1024 + 1, files: 1 } });
    if (!file) throw new AppError('LOGO_INVALID');
    const data = await file.toBuffer().catch(() => {
      throw new AppError('LOGO_INVALID');
    });
    const program = await members.setLogo(accountOf(request), data);
    await audit.fromRequest(request, 'loyalty.logo', null, { bytes: data.length });
    return program;
  });

  app.delete('/api/accounts/:accountId/loyalty/program/logo', EDIT, async (request) => {
    const program = await members.setLogo(accountOf(request), null);
    await audit.fromRequest(request, 'loyalty.logo', null, { bytes: 0 });
    return program;
  });

  // ---- members ----
  app.get('/api/accounts/:accountId/loyalty/members', VIEW, async (request) => {
    const query = z.object({ q: z.string().max(100).optional(), levelId: z.coerce.number().int().positive().optional(), cursor: z.string().max(100).optional() }).parse(request.query);
    return members.list(accountOf(request), query);
  });

  app.get('/api/accounts/:accountId/loyalty/members/export.csv', EXPORT, async (request, reply) => {
    const filter = z.object({ q: z.string().max(100).optional(), levelId: z.coerce.number().int().positive().optional() }).parse(request.query);
    const rows = await members.exportRows(accountOf(request), filter);
    const header = ['会员号', 'openid', '备注名', '等级', '积分', '累计积分', '姓名', '手机', '性别', '生日', '地区', '开卡方式', '开卡时间', '最近签到', '连续签到'];
    const lines = rows.map((m) => csvLine([m.member_no, m.openid, m.fan_name, m.level_name, m.points, m.points_earned, m.name, m.phone, m.gender === 'male' ? '男' : m.gender === 'female' ? '女' : '', m.birthday, m.region, m.issued_via, m.issued_at.toISOString(), m.last_checkin_on, m.streak]));
    await audit.fromRequest(request, 'loyalty.members_export', null, { rows: rows.length });
    const stamp = new Date().toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="members-${stamp}.csv"`)
      .send(`\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`);
  });

  app.post('/api/accounts/:accountId/loyalty/members', EDIT, async (request, reply) => {
    const { openid } = z.object({ openid: z.string().trim().min(1).max(64) }).parse(request.body);
    const accountId = accountOf(request);
    const { member, created } = await members.issueCard(accountId, openid, 'manual');
    if (created) await audit.fromRequest(request, 'loyalty.card_issue', String(member.id), { openid, memberNo: member.member_no });
    return reply.code(created ? 201 : 200).send(await members.view(accountId, member.id));
  });

  app.get<MemberParams>('/api/accounts/:accountId/loyalty/members/:memberId', VIEW, async (request): Promise<LoyaltyMemberDetail> => {
    const accountId = accountOf(request);
    const member = await members.view(accountId, idOf(request.params.memberId));
    const program = await members.program(accountId);
    const held = await coupons.list(accountId, { q: member.openid }, 100);
    return { ...member, coupons: held.items, nextLevel: program ? members.nextLevel(program.levels, member.pointsEarned) : null };
  });

  app.get<MemberParams>('/api/accounts/:accountId/loyalty/members/:memberId/points', VIEW, async (request) => {
    const { cursor } = z.object({ cursor: z.string().max(40).optional() }).parse(request.query);
    const accountId = accountOf(request);
    const member = await members.member(accountId, idOf(request.params.memberId));
    return members.ledger(accountId, member.id, cursor);
  });

  app.post<MemberParams>('/api/accounts/:accountId/loyalty/members/:memberId/points', EDIT, async (request, reply) => {
    const input = pointsAdjustInput.parse(request.body);
    const entry = await members.adjust(accountOf(request), idOf(request.params.memberId), input.delta, input.reason, operatorOf(request));
    await audit.fromRequest(request, 'loyalty.points_adjust', request.params.memberId, { delta: input.delta, reason: input.reason, balance: entry.balance });
    return reply.code(201).send(entry);
  });

  // ---- coupon templates and coupons ----
  app.get('/api/accounts/:accountId/loyalty/coupon-templates', VIEW, async (request) => coupons.templates(accountOf(request)));

  app.post('/api/accounts/:accountId/loyalty/coupon-templates', EDIT, async (request, reply) => {
    const template = await coupons.saveTemplate(accountOf(request), null, request.body);
    await audit.fromRequest(request, 'coupon_template.create', String(template.id), { name: template.name });
    return reply.code(201).send(template);
  });

  app.get<TemplateParams>('/api/accounts/:accountId/loyalty/coupon-templates/:templateId', VIEW, async (request) => coupons.template(accountOf(request), idOf(request.params.templateId)));

  app.put<TemplateParams>('/api/accounts/:accountId/loyalty/coupon-templates/:templateId', EDIT, async (request) => {
    const template = await coupons.saveTemplate(accountOf(request), idOf(request.params.templateId), request.body);
    await audit.fromRequest(request, 'coupon_template.update', String(template.id), { name: template.name });
    return template;
  });

  app.delete<TemplateParams>('/api/accounts/:accountId/loyalty/coupon-templates/:templateId', EDIT, async (request, reply) => {
    await coupons.archiveTemplate(accountOf(request), idOf(request.params.templateId));
    await audit.fromRequest(request, 'coupon_template.archive', request.params.templateId);
    return reply.code(204).send();
  });

  app.post<TemplateParams>('/api/accounts/:accountId/loyalty/coupon-templates/:templateId/issue', EDIT, async (request) => {
    const { openids } = z.object({ openids: z.array(z.string().trim().min(1).max(64)).min(1).max(1000) }).parse(request.body);
    const accountId = accountOf(request);
    const templateId = idOf(request.params.templateId);
    await coupons.template(accountId, templateId);
    const result = await coupons.issueMany(accountId, templateId, openids, operatorOf(request));
    await audit.fromRequest(request, 'coupon.issue', request.params.templateId, { issued: result.issued.length, refused: result.refused.length });
    return result;
  });

  app.get('/api/accounts/:accountId/loyalty/coupons', VIEW, async (request) => {
    const query = z
      .object({
        templateId: z.coerce.number().int().positive().optional(),
        status: z.enum(['active', 'pending', 'redeemed', 'void', 'expired']).optional(),
        q: z.string().max(100).optional(),
        cursor: z.string().max(100).optional(),
      })
      .parse(request.query);
    return coupons.list(accountOf(request), query);
  });

  app.get<CouponParams>('/api/accounts/:accountId/loyalty/coupons/:couponId', VIEW, async (request) => {
    const accountId = accountOf(request);
    const coupon = await coupons.coupon(accountId, idOf(request.params.couponId));
    return { ...coupon, events: await coupons.events(accountId, coupon.id) };
  });

  app.post<CouponParams>('/api/accounts/:accountId/loyalty/coupons/:couponId/void', EDIT, async (request) => {
    const { reason } = z.object({ reason: z.string().trim().min(1).max(200) }).parse(request.body);
    const coupon = await coupons.void(accountOf(request), idOf(request.params.couponId), reason, operatorOf(request));
    await audit.fromRequest(request, 'coupon.void', String(coupon.id), { code: coupon.code, reason });
    return coupon;
  });

  app.get('/api/accounts/:accountId/loyalty/report', VIEW, async (request) => {
    const { days } = z.object({ days: z.coerce.number().int().min(1).max(90).default(30) }).parse(request.query);
    return coupons.report(accountOf(request), days);
  });

  // ---- the till ----
  app.post('/api/accounts/:accountId/loyalty/redeem/lookup', TILL, async (request) => {
    const { code } = redeemInput.pick({ code: true }).parse(request.body);
    return coupons.lookup(accountOf(request), code);
  });

  app.post('/api/accounts/:accountId/loyalty/redeem', TILL, async (request) => {
    const input = redeemInput.parse(request.body);
    try {
      const coupon = await coupons.redeem(accountOf(request), input.code, input.orderAmountFen, operatorOf(request));
      await audit.fromRequest(request, 'coupon.redeem', String(coupon.id), { code: coupon.code, orderAmountFen: input.orderAmountFen });
      return coupon;
    } catch (error) {
      if (error instanceof AppError) await audit.fromRequest(request, 'coupon.redeem_refused', null, { code: input.code, reason: error.code });
      throw error;
    }
  });

  app.get('/api/accounts/:accountId/loyalty/redeem/recent', TILL, async (request) => coupons.recentRedemptions(accountOf(request), operatorOf(request)));

  app.post('/api/accounts/:accountId/loyalty/member-lookup', TILL, async (request) => {
    const { memberNo } = z.object({ memberNo: z.string().trim().min(1).max(40) }).parse(request.body);
    const accountId = accountOf(request);
    const member = await members.memberByNo(accountId, memberNo);
    return members.view(accountId, member.id);
  });

  app.post<MemberParams>('/api/accounts/:accountId/loyalty/members/:memberId/orders', TILL, async (request, reply) => {
    const input = orderPointsInput.parse(request.body);
    const entry = await members.recordOrder(accountOf(request), idOf(request.params.memberId), input.amountFen, input.ref, operatorOf(request));
    await audit.fromRequest(request, 'loyalty.order_points', request.params.memberId, { amountFen: input.amountFen, ref: input.ref ?? null, points: entry.delta });
    return reply.code(201).send(entry);
  });

  // ---- staff ----
  app.get('/api/accounts/:accountId/loyalty/staff', STAFF, async (request): Promise<StaffView[]> => {
    const accountId = accountOf(request);
    const [team, counts] = await Promise.all([operators.members(accountId), coupons.redemptionsBy(accountId)]);
    return team
      .filter((m) => m.role === 'staff')
      .map(({ operator }) => {
        const c = counts.get(operator.id);
        return { operatorId: operator.id, username: operator.username, displayName: operator.displayName, redeemedToday: c?.today ?? 0, redeemedTotal: c?.total ?? 0, lastRedeemedAt: c?.last?.toISOString() ?? null };
      });
  });

  /** A till login: a new operator with only the staff role here, or an existing operator given the role. */
  app.post('/api/accounts/:accountId/loyalty/staff', STAFF, async (request, reply) => {
    const input = staffInput.parse(request.body);
    const accountId = accountOf(request);
    const operator = await operators.findByUsername(input.username);
    if (operator) {
      const membership = await operators.membership(operator.id, accountId);
      // Never demote an owner, admin or editor to the till by accident.
      if (membership && membership.role !== 'staff') throw new AppError('OPERATOR_USERNAME_TAKEN', { username: input.username });
    }
    if (!operator && !input.password) throw new AppError('VALIDATION_FAILED', [{ path: 'password', message: said('passwordNeeded') }]);
    const staff = operator ?? (await operators.create({ username: input.username, displayName: input.displayName, password: input.password!, isAdmin: false }));
    await operators.setRole(accountId, staff.id, 'staff');
    await audit.fromRequest(request, 'loyalty.staff_add', staff.username);
    return reply.code(201).send({ operatorId: staff.id, username: staff.username, displayName: staff.displayName, redeemedToday: 0, redeemedTotal: 0, lastRedeemedAt: null } satisfies StaffView);
  });

  app.delete<{ Params: { accountId: string; operatorId: string } }>('/api/accounts/:accountId/loyalty/staff/:operatorId', STAFF, async (request, reply) => {
    const accountId = accountOf(request);
    const operatorId = idOf(request.params.operatorId);
    const membership = await operators.membership(operatorId, accountId);
    if (!membership || membership.role !== 'staff') throw new AppError('OPERATOR_NOT_FOUND', { operatorId });
    await operators.removeMember(accountId, operatorId);
    await audit.fromRequest(request, 'loyalty.staff_remove', String(operatorId));
    return reply.code(204).send();
  });
}
