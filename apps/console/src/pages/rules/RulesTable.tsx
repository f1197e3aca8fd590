import { Button, Popconfirm, Space, Switch, Table, Tooltip, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, EyeOutlined, FieldTimeOutlined } from '@ant-design/icons';
import type { RuleView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { RuleKeywords } from './RuleKeywords.tsx';
import { scheduleSummary } from './rule-labels.ts';

interface RulesTableProps {
  rules: RuleView[];
  loading: boolean;
  editable: boolean;
  onOpen: (rule: RuleView) => void;
  onToggle: (rule: RuleView, enabled: boolean) => void;
  onDelete: (rule: RuleView) => void;
}

export function RulesTable({ rules, loading, editable, onOpen, onToggle, onDelete }: RulesTableProps) {
  const { t, language } = useI18n();
  const count = (n: number) => formatNumber(n, language);
  const hits = (key: keyof RuleView['hits'], title: string) => ({
    key: `hits-${key}`,
    title,
    align: 'right' as const,
    width: 76,
    sorter: (a: RuleView, b: RuleView) => a.hits[key] - b.hits[key],
    render: (_: unknown, rule: RuleView) => <span className={rule.hits[key] ? 'zg-rule-hits' : 'zg-muted'}>{count(rule.hits[key])}</span>,
  });

  const columns: TableColumnsType<RuleView> = [
    {
      key: 'name',
      title: t('rules.col.name'),
      render: (_, rule) => (
        <button type="button" className="zg-link-button zg-rule-name" onClick={() => onOpen(rule)} data-testid={`rule-open-${rule.id}`}>
          {rule.name}
        </button>
      ),
    },
    {
      key: 'trigger',
      title: t('rules.col.trigger'),
      width: 104,
      render: (_, rule) => <span className={`zg-trigger zg-trigger--${rule.trigger}`}>{t(`rules.trigger.${rule.trigger}`)}</span>,
    },
    { key: 'keywords', title: t('rules.col.keywords'), render: (_, rule) => <RuleKeywords rule={rule} /> },
    {
      key: 'priority',
      title: t('rules.col.priority'),
      dataIndex: 'priority',
      align: 'right',
      width: 84,
      sorter: (a, b) => a.priority - b.priority,
      responsive: ['lg'],
    },
    {
      key: 'schedule',
      title: t('rules.col.schedule'),
      width: 150,
      responsive: ['xl'],
      render: (_, rule) =>
        rule.schedule.length === 0 ? (
          <span className="zg-muted">{t('schedule.always')}</span>
        ) : (
          <Tooltip title={scheduleSummary(rule.schedule, t)}>
            <span className="zg-rule-schedule">
              <FieldTimeOutlined /> {scheduleSummary(rule.schedule, t)}
            </span>
          </Tooltip>
        ),
    },
    {
      key: 'hits',
      title: t('rules.col.hits'),
      responsive: ['md'],
      children: [hits('today', t('rules.hits.today')), hits('last7Days', t('rules.hits.week')), hits('total', t('rules.hits.total'))],
    },
    {
      key: 'enabled',
      title: t('rules.col.enabled'),
      width: 72,
      render: (_, rule) => (
        <Switch size="small" checked={rule.enabled} disabled={!editable} onChange={(enabled) => onToggle(rule, enabled)} data-testid={`rule-enabled-${rule.id}`} />
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: editable ? 140 : 80,
      render: (_, rule) =>
        editable ? (
          <Space size={0}>
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onOpen(rule)} data-testid={`rule-edit-${rule.id}`}>
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('rules.deleteConfirm', { name: rule.name })}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => onDelete(rule)}
            >
              <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid={`rule-delete-${rule.id}`}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Space>
        ) : (
          <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => onOpen(rule)}>
            {t('common.view')}
          </Button>
        ),
    },
  ];

  return (
    <Table<RuleView>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rules}
      loading={loading}
      rowClassName={(rule) => (rule.enabled ? '' : 'zg-row-off')}
      pagination={rules.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      data-testid="rules-table"
    />
  );
}
