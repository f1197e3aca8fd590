import { Alert, Avatar, Descriptions, Skeleton, Typography } from 'antd';
import type { FanView, TagView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime, formatRelative } from '../../i18n/format.ts';
import { useErrorText, useNotifyError } from '../../hooks/use-error-text.ts';
import { avatarColor, initials } from '../avatar.ts';
import { TagEditor } from './TagEditor.tsx';
import { sourceKey } from './fan-sources.ts';
import type { useFan } from './use-fan.ts';
import './fans.css';

interface FanProfileProps {
  fan: ReturnType<typeof useFan>;
  allTags: TagView[] | undefined;
  editable: boolean;
}

/** Who the fan is: openid, editable remark and tags, subscription, source and last interaction. */
export function FanProfile({ fan, allTags, editable }: FanProfileProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  if (fan.error !== undefined && !fan.data) return <Alert type="error" showIcon title={errorText(fan.error)} />;
  if (!fan.data) return <Skeleton active avatar paragraph={{ rows: 5 }} />;
  const view: FanView = fan.data;
  const source = sourceKey(view.source);

  return (
    <div className="zg-fan-profile" data-testid="fan-profile">
      <div className="zg-fan-head">
        <Avatar size={52} style={{ background: avatarColor(view.openid) }} className={view.subscribed ? undefined : 'zg-avatar-gone'}>
          {initials(view.displayName)}
        </Avatar>
        <div className="zg-fan-head-text">
          <strong>{view.displayName}</strong>
          <span className="zg-fan-chips">
            <span className={`zg-chip ${view.subscribed ? 'zg-chip--ok' : ''}`}>{view.subscribed ? t('fan.subscribed') : t('fan.unsubscribed')}</span>
            {view.blacklisted && <span className="zg-chip zg-chip--danger">{t('fan.blacklisted')}</span>}
          </span>
        </div>
      </div>

      <div className="zg-fan-section">
        <div className="zg-fan-label">{t('fan.remark')}</div>
        <Typography.Text
          className="zg-fan-remark"
          data-testid="fan-remark"
          editable={
            editable
              ? {
                  text: view.remark ?? '',
                  maxLength: 30,
                  tooltip: t('fan.editRemark'),
                  triggerType: ['icon', 'text'],
                  onChange: (remark) => {
                    if (remark !== (view.remark ?? '')) void fan.saveRemark(remark.trim()).catch(notifyError);
                  },
                }
              : false
          }
          type={view.remark ? undefined : 'secondary'}
        >
          {view.remark || (editable ? t('fan.remarkPlaceholder') : t('common.none'))}
        </Typography.Text>
      </div>

      <div className="zg-fan-section">
        <div className="zg-fan-label">{t('fan.tags')}</div>
        <TagEditor tags={view.tags} allTags={allTags} editable={editable} onChange={(tagId, on) => fan.setTag(tagId, on).catch(notifyError)} />
      </div>

      <Descriptions
        column={1}
        colon={false}
        size="small"
        className="zg-fan-facts"
        items={[
          { key: 'openid', label: 'OpenID', children: <Typography.Text className="zg-mono" copyable>{view.openid}</Typography.Text> },
          { key: 'source', label: t('fan.source'), children: source ? t(source) : (view.source ?? '—') },
          ...(view.qrScene ? [{ key: 'scene', label: t('fan.qrScene'), children: view.qrScene }] : []),
          ...(view.firstChannel ? [{ key: 'firstChannel', label: t('fan.firstChannel'), children: view.firstChannel.name }] : []),
          ...(view.lastChannel && view.lastChannel.id !== view.firstChannel?.id ? [{ key: 'lastChannel', label: t('fan.lastChannel'), children: view.lastChannel.name }] : []),
          { key: 'subscribedAt', label: t('fan.subscribedAt'), children: formatDateTime(view.subscribedAt) },
          ...(view.unsubscribedAt ? [{ key: 'unsubscribedAt', label: t('fan.unsubscribedAt'), children: formatDateTime(view.unsubscribedAt) }] : []),
          { key: 'last', label: t('fan.lastInteraction'), children: formatRelative(view.lastInteractionAt) },
          ...(view.language ? [{ key: 'language', label: t('fan.language'), children: view.language }] : []),
        ]}
      />
    </div>
  );
}
