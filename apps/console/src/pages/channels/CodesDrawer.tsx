import { useState } from 'react';
import { Alert, App, Card, Drawer, Empty, Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { QrChannelView, QrCodeInput, QrCodeView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatNumber, formatShortTime } from '../../i18n/format.ts';
import { useAccount } from '../../session/account-context.tsx';
import { useErrorText, useNotifyError } from '../../hooks/use-error-text.ts';
import { useCodes } from './use-codes.ts';
import { NewCodeForm } from './NewCodeForm.tsx';
import { CodePanel } from './CodePanel.tsx';
import { PosterCard } from './PosterCard.tsx';

interface CodesDrawerProps {
  channel: QrChannelView | null;
  editable: boolean;
  onClose: () => void;
  /** The channel as the server has it after a poster change or a new code. */
  onChannelChanged: (channel: QrChannelView) => void;
}

/** A channel's codes: generate one, see and download it (code, poster), copy its ticket; the poster background. */
export function CodesDrawer({ channel, editable, onClose, onChannelChanged }: CodesDrawerProps) {
  const { t } = useI18n();
  return (
    <Drawer open={channel !== null} onClose={onClose} title={channel ? t('channels.codesTitle', { name: channel.name }) : ''} size={1040} destroyOnHidden data-testid="channel-codes-drawer">
      {channel && <CodesDrawerBody key={channel.id} channel={channel} editable={editable} onChannelChanged={onChannelChanged} />}
    </Drawer>
  );
}

function CodesDrawerBody({ channel, editable, onChannelChanged }: { channel: QrChannelView; editable: boolean; onChannelChanged: (channel: QrChannelView) => void }) {
  const { t, language } = useI18n();
  const { account } = useAccount();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const codes = useCodes(account.id, channel.id);
  const [openId, setOpenId] = useState<number | null>(null);
  const [posterVersion, setPosterVersion] = useState(() => Date.now());
  const open = codes.codes.find((code) => code.id === openId) ?? codes.codes[0] ?? null;

  const create = async (input: QrCodeInput) => {
    try {
      const code = await codes.create(input);
      setOpenId(code.id);
      onChannelChanged({ ...channel, codeCount: channel.codeCount + 1 });
      void message.success(t('channels.code.created'));
      return true;
    } catch (error) {
      notifyError(error);
      return false;
    }
  };

  const columns: TableColumnsType<QrCodeView> = [
    { key: 'label', title: t('channels.code.label'), render: (_, code) => code.label || <span className="zg-muted">{t('channels.code.unlabelled')}</span> },
    {
      key: 'kind',
      title: t('channels.code.kind'),
      render: (_, code) => (
        <span className="zg-code-kind">
          <Tag color={code.kind === 'permanent' ? 'green' : 'blue'}>{t(`channels.code.kind.${code.kind}`)}</Tag>
          {code.expiresAt && (
            <small className={dayjs(code.expiresAt).isBefore(dayjs()) ? 'zg-code-expired-text' : 'zg-muted'}>
              {dayjs(code.expiresAt).isBefore(dayjs()) ? t('channels.code.expired') : t('channels.code.until', { when: dayjs(code.expiresAt).format('MM-DD HH:mm') })}
            </small>
          )}
        </span>
      ),
    },
    { key: 'scene', title: t('channels.code.scene'), responsive: ['lg'], render: (_, code) => <span className="zg-mono">{code.scene}</span> },
    { key: 'scans', title: t('channels.col.scans'), align: 'right', render: (_, code) => formatNumber(code.scans, language) },
    { key: 'follows', title: t('channels.col.follows'), align: 'right', render: (_, code) => formatNumber(code.follows, language) },
    { key: 'created', title: t('channels.code.createdAt'), responsive: ['xl'], render: (_, code) => <span className="zg-muted">{formatShortTime(code.createdAt)}</span> },
  ];

  return (
    <div className="zg-codes">
      {editable && (
        <Card size="small" title={t('channels.code.create')}>
          <NewCodeForm onCreate={create} />
        </Card>
      )}
      {codes.error !== undefined && <Alert type="error" showIcon title={errorText(codes.error)} />}
      <div className="zg-codes-layout">
        <Table<QrCodeView>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={codes.codes}
          loading={codes.loading}
          pagination={codes.codes.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          rowClassName={(code) => (code.id === open?.id ? 'zg-code-row zg-code-row--open' : 'zg-code-row')}
          onRow={(code) => ({ onClick: () => setOpenId(code.id), 'data-testid': `code-row-${code.id}` }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('channels.code.none') }}
          data-testid="codes-table"
        />
        <div className="zg-codes-open">
          {open ? <CodePanel code={open} channelName={channel.name} posterVersion={posterVersion} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('channels.code.pick')} />}
        </div>
      </div>
      <PosterCard
        channel={channel}
        code={open}
        editable={editable}
        version={posterVersion}
        onChanged={(changed) => {
          onChannelChanged(changed);
          setPosterVersion(Date.now());
        }}
      />
    </div>
  );
}
