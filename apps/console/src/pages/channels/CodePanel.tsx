import { useState } from 'react';
import { App, Button, Descriptions, Dropdown, Space, Tag } from 'antd';
import { DownloadOutlined, DownOutlined, FileImageOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { QrCodeView } from '@zhanggui/shared';
import { qrCodesApi } from '../../api/qr-channels.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useAccount } from '../../session/account-context.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { downloadPosterPng } from './poster-png.ts';

/** Edge lengths WeChat's own download offers (px, for 8 / 12 / 15 / 30 / 50 cm prints). */
const PNG_SIZES = [258, 344, 430, 860, 1280] as const;

interface CodePanelProps {
  code: QrCodeView;
  channelName: string;
  /** Changes with the poster background, so the poster is fetched again. */
  posterVersion: number;
}

/** One code: the image, its downloads (code and poster), scene, ticket and link to copy. */
export function CodePanel({ code, channelName, posterVersion }: CodePanelProps) {
  const { t, language } = useI18n();
  const { account } = useAccount();
  const { message } = App.useApp();
  const [drawing, setDrawing] = useState(false);
  const fileName = [channelName, code.label, code.scene].filter(Boolean).join('-').replace(/[\\/:*?"<>|\s]+/g, '_');
  const posterUrl = qrCodesApi.posterUrl(account.id, code.id, posterVersion);
  const expired = code.expiresAt !== null && dayjs(code.expiresAt).isBefore(dayjs());

  const posterPng = async () => {
    setDrawing(true);
    try {
      await downloadPosterPng(posterUrl, `${fileName}-poster.png`);
    } catch {
      void message.error(t('channels.poster.pngFailed'));
    } finally {
      setDrawing(false);
    }
  };

  return (
    <div className="zg-code-panel" data-testid="code-panel" data-code-id={code.id}>
      <div className="zg-code-image">
        <img src={qrCodesApi.pngUrl(account.id, code.id, 430)} alt={t('channels.code.imageAlt', { name: code.label || code.scene })} data-testid="code-image" />
        {expired && <span className="zg-code-expired">{t('channels.code.expired')}</span>}
      </div>
      <Space wrap className="zg-code-downloads">
        <Space.Compact>
          <Button icon={<DownloadOutlined />} href={qrCodesApi.pngUrl(account.id, code.id, 430)} download={`${fileName}.png`} data-testid="code-download-png">
            PNG
          </Button>
          <Dropdown
            trigger={['click']}
            menu={{
              items: PNG_SIZES.map((size) => ({
                key: size,
                label: (
                  <a href={qrCodesApi.pngUrl(account.id, code.id, size)} download={`${fileName}-${size}.png`}>
                    {t('channels.code.pngSize', { size })}
                  </a>
                ),
              })),
            }}
          >
            <Button icon={<DownOutlined />} aria-label={t('channels.code.pngSizes')} data-testid="code-download-png-sizes" />
          </Dropdown>
        </Space.Compact>
        <Button icon={<DownloadOutlined />} href={qrCodesApi.svgUrl(account.id, code.id)} download={`${fileName}.svg`} data-testid="code-download-svg">
          SVG
        </Button>
        <Button icon={<FileImageOutlined />} loading={drawing} onClick={() => void posterPng()} data-testid="code-download-poster-png">
          {t('channels.poster.downloadPng')}
        </Button>
        <Button icon={<FileImageOutlined />} href={posterUrl} download={`${fileName}-poster.svg`} data-testid="code-download-poster-svg">
          {t('channels.poster.downloadSvg')}
        </Button>
      </Space>
      <Descriptions
        column={1}
        size="small"
        className="zg-code-facts"
        items={[
          { key: 'label', label: t('channels.code.label'), children: code.label || <span className="zg-muted">—</span> },
          {
            key: 'kind',
            label: t('channels.code.kind'),
            children: (
              <span>
                <Tag color={code.kind === 'permanent' ? 'green' : 'blue'}>{t(`channels.code.kind.${code.kind}`)}</Tag>
                {code.expiresAt && t('channels.code.expiresAt', { when: formatDateTime(code.expiresAt) })}
              </span>
            ),
          },
          { key: 'scene', label: t('channels.code.scene'), children: <span className="zg-mono" data-testid="code-scene">{code.scene}</span> },
          { key: 'stats', label: t('channels.code.stats'), children: t('channels.code.statsValue', { scans: formatNumber(code.scans, language), follows: formatNumber(code.follows, language) }) },
        ]}
      />
      <div className="zg-code-copy">
        <span>{t('channels.code.ticket')}</span>
        <CopyField value={code.ticket} label={t('channels.code.ticket')} testId="code-ticket" />
        <span>{t('channels.code.url')}</span>
        <CopyField value={code.url} label={t('channels.code.url')} testId="code-url" />
      </div>
    </div>
  );
}
