import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { CannedReply } from '@zhanggui/shared';
import { cannedApi } from '../../api/inbox.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useErrorText, useNotifyError } from '../../hooks/use-error-text.ts';
import { useCannedReplies } from '../../data/use-canned-replies.ts';
import { CannedReplyModal } from './CannedReplyModal.tsx';

/** 快捷回复: short texts agents insert into the composer. */
export function CannedSettings() {
  const { t } = useI18n();
  const { account } = useAccount();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const replies = useCannedReplies(account.id);
  const [editing, setEditing] = useState<CannedReply | 'new' | null>(null);

  const save = async (input: Omit<CannedReply, 'id'>) => {
    if (editing === 'new') await cannedApi.create(account.id, input);
    else if (editing) await cannedApi.update(account.id, editing.id, input);
    void message.success(t('common.saved'));
    setEditing(null);
    replies.reload();
  };
  const remove = async (reply: CannedReply) => {
    try {
      await cannedApi.remove(account.id, reply.id);
      replies.reload();
    } catch (error) {
      notifyError(error);
    }
  };

  const columns: TableColumnsType<CannedReply> = [
    { key: 'title', title: t('canned.col.title'), dataIndex: 'title', width: 200 },
    { key: 'content', title: t('canned.col.content'), render: (_, reply) => <span className="zg-pre-line">{reply.content}</span> },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      render: (_, reply) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(reply)} data-testid={`canned-edit-${reply.id}`}>
            {t('common.edit')}
          </Button>
          <Popconfirm title={t('canned.deleteConfirm')} okText={t('common.delete')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onConfirm={() => remove(reply)}>
            <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid={`canned-delete-${reply.id}`}>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      variant="borderless"
      title={t('canned.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="canned-create">
          {t('canned.create')}
        </Button>
      }
    >
      {replies.error !== undefined && <Alert type="error" showIcon title={errorText(replies.error)} className="zg-page-alert" />}
      <Table<CannedReply> rowKey="id" columns={columns} dataSource={replies.data ?? []} loading={replies.loading} pagination={false} data-testid="canned-table" />
      <CannedReplyModal reply={editing} onSave={save} onCancel={() => setEditing(null)} />
    </Card>
  );
}
