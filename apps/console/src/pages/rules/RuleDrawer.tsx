import { useEffect, useState } from 'react';
import { Button, Drawer, Form, Space } from 'antd';
import type { RuleInput, RuleView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useFlowOptions } from '../../data/use-flow-options.ts';
import { useSaveErrors } from '../../components/replies/use-save-errors.ts';
import { SaveErrorAlert } from '../../components/replies/SaveErrorAlert.tsx';
import { newRuleValues, ruleInputFromValues, ruleValues, type RuleFormValues } from './rule-form.ts';
import { RuleFormFields } from './RuleFormFields.tsx';
import { RulePreview } from './RulePreview.tsx';

export type RuleEditing = RuleView | 'new' | null;

interface RuleDrawerProps {
  editing: RuleEditing;
  editable: boolean;
  onSave: (ruleId: number | null, input: RuleInput) => Promise<RuleView>;
  onClose: () => void;
}

/** Create or edit a rule, with the phone preview beside the form. Read-only without rules.edit. */
export function RuleDrawer({ editing, editable, onSave, onClose }: RuleDrawerProps) {
  const { t } = useI18n();
  const { account } = useAccount();
  const [form] = Form.useForm<RuleFormValues>();
  const [saving, setSaving] = useState(false);
  const errors = useSaveErrors(form);
  const flows = useFlowOptions(account.id, editing !== null);

  useEffect(() => {
    if (editing === null) return;
    errors.clear();
    form.resetFields();
    form.setFieldsValue(editing === 'new' ? newRuleValues() : ruleValues(editing));
  }, [editing, form]);

  const save = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    errors.clear();
    try {
      await onSave(editing === 'new' || editing === null ? null : editing.id, ruleInputFromValues(form.getFieldsValue(true) as RuleFormValues));
    } catch (error) {
      errors.show(error);
    } finally {
      setSaving(false);
    }
  };

  const title = editing === 'new' ? t('rules.create') : editable ? t('rules.edit') : t('rules.view');
  return (
    <Drawer
      open={editing !== null}
      onClose={onClose}
      title={title}
      size={1060}
      destroyOnHidden
      forceRender
      className="zg-rule-drawer"
      data-testid="rule-drawer"
      footer={
        <Space className="zg-drawer-footer">
          <Button onClick={onClose}>{editable ? t('common.cancel') : t('common.close')}</Button>
          {editable && (
            <Button type="primary" loading={saving} onClick={() => void save()} data-testid="rule-save">
              {t('common.save')}
            </Button>
          )}
        </Space>
      }
    >
      <Form form={form} layout="vertical" requiredMark={false} disabled={!editable} className="zg-rule-form" initialValues={newRuleValues()}>
        <div className="zg-editor-layout">
          <div className="zg-editor-main">
            <SaveErrorAlert failure={errors.failure} className="zg-page-alert" />
            <RuleFormFields disabled={!editable} flows={flows} />
          </div>
          <aside className="zg-editor-aside">
            <RulePreview flows={flows} />
          </aside>
        </div>
      </Form>
    </Drawer>
  );
}
