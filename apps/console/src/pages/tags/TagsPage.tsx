import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tooltip, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { TagView } from '@zhanggui/shared';
import { tagsApi } from '../../api/fans.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useAccount } from '../../session/account-context.tsx';
import { useErrorText, useNotifyError } from '../../hooks/use-error-text.ts';
import { useTags } from '../../data/use-tags.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TagNameModal } from './TagNameModal.tsx';

/** 标签: the account's tags with fan counts; changes are synced to WeChat by the server. */
export function TagsPage() {
  const { t, language } = useI18n();
  const { account, can } = useAccount();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const tags = useTags(account.id);
  const [editing, setEditing] = useState<TagView | 'new' | null>(null);
  const editable = can('fans.edit');

  const save = async (name: string) => {
    if (editing === 'new') await tagsApi.create(account.id, name);
    else if (editing) await tagsApi.rename(account.id, editing.id, name);
    void message.success(t('common.saved'));
    setEditing(null);
    tags.reload();
  };
  const remove = async (tag: TagView) => {
    try {
      await tagsApi.remove(account.id, tag.id);
      tags.reload();
    } catch (error) {
      notifyError(error);
    }
  };

  const columns: TableColumnsType<TagView> = [
    {
      key: 'name',
      title: t('tags.col.name'),
      render: (_, tag) => (
        <Space size={6}>
          <span className="zg-tag-name">{tag.name}</span>
          {tag.system && (
            <Tooltip title={t('tags.systemHelp')}>
              <span className="zg-chip">
                <LockOutlined /> {t('tags.system')}
              </span>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      key: 'fans',
      title: t('tags.col.fans'),
      align: 'right',
      render: (_, tag) => <Link to={`/accounts/${account.id}/fans?tag=${tag.id}`}>{formatNumber(tag.fanCount, language)}</Link>,
    },
    {
      key: 'wechat',
      title: t('tags.col.wechatId'),
      responsive: ['md'],
      render: (_, tag) => (tag.wechatTagId === null ? <span className="zg-muted">{t('tags.notSynced')}</span> : <span className="zg-mono">{tag.wechatTagId}</span>),
    },
    ...(editable
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 160,
            render: (_: unknown, tag: TagView) =>
              tag.system ? (
                <span className="zg-muted">—</span>
              ) : (
                <Space size={0}>
                  <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(tag)} data-testid={`tag-rename-${tag.id}`}>
                    {t('tags.rename')}
                  </Button>
                  <Popconfirm
                    title={t('tags.deleteConfirm', { name: tag.name })}
                    description={t('tags.deleteHelp', { n: formatNumber(tag.fanCount, language) })}
                    okText={t('common.delete')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => remove(tag)}
                  >
                    <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid={`tag-delete-${tag.id}`}>
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
    <div className="zg-page zg-page--narrow" data-testid="tags-page">
      <PageHeader
        title={t('tags.title')}
        subtitle={t('tags.subtitle')}
        extra={
          editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="tag-create">
              {t('tags.create')}
            </Button>
          )
        }
      />
      {tags.error !== undefined && <Alert type="error" showIcon title={errorText(tags.error)} className="zg-page-alert" />}
      <Card variant="borderless">
        <Table<TagView> rowKey="id" columns={columns} dataSource={tags.data ?? []} loading={tags.loading} pagination={false} data-testid="tags-table" />
      </Card>
      <TagNameModal
        open={editing !== null}
        initialName={editing && editing !== 'new' ? editing.name : ''}
        title={editing === 'new' ? t('tags.create') : t('tags.rename')}
        onSave={save}
        onCancel={() => setEditing(null)}
      />
    </div>
  );
}
