import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import type { CouponTemplateInput, CouponTemplateView } from '@zhanggui/shared';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAccount } from '../../../session/account-context.tsx';
import { useErrorText, useNotifyError } from '../../../hooks/use-error-text.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useCouponTemplates } from './use-coupon-templates.ts';
import { inputOfTemplate } from './template-form.ts';
import { TemplatesTable } from './TemplatesTable.tsx';
import { TemplateModal } from './TemplateModal.tsx';
import { IssueModal } from './IssueModal.tsx';
import { IssuedCoupons } from './IssuedCoupons.tsx';
import { LoyaltyReportPane } from './LoyaltyReportPane.tsx';
import '../loyalty.css';

const TABS = ['templates', 'coupons', 'report'] as const;
type CouponsTab = (typeof TABS)[number];

/** 优惠券: the templates (with live stock), every coupon issued and its trail, and how they are used. */
export function CouponsPage() {
  const { t } = useI18n();
  const { account, can } = useAccount();
  const navigate = useNavigate();
  const requested = useParams().tab;
  const { message } = App.useApp();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const templates = useCouponTemplates(account.id);
  const [editing, setEditing] = useState<CouponTemplateView | 'new' | null>(null);
  const [issuing, setIssuing] = useState<CouponTemplateView | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const editable = can('loyalty.edit');
  const all = templates.data ?? [];
  const shown = showArchived ? all : all.filter((template) => !template.archived);
  const archivedCount = all.length - all.filter((template) => !template.archived).length;

  if (requested !== undefined && !TABS.includes(requested as CouponsTab)) return <Navigate to={`/accounts/${account.id}/coupons`} replace />;
  const active: CouponsTab = (requested as CouponsTab | undefined) ?? 'templates';

  const save = async (input: CouponTemplateInput) => {
    await templates.save(editing === 'new' || editing === null ? null : editing.id, input);
    void message.success(t('common.saved'));
    setEditing(null);
    if (active !== 'templates') navigate(`/accounts/${account.id}/coupons/templates`);
  };
  const archive = (template: CouponTemplateView) =>
    void templates
      .remove(template.id)
      .then(() => {
        void message.success(t('loyalty.template.archivedDone'));
        // Archived templates stay on the server (their coupons are still valid): read them back.
        templates.reload();
      })
      .catch(notifyError);
  const setEnabled = (template: CouponTemplateView, enabled: boolean) => templates.setEnabled(template, enabled, inputOfTemplate).catch(notifyError);

  const panes: Record<CouponsTab, React.ReactNode> = {
    templates: (
      <Card variant="borderless">
        <div className="zg-list-toolbar">
          <span className="zg-muted">{t('loyalty.template.live')}</span>
          {archivedCount > 0 && (
            <Checkbox checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} data-testid="coupon-templates-show-archived">
              {t('loyalty.template.showArchived', { n: archivedCount })}
            </Checkbox>
          )}
        </div>
        {templates.error !== undefined && <Alert type="error" showIcon title={errorText(templates.error)} className="zg-page-alert" />}
        <TemplatesTable templates={shown} loading={templates.loading} editable={editable} onEdit={setEditing} onIssue={setIssuing} onArchive={archive} onEnabled={setEnabled} />
      </Card>
    ),
    coupons: <IssuedCoupons templates={all} />,
    report: <LoyaltyReportPane />,
  };

  return (
    <div className="zg-page" data-testid="coupons-page">
      <PageHeader
        title={t('loyalty.coupons.title')}
        subtitle={t('loyalty.coupons.subtitle')}
        extra={
          editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="coupon-template-create">
              {t('loyalty.template.create')}
            </Button>
          )
        }
      />
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(`/accounts/${account.id}/coupons/${key}`)}
        destroyOnHidden
        items={TABS.map((tab) => ({ key: tab, label: <span data-testid={`coupons-tab-${tab}`}>{t(`loyalty.coupons.tab.${tab}`)}</span>, children: panes[tab] }))}
      />
      <TemplateModal template={editing} onSave={save} onCancel={() => setEditing(null)} />
      <IssueModal template={issuing} onClose={() => setIssuing(null)} onIssued={templates.reload} />
    </div>
  );
}
