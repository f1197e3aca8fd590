import { useState } from 'react';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { LeftOutlined, RightOutlined, SearchOutlined } from '@ant-design/icons';
import type { CouponStatus, CouponTemplateView, CouponView } from '@zhanggui/shared';
import { couponsApi, type CouponQuery } from '../../../api/loyalty.api.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { useAccount } from '../../../session/account-context.tsx';
import { useErrorText } from '../../../hooks/use-error-text.ts';
import { useDebouncedValue } from '../../../hooks/use-debounced-value.ts';
import { useCursorPages } from '../../../hooks/use-cursor-pages.ts';
import { COUPON_STATUS_COLOURS, groupedCode } from '../loyalty-format.ts';
import { CouponDrawer } from './CouponDrawer.tsx';

const STATUSES: CouponStatus[] = ['active', 'pending', 'redeemed', 'void', 'expired'];

/** Every coupon issued, by template, status, code or openid; one opens with its trail. */
export function IssuedCoupons({ templates }: { templates: CouponTemplateView[] }) {
  const { t } = useI18n();
  const { account } = useAccount();
  const errorText = useErrorText();
  const [search, setSearch] = useState('');
  const [templateId, setTemplateId] = useState<number | undefined>(undefined);
  const [status, setStatus] = useState<CouponStatus | undefined>(undefined);
  const [open, setOpen] = useState<number | null>(null);
  const q = useDebouncedValue(search.trim(), 350);
  const key = JSON.stringify({ templateId, status, q: q || undefined } satisfies CouponQuery);
  const pages = useCursorPages((cursor, signal) => couponsApi.list(account.id, JSON.parse(key) as CouponQuery, cursor, signal), `${account.id}:${key}`);
  const { update } = pages;

  const columns: TableColumnsType<CouponView> = [
    {
      key: 'code',
      title: t('loyalty.coupon.code'),
      width: 190,
      render: (_, coupon) => (
        <button type="button" className="zg-link-button zg-mono zg-member-no" onClick={() => setOpen(coupon.id)} data-testid={`coupon-open-${coupon.id}`}>
          {groupedCode(coupon.code)}
        </button>
      ),
    },
    {
      key: 'what',
      title: t('loyalty.coupon.what'),
      render: (_, coupon) => (
        <div className="zg-entry">
          <strong>{coupon.title}</strong>
          <span className="zg-entry-body">{coupon.templateName}</span>
        </div>
      ),
    },
    {
      key: 'holder',
      title: t('loyalty.coupon.holder'),
      width: 180,
      responsive: ['md'],
      render: (_, coupon) => (
        <div className="zg-entry">
          {coupon.memberNo ? <span className="zg-mono">{coupon.memberNo}</span> : <span className="zg-muted">{t('loyalty.coupon.notMember')}</span>}
          <Tooltip title={coupon.openid}>
            <span className="zg-entry-body zg-mono zg-ellipsis">{coupon.openid}</span>
          </Tooltip>
        </div>
      ),
    },
    {
      key: 'status',
      title: t('loyalty.template.col.status'),
      width: 90,
      render: (_, coupon) => (
        <Tag color={COUPON_STATUS_COLOURS[coupon.status]} data-testid={`coupon-status-${coupon.id}`}>
          {t(`loyalty.coupon.status.${coupon.status}`)}
        </Tag>
      ),
    },
    { key: 'validTo', title: t('loyalty.coupon.validTo'), width: 110, responsive: ['lg'], render: (_, coupon) => coupon.validTo.slice(0, 10) },
    {
      key: 'issued',
      title: t('loyalty.coupon.issued'),
      width: 150,
      responsive: ['lg'],
      render: (_, coupon) => (
        <div className="zg-entry">
          <span>{formatDateTime(coupon.issuedAt).slice(0, 16)}</span>
          <span className="zg-entry-body">{t(`loyalty.via.${coupon.issuedVia}`)}</span>
        </div>
      ),
    },
    {
      key: 'redeemed',
      title: t('loyalty.coupon.redeemed'),
      width: 150,
      responsive: ['xl'],
      render: (_, coupon) =>
        coupon.redeemedAt ? (
          <div className="zg-entry">
            <span>{formatDateTime(coupon.redeemedAt).slice(0, 16)}</span>
            {coupon.redeemedBy && <span className="zg-entry-body">{coupon.redeemedBy.name}</span>}
          </div>
        ) : (
          <span className="zg-muted">—</span>
        ),
    },
  ];

  return (
    <Card variant="borderless">
      <div className="zg-list-toolbar">
        <Space wrap>
          <Input
            allowClear
            maxLength={100}
            prefix={<SearchOutlined className="zg-muted-icon" />}
            placeholder={t('loyalty.coupon.search')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            className="zg-list-search zg-loyalty-search"
            data-testid="coupons-search"
          />
          <Select<number | 'any'>
            value={templateId ?? 'any'}
            onChange={(value) => setTemplateId(value === 'any' ? undefined : value)}
            showSearch={{ optionFilterProp: 'label' }}
            popupMatchSelectWidth={false}
            options={[{ value: 'any', label: t('loyalty.coupon.anyTemplate') }, ...templates.map((template) => ({ value: template.id, label: template.name }))]}
            className="zg-loyalty-filter"
            data-testid="coupons-filter-template"
          />
          <Select<CouponStatus | 'any'>
            value={status ?? 'any'}
            onChange={(value) => setStatus(value === 'any' ? undefined : value)}
            options={[{ value: 'any', label: t('loyalty.coupon.anyStatus') }, ...STATUSES.map((value) => ({ value, label: t(`loyalty.coupon.status.${value}`) }))]}
            className="zg-loyalty-filter"
            data-testid="coupons-filter-status"
          />
        </Space>
      </div>
      {pages.error !== undefined && <Alert type="error" showIcon title={errorText(pages.error)} className="zg-page-alert" />}
      <Table<CouponView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={pages.items}
        loading={pages.loading}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: q || templateId || status ? t('loyalty.coupon.noMatch') : t('loyalty.coupon.empty') }}
        onRow={(coupon) => ({ 'data-testid': `coupon-row-${coupon.id}` }) as React.HTMLAttributes<HTMLElement>}
        data-testid="coupons-table"
      />
      <div className="zg-loyalty-pager" data-testid="coupons-pager">
        <span className="zg-muted">{t('fans.page', { n: pages.pageNumber })}</span>
        <Space>
          <Button icon={<LeftOutlined />} disabled={!pages.hasPrevious || pages.loading} onClick={pages.previous} data-testid="coupons-prev">
            {t('common.previous')}
          </Button>
          <Button disabled={!pages.hasNext || pages.loading} onClick={pages.next} data-testid="coupons-next">
            {t('common.next')} <RightOutlined />
          </Button>
        </Space>
      </div>
      <CouponDrawer couponId={open} onClose={() => setOpen(null)} onChanged={(changed) => update((items) => items.map((item) => (item.id === changed.id ? changed : item)))} />
    </Card>
  );
}
