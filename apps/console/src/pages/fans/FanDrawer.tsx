import { useEffect, useRef } from 'react';
import { Alert, Button, Drawer, Empty, Popconfirm, Space, Spin } from 'antd';
import { MessageOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { FanView, TagView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useErrorText, useNotifyError } from '../../hooks/use-error-text.ts';
import { useFan } from '../../components/fans/use-fan.ts';
import { FanProfile } from '../../components/fans/FanProfile.tsx';
import { MessageTimeline } from '../../components/messages/MessageTimeline.tsx';
import { useFanTimeline } from './use-fan-timeline.ts';

interface FanDrawerProps {
  fanId: number | null;
  tags: TagView[] | undefined;
  onClose: () => void;
  onChanged: (fan: FanView) => void;
}

export function FanDrawer({ fanId, tags, onClose, onChanged }: FanDrawerProps) {
  const { t } = useI18n();
  return (
    <Drawer open={fanId !== null} onClose={onClose} size={600} title={t('fans.drawer.title')} destroyOnHidden data-testid="fan-drawer">
      {fanId !== null && <FanDetail key={fanId} fanId={fanId} tags={tags} onChanged={onChanged} />}
    </Drawer>
  );
}

function FanDetail({ fanId, tags, onChanged }: { fanId: number; tags: TagView[] | undefined; onChanged: (fan: FanView) => void }) {
  const { t } = useI18n();
  const { account, can } = useAccount();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const fan = useFan(account.id, fanId);
  const timeline = useFanTimeline(account.id, fanId);
  const editable = can('fans.edit');
  const changed = useRef(onChanged);
  changed.current = onChanged;

  // Keep the table row in step with edits made here (remark, tags, blacklist).
  useEffect(() => {
    if (fan.data) changed.current(fan.data);
  }, [fan.data]);

  const toggleBlacklist = async () => {
    if (!fan.data) return;
    try {
      await fan.setBlacklisted(!fan.data.blacklisted);
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <div className="zg-fan-detail">
      <FanProfile fan={fan} allTags={tags} editable={editable} />
      <Space wrap className="zg-fan-detail-actions">
        {can('inbox.view') && (
          <Button icon={<MessageOutlined />} onClick={() => navigate(`/accounts/${account.id}/inbox/${fanId}`)} data-testid="fan-open-chat">
            {t('fans.drawer.openChat')}
          </Button>
        )}
        {editable && fan.data && (
          <Popconfirm
            title={fan.data.blacklisted ? t('fans.drawer.unblacklistConfirm') : t('fans.drawer.blacklistConfirm')}
            onConfirm={() => void toggleBlacklist()}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
          >
            <Button danger={!fan.data.blacklisted} icon={fan.data.blacklisted ? <UndoOutlined /> : <StopOutlined />} data-testid="fan-blacklist">
              {fan.data.blacklisted ? t('fans.batch.unblacklist') : t('fans.batch.blacklist')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      <h3 className="zg-fan-detail-heading">{t('fans.drawer.timeline')}</h3>
      <div className="zg-fan-detail-timeline">
        {timeline.error !== undefined && <Alert type="error" showIcon title={errorText(timeline.error)} />}
        {timeline.loading && timeline.items.length === 0 && <Spin className="zg-fan-detail-spin" />}
        {!timeline.loading && timeline.items.length === 0 && timeline.error === undefined && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fans.drawer.noHistory')} />
        )}
        {timeline.items.length > 0 && (
          <MessageTimeline
            messages={timeline.items}
            hasEarlier={timeline.hasMore}
            loadingEarlier={timeline.loading}
            onLoadEarlier={() => void timeline.loadEarlier().catch(notifyError)}
            testId="fan-timeline"
          />
        )}
      </div>
    </div>
  );
}
