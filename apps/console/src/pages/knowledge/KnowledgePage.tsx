import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Input, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, LinkOutlined, PictureOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { KnowledgeEntry, KnowledgeInput } from '@zhanggui/shared';
import { knowledgeApi } from '../../api/catalogue.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useErrorText, useNotifyError } from '../../hooks/use-error-text.ts';
import { useCollection, withoutId } from '../../data/use-collection.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { KeywordChips } from '../../components/KeywordChips.tsx';
import { EnabledSwitch } from '../../components/EnabledSwitch.tsx';
import { KnowledgeModal } from './KnowledgeModal.tsx';
import { safeHref } from '../../components/replies/reply-text.ts';

function matches(entry: KnowledgeEntry, query: string): boolean {
  const needle = query.trim().toLowerCase();
  return !needle || [entry.title, entry.body, ...entry.keywords].some((text) => text.toLowerCase().includes(needle));
}

/** 知识库: answers fans find by sending a word (a travel account's "三亚" guide, an app's download link). */
export function KnowledgePage() {
  const { t } = useI18n();
  const { account, can } = useAccount();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const entries = useCollection(account.id, knowledgeApi);
  const [editing, setEditing] = useState<KnowledgeEntry | 'new' | null>(null);
  const [query, setQuery] = useState('');
  const editable = can('rules.edit');
  const shown = useMemo(() => (entries.data ?? []).filter((entry) => matches(entry, query)), [entries.data, query]);

  const save = async (input: KnowledgeInput) => {
    await entries.save(editing === 'new' || editing === null ? null : editing.id, input);
    void message.success(t('common.saved'));
    setEditing(null);
  };

  const columns: TableColumnsType<KnowledgeEntry> = [
    {
      key: 'title',
      title: t('knowledge.col.title'),
      render: (_, entry) => (
        <div className="zg-entry">
          <strong>{entry.title}</strong>
          <span className="zg-entry-body">{entry.body}</span>
        </div>
      ),
    },
    { key: 'keywords', title: t('common.keywords'), width: 240, render: (_, entry) => <KeywordChips words={entry.keywords} /> },
    {
      key: 'media',
      title: t('knowledge.col.media'),
      width: 90,
      responsive: ['md'],
      render: (_, entry) => {
        const href = entry.link ? safeHref(entry.link) : null;
        return (
          <Space size={8} className="zg-muted">
            {entry.imageUrl && <PictureOutlined title={entry.imageUrl} />}
            {href && (
              <a href={href} target="_blank" rel="noopener noreferrer" title={entry.link ?? ''}>
                <LinkOutlined />
              </a>
            )}
            {!entry.imageUrl && !href && '—'}
          </Space>
        );
      },
    },
    {
      key: 'enabled',
      title: t('rules.col.enabled'),
      width: 72,
      render: (_, entry) => (
        <EnabledSwitch
          checked={entry.enabled}
          disabled={!editable}
          onChange={(enabled) => entries.save(entry.id, { ...withoutId(entry), enabled }).catch(notifyError)}
          testId={`knowledge-enabled-${entry.id}`}
        />
      ),
    },
    ...(editable
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 140,
            render: (_: unknown, entry: KnowledgeEntry) => (
              <Space size={0}>
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(entry)} data-testid={`knowledge-edit-${entry.id}`}>
                  {t('common.edit')}
                </Button>
                <Popconfirm title={t('knowledge.deleteConfirm', { name: entry.title })} okText={t('common.delete')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onConfirm={() => void entries.remove(entry.id).catch(notifyError)}>
                  <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid={`knowledge-delete-${entry.id}`}>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="zg-page" data-testid="knowledge-page">
      <PageHeader
        title={t('knowledge.title')}
        subtitle={t('knowledge.subtitle')}
        extra={
          editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="knowledge-create">
              {t('knowledge.create')}
            </Button>
          )
        }
      />
      {entries.error !== undefined && <Alert type="error" showIcon title={errorText(entries.error)} className="zg-page-alert" />}
      <Card variant="borderless">
        <div className="zg-list-toolbar">
          <Input allowClear prefix={<SearchOutlined className="zg-muted-icon" />} placeholder={t('knowledge.search')} value={query} onChange={(event) => setQuery(event.target.value)} className="zg-list-search" data-testid="knowledge-search" />
        </div>
        <Table<KnowledgeEntry>
          rowKey="id"
          columns={columns}
          dataSource={shown}
          loading={entries.loading}
          rowClassName={(entry) => (entry.enabled ? '' : 'zg-row-off')}
          pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          data-testid="knowledge-table"
        />
      </Card>
      <KnowledgeModal entry={editing} onSave={save} onCancel={() => setEditing(null)} />
    </div>
  );
}
