import { useState } from 'react';
import { Alert, App, Button, Card, Space } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { QrChannelInput, QrChannelView } from '@zhanggui/shared';
import { qrChannelsApi } from '../../api/qr-channels.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useErrorText, useNotifyError } from '../../hooks/use-error-text.ts';
import { useCollection } from '../../data/use-collection.ts';
import { useTags } from '../../data/use-tags.ts';
import { useFlowOptions } from '../../data/use-flow-options.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ChannelChart } from './ChannelChart.tsx';
import { ChannelsTable } from './ChannelsTable.tsx';
import { ChannelModal } from './ChannelModal.tsx';
import { CodesDrawer } from './CodesDrawer.tsx';
import './channels.css';

/** 渠道二维码: a channel per place or campaign, its codes and posters, and which channels bring fans who stay. */
export function ChannelsPage() {
  const { t } = useI18n();
  const { account, can } = useAccount();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const channels = useCollection(account.id, qrChannelsApi);
  const tags = useTags(account.id);
  const [editing, setEditing] = useState<QrChannelView | 'new' | null>(null);
  const [codesOf, setCodesOf] = useState<number | null>(null);
  const [chartVersion, setChartVersion] = useState(0);
  const flows = useFlowOptions(account.id, editing !== null);
  const editable = can('channels.edit');
  const list = channels.data ?? [];

  const save = async (input: QrChannelInput) => {
    await channels.save(editing === 'new' || editing === null ? null : editing.id, input);
    void message.success(t('common.saved'));
    setEditing(null);
    setChartVersion((n) => n + 1);
  };
  const remove = (channel: QrChannelView) =>
    void channels
      .remove(channel.id)
      .then(() => setChartVersion((n) => n + 1))
      .catch(notifyError);
  const replace = (changed: QrChannelView) => channels.setData((items) => items?.map((item) => (item.id === changed.id ? changed : item)));

  return (
    <div className="zg-page" data-testid="channels-page">
      <PageHeader
        title={t('channels.title')}
        subtitle={t('channels.subtitle')}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={qrChannelsApi.exportUrl(account.id)} download data-testid="channels-export">
              {t('channels.export')}
            </Button>
            {editable && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="channel-create">
                {t('channels.create')}
              </Button>
            )}
          </Space>
        }
      />
      {channels.error !== undefined && <Alert type="error" showIcon title={errorText(channels.error)} className="zg-page-alert" />}
      <ChannelChart version={chartVersion} />
      <Card variant="borderless" className="zg-channels-card">
        <ChannelsTable
          channels={list}
          loading={channels.loading}
          tags={tags.data ?? []}
          editable={editable}
          onEdit={setEditing}
          onCodes={(channel) => setCodesOf(channel.id)}
          onDelete={remove}
        />
      </Card>
      <ChannelModal channel={editing} tags={tags.data ?? []} flows={flows} onSave={save} onCancel={() => setEditing(null)} />
      <CodesDrawer channel={list.find((channel) => channel.id === codesOf) ?? null} editable={editable} onClose={() => setCodesOf(null)} onChannelChanged={replace} />
    </div>
  );
}
