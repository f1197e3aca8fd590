import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Form, Skeleton } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAccount } from '../../../session/account-context.tsx';
import { useErrorText } from '../../../hooks/use-error-text.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useSaveErrors } from '../../../components/replies/use-save-errors.ts';
import { SaveErrorAlert } from '../../../components/replies/SaveErrorAlert.tsx';
import { NEW_PROGRAM, programInput, programValues, type ProgramValues } from './program-form.ts';
import { useProgram } from './use-program.ts';
import { CardFields } from './CardFields.tsx';
import { LevelsField } from './LevelsField.tsx';
import { PointsFields } from './PointsFields.tsx';
import { CardPreview } from './CardPreview.tsx';
import { CentreCard } from './CentreCard.tsx';
import '../loyalty.css';

/** 会员卡: the card's look, levels, points rules and keywords, with the card drawn beside the form as it changes. */
export function ProgramPage() {
  // Another account is another form: nothing typed for one is carried over to the next.
  const { account } = useAccount();
  return <ProgramEditor key={account.id} />;
}

function ProgramEditor() {
  const { t } = useI18n();
  const { account, can } = useAccount();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const program = useProgram(account.id);
  const [form] = Form.useForm<ProgramValues>();
  const errors = useSaveErrors(form);
  const [saving, setSaving] = useState(false);
  const editable = can('loyalty.edit');
  const view = program.data ?? null;
  const loaded = program.data !== undefined;

  // The form is filled once when the programme arrives; later changes (the logo) leave unsaved edits alone.
  const filled = useRef(false);
  useEffect(() => {
    if (!loaded || filled.current) return;
    filled.current = true;
    form.setFieldsValue(view ? programValues(view) : NEW_PROGRAM);
  }, [loaded, view, form]);

  const save = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    errors.clear();
    try {
      const saved = await program.save(programInput(form.getFieldsValue(true) as ProgramValues));
      // New levels come back with their ids; the levels are in threshold order now.
      form.setFieldsValue(programValues(saved));
      void message.success(t('common.saved'));
    } catch (error) {
      errors.show(error);
    } finally {
      setSaving(false);
    }
  };

  if (!loaded && program.error !== undefined) {
    return (
      <div className="zg-page" data-testid="loyalty-program-page">
        <PageHeader title={t('loyalty.program.title')} />
        <Alert type="error" showIcon title={errorText(program.error)} action={<Button onClick={program.reload}>{t('common.retry')}</Button>} />
      </div>
    );
  }

  return (
    <div className="zg-page" data-testid="loyalty-program-page">
      <PageHeader title={t('loyalty.program.title')} subtitle={t('loyalty.program.subtitle')} />
      {!loaded ? (
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <Form form={form} layout="vertical" requiredMark={false} disabled={!editable} initialValues={NEW_PROGRAM} data-testid="loyalty-program-form">
          <div className="zg-loyalty-layout">
            <div className="zg-loyalty-main">
              {!editable && <Alert type="info" showIcon title={t('loyalty.readOnly')} className="zg-page-alert" />}
              {(view === null || view.updatedAt === null) && <Alert type="info" showIcon title={t('loyalty.program.notSetUp')} className="zg-page-alert" data-testid="loyalty-program-new" />}
              <SaveErrorAlert failure={errors.failure} className="zg-page-alert" />
              <CardFields view={view} editable={editable} logoVersion={program.logoVersion} onUploadLogo={program.uploadLogo} onRemoveLogo={program.removeLogo} />
              <LevelsField view={view} />
              <PointsFields />
              {editable && (
                <div className="zg-sticky-actions">
                  <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()} data-testid="loyalty-program-save">
                    {t('common.save')}
                  </Button>
                </div>
              )}
            </div>
            <aside className="zg-loyalty-aside">
              <CardPreview accountName={account.name} logoUrl={view?.logoUrl ?? null} logoVersion={program.logoVersion} />
              {view && <CentreCard view={view} />}
            </aside>
          </div>
        </Form>
      )}
    </div>
  );
}
