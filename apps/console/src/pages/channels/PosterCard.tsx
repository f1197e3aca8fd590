import { useState } from 'react';
import { App, Button, Card, Empty, Popconfirm, Space, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import type { QrChannelView, QrCodeView } from '@zhanggui/shared';
import { qrChannelsApi, qrCodesApi } from '../../api/qr-channels.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useNotifyError } from '../../hooks/use-error-text.ts';
import { buttonTestId } from '../../components/test-id.ts';

const POSTER_TYPES = ['image/png', 'image/jpeg'];
const POSTER_MAX_BYTES = 2 * 1024 * 1024;

interface PosterCardProps {
  channel: QrChannelView;
  /** The code drawn on the preview (the open one). */
  code: QrCodeView | null;
  editable: boolean;
  version: number;
  onChanged: (channel: QrChannelView) => void;
}

/** The channel's poster: background image (uploaded, or the platform's plain one), the code, the caption. */
export function PosterCard({ channel, code, editable, version, onChanged }: PosterCardProps) {
  const { t } = useI18n();
  const { account } = useAccount();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [busy, setBusy] = useState<'upload' | 'remove' | null>(null);

  const change = async (action: 'upload' | 'remove', call: () => Promise<QrChannelView>) => {
    setBusy(action);
    try {
      onChanged(await call());
      void message.success(t(action === 'upload' ? 'channels.poster.uploaded' : 'channels.poster.removed'));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(null);
    }
  };
  const upload = (file: File) => {
    // The server checks the same; saying it here spares a 2 MB upload.
    if (!POSTER_TYPES.includes(file.type) || file.size > POSTER_MAX_BYTES) {
      void message.error(t('channels.poster.invalid'));
      return;
    }
    void change('upload', () => qrChannelsApi.uploadPoster(account.id, channel.id, file));
  };

  return (
    <Card size="small" title={t('channels.poster.title')} className="zg-poster-card" data-testid="poster-card">
      <div className="zg-poster">
        <div className="zg-poster-preview">
          {code ? (
            <img src={qrCodesApi.posterUrl(account.id, code.id, version)} alt={t('channels.poster.title')} data-testid="poster-preview" />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('channels.poster.needCode')} />
          )}
        </div>
        <div className="zg-poster-side">
          <p data-testid="poster-status">{channel.hasPoster ? t('channels.poster.custom') : t('channels.poster.plain')}</p>
          <p className="zg-muted">{channel.caption ? t('channels.poster.caption', { caption: channel.caption }) : t('channels.poster.noCaption')}</p>
          {editable && (
            <Space wrap>
              <Upload
                accept={POSTER_TYPES.join(',')}
                showUploadList={false}
                beforeUpload={(file) => {
                  upload(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={busy === 'upload'} data-testid="poster-upload">
                  {channel.hasPoster ? t('channels.poster.replace') : t('channels.poster.upload')}
                </Button>
              </Upload>
              {channel.hasPoster && (
                <Popconfirm
                  title={t('channels.poster.removeConfirm')}
                  okText={t('common.confirm')}
                  okButtonProps={buttonTestId('poster-remove-confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => void change('remove', () => qrChannelsApi.removePoster(account.id, channel.id))}
                >
                  <Button icon={<DeleteOutlined />} loading={busy === 'remove'} data-testid="poster-remove">
                    {t('channels.poster.remove')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          )}
          <p className="zg-field-help">{t('channels.poster.help')}</p>
        </div>
      </div>
    </Card>
  );
}
