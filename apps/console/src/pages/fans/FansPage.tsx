import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Space, Spin } from 'antd';
import { DownloadOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { FanFilter } from '@zhanggui/shared';
import { fansApi } from '../../api/fans.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useAccount } from '../../session/account-context.tsx';
import { useErrorText, useNotifyError } from '../../hooks/use-error-text.ts';
import { useTags } from '../../data/use-tags.ts';
import { useLoyaltyLevels } from '../../data/use-loyalty-levels.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFanCount, useFansPage } from './use-fans-page.ts';
import { useFanSync } from './use-fan-sync.ts';
import { useFanBatch, type BatchAction } from './use-fan-batch.ts';
import { FanFilters } from './FanFilters.tsx';
import { FansTable } from './FansTable.tsx';
import { BatchBar } from './BatchBar.tsx';
import { SyncButton, SyncProgress } from './SyncStatus.tsx';
import { FanDrawer } from './FanDrawer.tsx';
import './fans-page.css';

/** Links may open the page on a tag (?tag=<id> or ?tag=untagged), e.g. from the tags page. */
function filterFromUrl(params: URLSearchParams): FanFilter {
  const tag = params.get('tag');
  if (tag === 'untagged') return { tag };
  return tag && /^\d+$/.test(tag) ? { tag: Number(tag) } : {};
}

/** 用户管理: filter, page through, act on many fans at once, sync from WeChat, open one fan. */
export function FansPage() {
  const { t, language } = useI18n();
  const { account, can } = useAccount();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const [params] = useSearchParams();
  const [filter, setFilter] = useState<FanFilter>(() => filterFromUrl(params));
  const [countGeneration, setCountGeneration] = useState(0);
  const [selected, setSelected] = useState<number[]>([]);
  const [allMatching, setAllMatching] = useState(false);
  const [openFan, setOpenFan] = useState<number | null>(null);
  const tags = useTags(account.id);
  const levels = useLoyaltyLevels(account.id);
  const page = useFansPage(account.id, filter);
  const count = useFanCount(account.id, filter, countGeneration);
  const refresh = () => {
    page.reload();
    setCountGeneration((n) => n + 1);
    tags.reload();
  };
  const sync = useFanSync(account.id, refresh);
  const batch = useFanBatch(account.id);

  const changeFilter = (next: FanFilter) => {
    setFilter(next);
    setSelected([]);
    setAllMatching(false);
  };

  const runBatch = async (action: BatchAction, tagId?: number) => {
    try {
      const affected = await batch.run(action, allMatching ? { filter } : { fanIds: selected }, tagId);
      void message.success(t('fans.batch.done', { n: formatNumber(affected ?? 0, language) }));
      setSelected([]);
      setAllMatching(false);
      refresh();
    } catch (error) {
      notifyError(error);
    }
  };
  const onAction = (action: BatchAction, tagId?: number) => {
    if (!allMatching) return void runBatch(action, tagId);
    modal.confirm({
      title: t('fans.batch.confirmTitle'),
      content: t('fans.batch.confirmBody', { n: count.count === null ? '…' : formatNumber(count.count, language) }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => runBatch(action, tagId),
    });
  };
  const startSync = (mode: 'full' | 'incremental') => void sync.start(mode).catch(notifyError);

  return (
    <div className="zg-page" data-testid="fans-page">
      <PageHeader
        title={t('fans.title')}
        subtitle={
          <span data-testid="fans-count">
            {count.loading ? <Spin size="small" /> : count.count === null ? t('fans.countUnavailable') : t('fans.count', { n: formatNumber(count.count, language) })}
          </span>
        }
        extra={
          <Space wrap>
            {can('fans.export') && (
              <Button icon={<DownloadOutlined />} href={fansApi.exportUrl(account.id, filter)} download data-testid="fans-export">
                {t('fans.export')}
              </Button>
            )}
            {can('fans.sync') && <SyncButton job={sync.job} starting={sync.starting} onStart={startSync} />}
          </Space>
        }
      />
      <SyncProgress job={sync.job} onCancel={can('fans.sync') ? () => void sync.cancel().catch(notifyError) : null} />
      <Card variant="borderless" className="zg-fans-card">
        <FanFilters filter={filter} onChange={changeFilter} tags={tags.data} levels={levels} />
        {(selected.length > 0 || allMatching) && can('fans.edit') && (
          <BatchBar
            selectedCount={selected.length}
            allMatching={allMatching}
            matchingCount={count.count}
            pageCount={page.fans.length}
            tags={tags.data}
            running={batch.running}
            job={batch.job}
            onAllMatching={setAllMatching}
            onClear={() => {
              setSelected([]);
              setAllMatching(false);
            }}
            onAction={onAction}
          />
        )}
        {page.error !== undefined && <Alert type="error" showIcon title={errorText(page.error)} className="zg-fans-alert" />}
        <FansTable
          fans={page.fans}
          loading={page.loading}
          selectable={can('fans.edit')}
          selectedIds={selected}
          onSelect={(ids) => {
            setSelected(ids);
            if (ids.length === 0) setAllMatching(false);
          }}
          onOpen={(fan) => setOpenFan(fan.id)}
        />
        <div className="zg-pager" data-testid="fans-pager">
          <span className="zg-muted">{t('fans.page', { n: page.pageNumber })}</span>
          <Space>
            <Button icon={<LeftOutlined />} disabled={!page.hasPrevious || page.loading} onClick={page.previous} data-testid="fans-prev">
              {t('common.previous')}
            </Button>
            <Button disabled={!page.hasNext || page.loading} onClick={page.next} data-testid="fans-next">
              {t('common.next')} <RightOutlined />
            </Button>
          </Space>
        </div>
      </Card>
      <FanDrawer fanId={openFan} tags={tags.data} onClose={() => setOpenFan(null)} onChanged={page.replace} />
    </div>
  );
}
