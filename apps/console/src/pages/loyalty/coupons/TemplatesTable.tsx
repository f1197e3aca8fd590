import { App, Button, Popconfirm, Progress, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { CopyOutlined, EditOutlined, InboxOutlined, SendOutlined } from '@ant-design/icons';
import type { CouponTemplateView, CouponValidity } from '@zhanggui/shared';
import { useI18n, type Translate } from '../../../i18n/i18n.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import { EnabledSwitch } from '../../../components/EnabledSwitch.tsx';
import { buttonTestId } from '../../../components/test-id.ts';

interface TemplatesTableProps {
  templates: CouponTemplateView[];
  loading: boolean;
  editable: boolean;
  onEdit: (template: CouponTemplateView) => void;
  onIssue: (template: CouponTemplateView) => void;
  onArchive: (template: CouponTemplateView) => void;
  onEnabled: (template: CouponTemplateView, enabled: boolean) => Promise<unknown>;
}

export function validityText(validity: CouponValidity, t: Translate): string {
  return validity.type === 'relative' ? t('loyalty.template.relativeDays', { n: validity.days }) : `${validity.from} ~ ${validity.to}`;
}

/** The templates with their live stock, how many went out and how many were used. */
export function TemplatesTable({ templates, loading, editable, onEdit, onIssue, onArchive, onEnabled }: TemplatesTableProps) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const count = (n: number) => formatNumber(n, language);
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      void message.success(t('common.copied'));
    } catch {
      void message.warning(t('common.copyFailed'));
    }
  };

  const columns: TableColumnsType<CouponTemplateView> = [
    {
      key: 'name',
      title: t('loyalty.template.name'),
      render: (_, template) => (
        <div className="zg-template-cell">
          <span className="zg-template-swatch" style={{ background: template.color }} />
          <div className="zg-entry">
            <strong>{template.name}</strong>
            <span className="zg-entry-body">
              {template.title} · {validityText(template.validity, t)}
            </span>
            <span className="zg-template-tags">
              {template.claimable && <Tag color="green">{t('loyalty.template.claimableTag')}</Tag>}
              {template.pointsPrice !== null && <Tag color="gold">{t('loyalty.template.pointsTag', { n: count(template.pointsPrice) })}</Tag>}
            </span>
          </div>
        </div>
      ),
    },
    {
      key: 'stock',
      title: t('loyalty.template.col.stock'),
      width: 150,
      render: (_, template) =>
        template.stock === null ? (
          <span data-testid={`coupon-template-remaining-${template.id}`}>{t('loyalty.template.unlimited')}</span>
        ) : (
          <div className="zg-stock">
            <span data-testid={`coupon-template-remaining-${template.id}`}>
              <b>{count(template.remaining ?? 0)}</b> / {count(template.stock)}
            </span>
            <Progress percent={template.stock ? Math.round(((template.remaining ?? 0) / template.stock) * 100) : 0} showInfo={false} size="small" strokeColor={template.remaining ? '#07b05a' : '#e5484d'} />
          </div>
        ),
    },
    { key: 'issued', title: t('loyalty.template.col.issued'), align: 'right', width: 80, render: (_, template) => <span data-testid={`coupon-template-issued-${template.id}`}>{count(template.issued)}</span> },
    { key: 'redeemed', title: t('loyalty.template.col.redeemed'), align: 'right', width: 80, render: (_, template) => <span data-testid={`coupon-template-redeemed-${template.id}`}>{count(template.redeemed)}</span> },
    {
      key: 'rate',
      title: t('loyalty.template.col.rate'),
      align: 'right',
      width: 90,
      responsive: ['lg'],
      render: (_, template) => (
        <Tooltip title={t('loyalty.template.rateHelp', { voided: count(template.voided), expired: count(template.expired) })}>
          <span>{template.issued ? `${Math.round((template.redeemed / template.issued) * 1000) / 10}%` : '—'}</span>
        </Tooltip>
      ),
    },
    {
      key: 'status',
      title: t('loyalty.template.col.status'),
      width: 90,
      render: (_, template) =>
        template.archived ? (
          <Tag data-testid={`coupon-template-archived-${template.id}`}>{t('loyalty.template.archived')}</Tag>
        ) : (
          <Tooltip title={template.enabled ? t('loyalty.template.enabledTip') : t('loyalty.template.disabledTip')}>
            <span>
              <EnabledSwitch checked={template.enabled} disabled={!editable} onChange={(enabled) => onEnabled(template, enabled)} testId={`coupon-template-enabled-${template.id}`} />
            </span>
          </Tooltip>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: editable ? 250 : 90,
      render: (_, template) => (
        <Space size={0} wrap>
          <Tooltip title={template.claimable ? template.claimUrl : t('loyalty.template.claimLinkOff')}>
            <Button type="link" size="small" icon={<CopyOutlined />} disabled={!template.claimable || template.archived} onClick={() => void copy(template.claimUrl)} data-testid={`coupon-template-claim-link-${template.id}`}>
              {t('loyalty.template.claimLink')}
            </Button>
          </Tooltip>
          {editable && !template.archived && (
            <>
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(template)} data-testid={`coupon-template-edit-${template.id}`}>
                {t('common.edit')}
              </Button>
              <Button type="link" size="small" icon={<SendOutlined />} disabled={!template.enabled} onClick={() => onIssue(template)} data-testid={`coupon-template-issue-${template.id}`}>
                {t('loyalty.issue.button')}
              </Button>
              <Popconfirm
                title={t('loyalty.template.archiveConfirm', { name: template.name })}
                description={<span className="zg-confirm-body">{t('loyalty.template.archiveBody')}</span>}
                okText={t('loyalty.template.archive')}
                okButtonProps={{ danger: true, ...buttonTestId(`coupon-template-archive-confirm-${template.id}`) }}
                cancelText={t('common.cancel')}
                onConfirm={() => onArchive(template)}
              >
                <Button type="link" size="small" danger icon={<InboxOutlined />} data-testid={`coupon-template-archive-${template.id}`}>
                  {t('loyalty.template.archive')}
                </Button>
              </Popconfirm>
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Table<CouponTemplateView>
      rowKey="id"
      columns={columns}
      dataSource={templates}
      loading={loading && templates.length === 0}
      rowClassName={(template) => (template.enabled && !template.archived ? '' : 'zg-row-off')}
      pagination={templates.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 1000 }}
      locale={{ emptyText: t('loyalty.template.empty') }}
      onRow={(template) => ({ 'data-testid': `coupon-template-row-${template.id}`, 'data-name': template.name }) as React.HTMLAttributes<HTMLElement>}
      data-testid="coupon-templates-table"
    />
  );
}
