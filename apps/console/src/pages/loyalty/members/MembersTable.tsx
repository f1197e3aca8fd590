import { Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import type { LoyaltyMemberView } from '@zhanggui/shared';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatDateTime, formatNumber } from '../../../i18n/format.ts';
import { discountText } from '../loyalty-format.ts';

interface MembersTableProps {
  members: LoyaltyMemberView[];
  loading: boolean;
  /** A search or filter is on (the empty text says so). */
  filtered: boolean;
  onOpen: (member: LoyaltyMemberView) => void;
}

/** Card holders: number, who, level, points, and how and when they got the card. */
export function MembersTable({ members, loading, filtered, onOpen }: MembersTableProps) {
  const { t, language } = useI18n();
  const columns: TableColumnsType<LoyaltyMemberView> = [
    {
      key: 'memberNo',
      title: t('loyalty.members.col.memberNo'),
      width: 150,
      render: (_, member) => (
        <button type="button" className="zg-link-button zg-mono zg-member-no" onClick={() => onOpen(member)} data-testid={`loyalty-member-open-${member.id}`}>
          {member.memberNo}
        </button>
      ),
    },
    {
      key: 'fan',
      title: t('loyalty.members.col.fan'),
      render: (_, member) => (
        <div className="zg-entry">
          {member.name || member.fanName ? <strong>{member.name || member.fanName}</strong> : <span className="zg-muted">{t('loyalty.members.unnamed')}</span>}
          {member.name && member.fanName && member.name !== member.fanName ? (
            <span className="zg-entry-body">{member.fanName}</span>
          ) : (
            <span className="zg-entry-body zg-mono zg-ellipsis">{member.openid}</span>
          )}
        </div>
      ),
    },
    {
      key: 'level',
      title: t('loyalty.members.col.level'),
      width: 150,
      render: (_, member) =>
        member.level ? (
          <Tag color="gold" variant="filled">
            {member.level.name}
            {member.level.payPercent !== null && ` · ${discountText(member.level.payPercent, language)}`}
          </Tag>
        ) : (
          <span className="zg-muted">—</span>
        ),
    },
    {
      key: 'points',
      title: t('loyalty.members.col.points'),
      align: 'right',
      width: 100,
      render: (_, member) => (
        <Tooltip title={t('loyalty.members.earned', { n: formatNumber(member.pointsEarned, language) })}>
          <span data-testid={`loyalty-member-points-${member.id}`}>{formatNumber(member.points, language)}</span>
        </Tooltip>
      ),
    },
    { key: 'phone', title: t('loyalty.profile.phone'), width: 130, responsive: ['lg'], render: (_, member) => member.phone ?? <span className="zg-muted">—</span> },
    {
      key: 'issued',
      title: t('loyalty.members.col.issued'),
      width: 170,
      responsive: ['md'],
      render: (_, member) => (
        <div className="zg-entry">
          <span>{formatDateTime(member.issuedAt).slice(0, 16)}</span>
          <span className="zg-entry-body">{t(`loyalty.via.${member.issuedVia}`)}</span>
        </div>
      ),
    },
    {
      key: 'checkin',
      title: t('loyalty.members.col.lastCheckin'),
      width: 140,
      responsive: ['xl'],
      render: (_, member) =>
        member.lastCheckinOn ? (
          <div className="zg-entry">
            <span>{member.lastCheckinOn}</span>
            {member.streak > 1 && <span className="zg-entry-body">{t('loyalty.members.streak', { n: member.streak })}</span>}
          </div>
        ) : (
          <span className="zg-muted">{t('loyalty.members.neverCheckedIn')}</span>
        ),
    },
  ];

  return (
    <Table<LoyaltyMemberView>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={members}
      loading={loading}
      pagination={false}
      scroll={{ x: 760 }}
      locale={{ emptyText: filtered ? t('loyalty.members.noMatch') : t('loyalty.members.empty') }}
      onRow={(member) => ({ 'data-testid': `loyalty-member-row-${member.id}` }) as React.HTMLAttributes<HTMLElement>}
      data-testid="loyalty-members-table"
    />
  );
}
