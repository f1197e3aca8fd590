import { Alert, Button, Form, Input, Popconfirm, Select } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import type { MenuIssue } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useTags } from '../../data/use-tags.ts';
import { buttonTestId } from '../../components/test-id.ts';
import { fieldStatus, issueText, issuesAt } from './menu-issues.ts';
import { PLATFORMS } from './menu-labels.ts';

interface ConditionalMenuFieldsProps {
  index: number;
  name: string;
  issues: MenuIssue[];
  editable: boolean;
  onRemove: () => void;
}

/** Selects show a placeholder for undefined only; the API's "no condition" is null. */
const nullAsEmpty = (value: unknown) => ({ value: value ?? undefined });

/** A personalised menu's name and who sees it: fans with a tag, on a phone system, or both. */
export function ConditionalMenuFields({ index, name, issues, editable, onRemove }: ConditionalMenuFieldsProps) {
  const { t, language } = useI18n();
  const { account } = useAccount();
  const tags = useTags(account.id);
  const at = ['conditional', index];
  const ruleIssues = issuesAt(issues, [...at, 'matchRule']);

  return (
    <div className="zg-menu-rule" data-testid="menu-cond">
      <div className="zg-menu-rule-grid">
        <Form.Item name={[...at, 'name']} label={t('menus.conditionalName')} {...fieldStatus(issues, [...at, 'name'], language)}>
          <Input maxLength={40} data-testid="menu-cond-name" />
        </Form.Item>
        <Form.Item name={[...at, 'matchRule', 'tagId']} label={t('menus.rule.tag')} getValueProps={nullAsEmpty}>
          <Select<number>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={tags.loading}
            placeholder={t('menus.rule.anyTag')}
            // WeChat matches its own tag ids: a tag not yet created on WeChat cannot be a condition.
            options={(tags.data ?? []).map((tag) => ({
              value: tag.id,
              label: tag.wechatTagId === null ? `${tag.name}${t('menus.rule.tagNotSynced')}` : tag.name,
              disabled: tag.wechatTagId === null,
            }))}
            data-testid="menu-cond-tag"
          />
        </Form.Item>
        <Form.Item name={[...at, 'matchRule', 'clientPlatformType']} label={t('menus.rule.platform')} getValueProps={nullAsEmpty}>
          <Select<number>
            allowClear
            placeholder={t('menus.rule.anyPlatform')}
            options={PLATFORMS.map((value) => ({ value, label: t(`menus.platform.${value}`) }))}
            data-testid="menu-cond-platform"
          />
        </Form.Item>
        {editable && (
          <Popconfirm
            title={t('menus.deleteConditionalConfirm', { name: name || t('menus.untitled') })}
            okText={t('common.delete')}
            okButtonProps={{ danger: true, ...buttonTestId('menu-cond-delete-confirm') }}
            cancelText={t('common.cancel')}
            onConfirm={onRemove}
          >
            <Button danger icon={<DeleteOutlined />} className="zg-menu-rule-delete" data-testid="menu-cond-delete">
              {t('menus.deleteConditional')}
            </Button>
          </Popconfirm>
        )}
      </div>
      {ruleIssues.length > 0 && <Alert type="warning" showIcon title={ruleIssues.map((issue) => issueText(issue, language)).join(' ')} className="zg-menu-rule-alert" />}
      <p className="zg-field-help">{t('menus.rule.help')}</p>
    </div>
  );
}
