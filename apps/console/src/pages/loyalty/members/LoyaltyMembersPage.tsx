import { useState } from 'react';
import { Alert, App, Button, Card, Input, Select, Space } from 'antd';
import { DownloadOutlined, IdcardOutlined, LeftOutlined, RightOutlined, SearchOutlined } from '@ant-design/icons';
import type { LoyaltyMemberView } from '@zhanggui/shared';
import { loyaltyMembersApi, type MemberQuery } from '../../../api/loyalty.api.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAccount } from '../../../session/account-context.tsx';
import { useErrorText } from '../../../hooks/use-error-text.ts';
import { useDebouncedValue } from '../../../hooks/use-debounced-value.ts';
import { useCursorPages } from '../../../hooks/use-cursor-pages.ts';
import { useLoyaltyLevels } from '../../../data/use-loyalty-levels.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { MembersTable } from './MembersTable.tsx';
import { MemberDrawer } from './MemberDrawer.tsx';
import { IssueCardModal } from './IssueCardModal.tsx';
import '../loyalty.css';

/** 会员: who holds the card, searched and filtered by level, a page at a time; one member in a drawer. */
export function LoyaltyMembersPage() {
  const { t } = useI18n();
  const { account, can } = useAccount();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const levels = useLoyaltyLevels(account.id);
  const [search, setSearch] = useState('');
  const [levelId, setLevelId] = useState<number | undefined>(undefined);
  const q = useDebouncedValue(search.trim(), 350);
  const query: MemberQuery = { q: q || undefined, levelId };
  const key = JSON.stringify(query);
  const pages = useCursorPages((cursor, signal) => loyaltyMembersApi.list(account.id, JSON.parse(key) as MemberQuery, cursor, signal), `${account.id}:${key}`);
  const [openMember, setOpenMember] = useState<number | null>(null);
  const [issuing, setIssuing] = useState(false);
  const { update } = pages;

  const issued = (member: LoyaltyMemberView) => {
    void message.success(t('loyalty.members.issued', { no: member.memberNo }));
    pages.reload();
    setOpenMember(member.id);
  };
  const changed = (member: LoyaltyMemberView) => update((items) => items.map((item) => (item.id === member.id ? { ...item, ...pick(member) } : item)));

  return (
    <div className="zg-page" data-testid="loyalty-members-page">
      <PageHeader
        title={t('loyalty.members.title')}
        subtitle={t('loyalty.members.subtitle')}
        extra={
          <Space wrap>
            {can('fans.export') && (
              <Button icon={<DownloadOutlined />} href={loyaltyMembersApi.exportUrl(account.id, query)} download data-testid="loyalty-members-export">
                {t('loyalty.members.export')}
              </Button>
            )}
            {can('loyalty.edit') && (
              <Button type="primary" icon={<IdcardOutlined />} onClick={() => setIssuing(true)} data-testid="loyalty-issue-card">
                {t('loyalty.members.issue')}
              </Button>
            )}
          </Space>
        }
      />
      <Card variant="borderless">
        <div className="zg-list-toolbar">
          <Space wrap>
            <Input
              allowClear
              maxLength={100}
              prefix={<SearchOutlined className="zg-muted-icon" />}
              placeholder={t('loyalty.members.search')}
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              className="zg-list-search zg-loyalty-search"
              data-testid="loyalty-member-search"
            />
            <Select<number | 'any'>
              value={levelId ?? 'any'}
              onChange={(value) => setLevelId(value === 'any' ? undefined : value)}
              popupMatchSelectWidth={false}
              options={[{ value: 'any', label: t('loyalty.members.anyLevel') }, ...levels.map((level) => ({ value: level.id, label: level.name }))]}
              className="zg-loyalty-filter"
              data-testid="loyalty-member-level"
            />
          </Space>
        </div>
        {pages.error !== undefined && <Alert type="error" showIcon title={errorText(pages.error)} className="zg-page-alert" />}
        <MembersTable members={pages.items} loading={pages.loading} filtered={Boolean(q || levelId)} onOpen={(member) => setOpenMember(member.id)} />
        <div className="zg-loyalty-pager" data-testid="loyalty-members-pager">
          <span className="zg-muted">{t('fans.page', { n: pages.pageNumber })}</span>
          <Space>
            <Button icon={<LeftOutlined />} disabled={!pages.hasPrevious || pages.loading} onClick={pages.previous} data-testid="loyalty-members-prev">
              {t('common.previous')}
            </Button>
            <Button disabled={!pages.hasNext || pages.loading} onClick={pages.next} data-testid="loyalty-members-next">
              {t('common.next')} <RightOutlined />
            </Button>
          </Space>
        </div>
      </Card>
      <MemberDrawer memberId={openMember} onClose={() => setOpenMember(null)} onChanged={changed} />
      <IssueCardModal open={issuing} onClose={() => setIssuing(false)} onIssued={issued} />
    </div>
  );
}

/** The row fields a member's drawer can change (its detail has more than the row shows). */
function pick(member: LoyaltyMemberView): Partial<LoyaltyMemberView> {
  return { points: member.points, pointsEarned: member.pointsEarned, level: member.level };
}
