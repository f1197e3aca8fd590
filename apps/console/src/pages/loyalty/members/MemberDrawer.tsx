import { useEffect, useRef, useState } from 'react';
import { Alert, Descriptions, Drawer, Empty, Progress, Skeleton, Tag } from 'antd';
import type { LoyaltyMemberDetail, LoyaltyMemberView } from '@zhanggui/shared';
import { loyaltyMembersApi } from '../../../api/loyalty.api.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatDateTime, formatNumber } from '../../../i18n/format.ts';
import { useAccount } from '../../../session/account-context.tsx';
import { useErrorText } from '../../../hooks/use-error-text.ts';
import { useResource } from '../../../hooks/use-resource.ts';
import { discountText } from '../loyalty-format.ts';
import { CouponList } from '../coupons/CouponList.tsx';
import { CouponDrawer } from '../coupons/CouponDrawer.tsx';
import { usePointsLedger } from './use-points-ledger.ts';
import { PointsLedger } from './PointsLedger.tsx';
import { AdjustPointsForm } from './AdjustPointsForm.tsx';

interface MemberDrawerProps {
  memberId: number | null;
  onClose: () => void;
  /** The member after a change made here (points, level), for the table row. */
  onChanged: (member: LoyaltyMemberView) => void;
}

export function MemberDrawer({ memberId, onClose, onChanged }: MemberDrawerProps) {
  const { t } = useI18n();
  return (
    <Drawer open={memberId !== null} onClose={onClose} size={640} title={t('loyalty.member.title')} destroyOnHidden data-testid="loyalty-member-drawer">
      {memberId !== null && <MemberDetail key={memberId} memberId={memberId} onChanged={onChanged} />}
    </Drawer>
  );
}

/** A member: profile, level and the way to the next, coupons, and the points ledger with adjustments. */
function MemberDetail({ memberId, onChanged }: { memberId: number; onChanged: (member: LoyaltyMemberView) => void }) {
  const { t, language } = useI18n();
  const { account, can } = useAccount();
  const errorText = useErrorText();
  const detail = useResource((signal) => loyaltyMembersApi.get(account.id, memberId, signal), [account.id, memberId]);
  const ledger = usePointsLedger(account.id, memberId);
  const [openCoupon, setOpenCoupon] = useState<number | null>(null);
  const changed = useRef(onChanged);
  changed.current = onChanged;
  const member = detail.data;

  useEffect(() => {
    if (member) changed.current(member);
  }, [member]);

  if (detail.error !== undefined && !member) return <Alert type="error" showIcon title={errorText(detail.error)} />;
  if (!member) return <Skeleton active paragraph={{ rows: 8 }} />;
  const count = (n: number) => formatNumber(n, language);

  return (
    <div className="zg-member-detail" data-testid="loyalty-member-detail">
      <div className="zg-member-head">
        <div>
          <strong className="zg-mono zg-member-head-no" data-testid="loyalty-member-no">
            {member.memberNo}
          </strong>
          <span className="zg-muted">{member.name || member.fanName || t('loyalty.members.unnamed')}</span>
        </div>
        <div className="zg-member-points">
          <span className="zg-member-points-value" data-testid="loyalty-member-balance">
            {count(member.points)}
          </span>
          <span className="zg-muted">{t('loyalty.member.balance')}</span>
        </div>
      </div>
      <LevelProgress member={member} />
      <Descriptions column={2} size="small" bordered className="zg-member-profile" data-testid="loyalty-member-profile">
        <Descriptions.Item label={t('loyalty.profile.name')}>{member.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('loyalty.profile.phone')}>{member.phone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('loyalty.profile.gender')}>{member.gender ? t(`loyalty.gender.${member.gender}`) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('loyalty.profile.birthday')}>{member.birthday ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('loyalty.profile.region')} span={2}>
          {member.region ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('loyalty.members.col.issued')}>
          {formatDateTime(member.issuedAt).slice(0, 16)} · {t(`loyalty.via.${member.issuedVia}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('loyalty.members.col.lastCheckin')}>
          {member.lastCheckinOn ?? t('loyalty.members.neverCheckedIn')}
          {member.streak > 1 && <span className="zg-muted"> · {t('loyalty.members.streak', { n: member.streak })}</span>}
        </Descriptions.Item>
        <Descriptions.Item label="OpenID" span={2}>
          <span className="zg-mono">{member.openid}</span>
        </Descriptions.Item>
      </Descriptions>

      <h3 className="zg-member-heading">{t('loyalty.member.coupons', { n: member.coupons.length })}</h3>
      {member.coupons.length ? (
        <CouponList coupons={member.coupons} onOpen={(coupon) => setOpenCoupon(coupon.id)} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('loyalty.member.noCoupons')} />
      )}

      <h3 className="zg-member-heading">{t('loyalty.member.points')}</h3>
      {can('loyalty.edit') && (
        <AdjustPointsForm
          memberId={member.id}
          balance={member.points}
          onAdjusted={(entry) => {
            ledger.prepend(entry);
            // The row shows the new balance at once, even if the drawer closes before the reload.
            changed.current({ ...member, points: entry.balance });
            detail.reload();
          }}
        />
      )}
      <PointsLedger ledger={ledger} />
      <CouponDrawer couponId={openCoupon} onClose={() => setOpenCoupon(null)} onChanged={() => detail.reload()} />
    </div>
  );
}

/** The member's level, and how many more lifetime points reach the next one. */
function LevelProgress({ member }: { member: LoyaltyMemberDetail }) {
  const { t, language } = useI18n();
  const earned = member.pointsEarned;
  const next = member.nextLevel;
  const percent = next ? Math.min(100, Math.round((earned / Math.max(1, earned + next.needed)) * 100)) : 100;
  return (
    <div className="zg-member-level" data-testid="loyalty-member-level">
      <div className="zg-member-level-head">
        {member.level ? (
          <Tag color="gold" variant="filled">
            {member.level.name}
            {member.level.payPercent !== null && ` · ${discountText(member.level.payPercent, language)}`}
          </Tag>
        ) : (
          <Tag>{t('loyalty.member.noLevel')}</Tag>
        )}
        <span className="zg-muted">{t('loyalty.members.earned', { n: formatNumber(earned, language) })}</span>
      </div>
      <Progress percent={percent} showInfo={false} strokeColor="#d4a017" size="small" />
      <span className="zg-field-help">
        {next ? t('loyalty.member.toNext', { n: formatNumber(next.needed, language), name: next.name }) : t('loyalty.member.topLevel')}
      </span>
    </div>
  );
}
