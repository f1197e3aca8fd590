import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Tabs } from 'antd';
import { ExperimentOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import type { RuleView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useErrorText, useNotifyError } from '../../hooks/use-error-text.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useRules } from './use-rules.ts';
import { RuleFilters, type TriggerFilter } from './RuleFilters.tsx';
import { RulesTable } from './RulesTable.tsx';
import { RuleDrawer, type RuleEditing } from './RuleDrawer.tsx';
import { RuleTester } from './RuleTester.tsx';
import { TRIGGERS } from './rule-labels.ts';
import './rules.css';

function matches(rule: RuleView, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  return rule.name.toLowerCase().includes(needle) || rule.keywords.some((keyword) => keyword.text.toLowerCase().includes(needle));
}

/** 回复规则: the rules with their hits, the editor, and the tester (a dry run of any message). */
export function RulesPage() {
  const { t } = useI18n();
  const { account, can } = useAccount();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'test' ? 'test' : 'rules';
  const rules = useRules(account.id);
  const [trigger, setTrigger] = useState<TriggerFilter>('all');
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<RuleEditing>(null);
  const editable = can('rules.edit');

  const all = rules.data ?? [];
  const shown = useMemo(() => all.filter((rule) => (trigger === 'all' || rule.trigger === trigger) && matches(rule, query)), [all, trigger, query]);
  const counts = useMemo(() => {
    const result = { all: all.length } as Record<TriggerFilter, number>;
    for (const value of TRIGGERS) result[value] = all.filter((rule) => rule.trigger === value).length;
    return result;
  }, [all]);

  const save: typeof rules.save = async (ruleId, input) => {
    const saved = await rules.save(ruleId, input);
    void message.success(t('common.saved'));
    setEditing(null);
    return saved;
  };

  const list = (
    <Card variant="borderless" className="zg-rules-card">
      <RuleFilters trigger={trigger} onTrigger={setTrigger} query={query} onQuery={setQuery} counts={counts} />
      {rules.error !== undefined && <Alert type="error" showIcon title={errorText(rules.error)} className="zg-page-alert" />}
      <RulesTable
        rules={shown}
        loading={rules.loading}
        editable={editable}
        onOpen={setEditing}
        onToggle={(rule, enabled) => void rules.setEnabled(rule, enabled).catch(notifyError)}
        onDelete={(rule) => void rules.remove(rule.id).catch(notifyError)}
      />
    </Card>
  );

  return (
    <div className="zg-page" data-testid="rules-page">
      <PageHeader
        title={t('rules.title')}
        subtitle={t('rules.subtitle')}
        extra={
          editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="rule-create">
              {t('rules.create')}
            </Button>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'test' ? { tab: 'test' } : {}, { replace: true })}
        items={[
          { key: 'rules', label: <span data-testid="rules-tab-list"><UnorderedListOutlined /> {t('rules.tab.list')}</span>, children: list },
          { key: 'test', label: <span data-testid="rules-tab-test"><ExperimentOutlined /> {t('rules.tab.test')}</span>, children: <RuleTester onOpenRule={(id) => setEditing(all.find((rule) => rule.id === id) ?? null)} /> },
        ]}
      />
      <RuleDrawer editing={editing} editable={editable} onSave={save} onClose={() => setEditing(null)} />
    </div>
  );
}
