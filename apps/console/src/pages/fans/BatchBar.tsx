import { Button, Dropdown, Progress, Space } from 'antd';
import { CloseOutlined, StopOutlined, TagOutlined, TagsOutlined, UndoOutlined } from '@ant-design/icons';
import type { JobView, TagView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatNumber } from '../../i18n/format.ts';
import type { BatchAction } from './use-fan-batch.ts';

interface BatchBarProps {
  selectedCount: number;
  allMatching: boolean;
  matchingCount: number | null;
  pageCount: number;
  tags: TagView[] | undefined;
  running: BatchAction | null;
  job: JobView | null;
  onAllMatching: (on: boolean) => void;
  onClear: () => void;
  onAction: (action: BatchAction, tagId?: number) => void;
}

/** Appears when fans are selected: the scope (these rows, or every fan matching the filter) and the actions. */
export function BatchBar(props: BatchBarProps) {
  const { t, language } = useI18n();
  const { selectedCount, allMatching, matchingCount, pageCount, tags, running, job } = props;
  const n = (value: number) => formatNumber(value, language);
  const tagItems = (action: 'tag' | 'untag') =>
    (tags ?? []).map((tag) => ({ key: String(tag.id), label: tag.name, onClick: () => props.onAction(action, tag.id) }));

  return (
    <div className="zg-batch-bar" data-testid="batch-bar">
      <div className="zg-batch-scope">
        <strong>
          {allMatching
            ? t('fans.batch.allMatching', { n: matchingCount === null ? '…' : n(matchingCount) })
            : t('fans.batch.selected', { n: n(selectedCount) })}
        </strong>
        {!allMatching && selectedCount >= pageCount && pageCount > 0 && (
          <Button type="link" size="small" onClick={() => props.onAllMatching(true)} data-testid="batch-all-matching">
            {t('fans.batch.selectAllMatching')}
          </Button>
        )}
        {allMatching && (
          <Button type="link" size="small" onClick={() => props.onAllMatching(false)}>
            {t('fans.batch.onlyPage')}
          </Button>
        )}
      </div>
      {job && (
        <Progress
          className="zg-batch-progress"
          size="small"
          percent={job.progress.total ? Math.round((job.progress.done / job.progress.total) * 100) : 0}
          status="active"
        />
      )}
      <Space wrap size={6}>
        <Dropdown menu={{ items: tagItems('tag') }} disabled={!!running} trigger={['click']}>
          <Button icon={<TagOutlined />} loading={running === 'tag'} data-testid="batch-tag">
            {t('fans.batch.tag')}
          </Button>
        </Dropdown>
        <Dropdown menu={{ items: tagItems('untag') }} disabled={!!running} trigger={['click']}>
          <Button icon={<TagsOutlined />} loading={running === 'untag'} data-testid="batch-untag">
            {t('fans.batch.untag')}
          </Button>
        </Dropdown>
        <Button danger icon={<StopOutlined />} loading={running === 'blacklist'} disabled={!!running} onClick={() => props.onAction('blacklist')} data-testid="batch-blacklist">
          {t('fans.batch.blacklist')}
        </Button>
        <Button icon={<UndoOutlined />} loading={running === 'unblacklist'} disabled={!!running} onClick={() => props.onAction('unblacklist')} data-testid="batch-unblacklist">
          {t('fans.batch.unblacklist')}
        </Button>
        <Button type="text" icon={<CloseOutlined />} onClick={props.onClear} aria-label={t('fans.batch.clear')} />
      </Space>
    </div>
  );
}
