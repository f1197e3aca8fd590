import { Tooltip } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import type { ReplyWindow } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatCountdown } from '../../i18n/format.ts';
import { useNow } from '../../hooks/use-now.ts';
import { windowStatus } from './reply-window.ts';

/** The 48-hour (or 1-minute) customer-service window as a live countdown with the replies left. */
export function WindowBadge({ window }: { window: ReplyWindow }) {
  const { t } = useI18n();
  const now = useNow(1000);
  const status = windowStatus(window, now);
  const label = !status.open
    ? t('inbox.window.closed')
    : t(window.state === 'short' ? 'inbox.window.short' : 'inbox.window.open', {
        time: status.msLeft === null ? '—' : formatCountdown(status.msLeft),
        n: window.remaining,
      });
  return (
    <Tooltip title={t('inbox.window.help')}>
      <span className={`zg-window zg-window--${status.tone}`} data-testid="reply-window" data-state={status.open ? window.state : 'closed'}>
        <ClockCircleOutlined />
        {label}
      </span>
    </Tooltip>
  );
}
