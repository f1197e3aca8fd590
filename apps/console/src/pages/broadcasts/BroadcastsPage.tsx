import { useState } from 'react';
import { Alert, App, Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { BroadcastView } from '@zhanggui/shared';
import { qrChannelsApi } from '../../api/qr-channels.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useErrorText, useNotifyError } from '../../hooks/use-error-text.ts';
import { useResource } from '../../hooks/use-resource.ts';
import { useTags } from '../../data/use-tags.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useBroadcasts } from './use-broadcasts.ts';
import { quotaExplanation } from './quota-explanation.ts';
import { QuotaCard } from './QuotaCard.tsx';
import { BroadcastsTable } from './BroadcastsTable.tsx';
import { BroadcastDrawer } from './BroadcastDrawer.tsx';
import { ComposeDrawer } from './compose/ComposeDrawer.tsx';
import './broadcasts.css';

/** 群发: what WeChat still allows this account, the broadcasts with their progress and reports, and composing one. */
export function BroadcastsPage() {
  const { t, language } = useI18n();
  const { account, can } = useAccount();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const { list, quota, replace, cancel, approve } = useBroadcasts(account.id);
  const tags = useTags(account.id);
  const channels = useResource((signal) => qrChannelsApi.list(account.id, signal).catch(() => []), [account.id]);
  const [composing, setComposing] = useState(false);
  const [detailsId, setDetailsId] = useState<number | null>(null);
  const canSend = can('broadcasts.send');
  const broadcasts = list.data ?? [];

  const act = (action: (id: number) => Promise<void>, done: string) => (broadcast: BroadcastView) =>
    void action(broadcast.id)
      .then(() => void message.success(done))
      .catch((error: unknown) => {
        // Approving checks the quota for the day it goes out: say WeChat's rule, not only "none left".
        const explanation = quotaExplanation(error, language);
        if (explanation) modal.error({ title: errorText(error), content: explanation, okText: t('common.close') });
        else notifyError(error);
      });

  return (
    <div className="zg-page" data-testid="broadcasts-page">
      <PageHeader
        title={t('broadcasts.title')}
        subtitle={t('broadcasts.subtitle')}
        extra={
          canSend && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setComposing(true)} disabled={quota.data?.allowed === false} data-testid="broadcast-create">
              {t('broadcasts.create')}
            </Button>
          )
        }
      />
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} className="zg-page-alert" />}
      <QuotaCard quota={quota.data} />
      <Card variant="borderless" className="zg-broadcasts-card">
        <BroadcastsTable
          broadcasts={broadcasts}
          loading={list.loading && !list.data}
          tags={tags.data ?? []}
          channels={channels.data ?? []}
          canSend={canSend}
          canApprove={can('broadcasts.approve')}
          onDetails={(broadcast) => setDetailsId(broadcast.id)}
          onCancel={act(cancel, t('broadcasts.cancelled'))}
          onApprove={act(approve, t('broadcasts.approved'))}
        />
      </Card>
      {canSend && (
        <ComposeDrawer open={composing} quota={quota.data} tags={tags.data ?? []} channels={channels.data ?? []} onClose={() => setComposing(false)} onCreated={replace} />
      )}
      <BroadcastDrawer broadcast={broadcasts.find((broadcast) => broadcast.id === detailsId) ?? null} tags={tags.data ?? []} channels={channels.data ?? []} onClose={() => setDetailsId(null)} />
    </div>
  );
}
