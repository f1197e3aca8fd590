import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Popconfirm, Space } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, TableOutlined } from '@ant-design/icons';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useErrorText, useNotifyError } from '../../hooks/use-error-text.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageSpinner } from '../../components/Spinners.tsx';
import { NotFoundPage } from '../../components/StatusPages.tsx';
import { useSaveErrors } from '../../components/replies/use-save-errors.ts';
import { SaveErrorAlert } from '../../components/replies/SaveErrorAlert.tsx';
import { flowInputFromValues, flowValues, type FlowFormValues } from './flow-form.ts';
import { TEMPLATE_KEYS, type FlowTemplateKey } from './flow-templates.ts';
import { useFlowEditor } from './use-flow-editor.ts';
import { FlowSettingsCard } from './FlowSettingsCard.tsx';
import { FlowStepsEditor } from './FlowStepsEditor.tsx';
import { FinishersCard } from './FinishersCard.tsx';
import { FlowPreview } from './FlowPreview.tsx';
import { FlowStats } from './FlowStats.tsx';
import { SubmissionsDrawer } from './SubmissionsDrawer.tsx';
import './flows.css';

function templateFrom(state: unknown): FlowTemplateKey {
  const template = (state as { template?: unknown } | null)?.template;
  return TEMPLATE_KEYS.find((key) => key === template) ?? 'blank';
}

/** 会话流程 → one flow: settings, steps as cards, the finishers' prize, and a phone preview of any step. */
export function FlowEditorPage() {
  const { t } = useI18n();
  const { account, can } = useAccount();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const param = useParams().flowId ?? '';
  const flowId = param === 'new' ? null : /^\d+$/.test(param) ? Number(param) : NaN;
  const editor = useFlowEditor(account.id, Number.isNaN(flowId) ? null : flowId, templateFrom(location.state));
  const [form] = Form.useForm<FlowFormValues>();
  const errors = useSaveErrors(form);
  const [saving, setSaving] = useState(false);
  const [submissionsOpen, setSubmissionsOpen] = useState(false);
  const [previewStep, setPreviewStep] = useState<string | null>(null);
  const editable = can('rules.edit');
  const listUrl = `/accounts/${account.id}/flows`;

  useEffect(() => {
    if (!editor.start) return;
    form.resetFields();
    form.setFieldsValue(flowValues(editor.start));
  }, [editor.start, form]);

  if (Number.isNaN(flowId)) return <NotFoundPage />;
  if (editor.loading) return <PageSpinner />;

  const save = async () => {
    try {
      await form.validateFields();
    } catch {
      void message.error(t('flows.fixFields'));
      return;
    }
    setSaving(true);
    errors.clear();
    try {
      const saved = await editor.save(flowInputFromValues(form.getFieldsValue(true) as FlowFormValues));
      void message.success(t('common.saved'));
      if (flowId === null) navigate(`${listUrl}/${saved.id}`, { replace: true });
    } catch (error) {
      errors.show(error);
      document.querySelector('.zg-content')?.scrollTo({ top: 0, behavior: 'smooth' });
    } finally {
      setSaving(false);
    }
  };
  const remove = async () => {
    try {
      await editor.remove();
      navigate(listUrl);
    } catch (error) {
      notifyError(error);
    }
  };

  const stepIds = ((form.getFieldValue('steps') as Array<{ id: string }> | undefined) ?? []).map((step) => step?.id ?? '');
  return (
    <div className="zg-page zg-flow-editor" data-testid="flow-editor">
      <Link to={listUrl} className="zg-back-link">
        <ArrowLeftOutlined /> {t('nav.flows')}
      </Link>
      <PageHeader
        title={editor.flow?.name || t('flows.create')}
        subtitle={editor.flow ? <FlowStats stats={editor.flow.stats} /> : t('flows.editorSubtitle')}
        extra={
          editor.flow && (
            <Space wrap>
              <Button icon={<TableOutlined />} onClick={() => setSubmissionsOpen(true)} data-testid="flow-submissions">
                {t('flows.submissions')}
              </Button>
              {editable && (
                <Popconfirm title={t('flows.deleteConfirm', { name: editor.flow.name })} okText={t('common.delete')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onConfirm={() => void remove()}>
                  <Button danger icon={<DeleteOutlined />} data-testid="flow-delete">
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          )
        }
      />
      {editor.error !== undefined && <Alert type="error" showIcon title={errorText(editor.error)} className="zg-page-alert" />}
      <SaveErrorAlert failure={errors.failure} stepIds={stepIds} className="zg-page-alert" />
      <Form form={form} layout="vertical" requiredMark={false} disabled={!editable}>
        <div className="zg-flow-layout">
          <div className="zg-flow-main">
            <FlowSettingsCard />
            <FlowStepsEditor disabled={!editable} onPreview={setPreviewStep} />
            <FinishersCard />
          </div>
          <aside className="zg-flow-aside">
            <FlowPreview step={previewStep} onStep={setPreviewStep} />
          </aside>
        </div>
        {editable && (
          <div className="zg-sticky-actions">
            <Button onClick={() => navigate(listUrl)}>{t('common.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => void save()} data-testid="flow-save">
              {t('common.save')}
            </Button>
          </div>
        )}
      </Form>
      {editor.flow && <SubmissionsDrawer flow={submissionsOpen ? editor.flow : null} onClose={() => setSubmissionsOpen(false)} />}
    </div>
  );
}
