import { useEffect, useRef } from 'react';
import type { PointsEntry } from '@zhanggui/shared';
import { fanApi } from '../../api.ts';
import { errorMessage } from '../../api-error.ts';
import { Empty, ErrorState, Loading } from '../../components/PageState.tsx';
import { formatDateTime } from '../../format.ts';
import { useAccountId } from '../../hooks/use-account-id.ts';
import { useCursorList } from '../../hooks/use-cursor-list.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { text } from '../../text.ts';

/** 积分明细: every change to the balance, newest first, loading more as the fan scrolls. */
export function PointsPage() {
  const accountId = useAccountId();
  useDocumentTitle(text.titles.points);
  const list = useCursorList((cursor, signal) => fanApi.points(accountId, cursor, signal), [accountId]);

  if (list.loading) return <Loading />;
  if (list.error && list.items.length === 0) return <ErrorState error={list.error} onRetry={list.retry} />;
  if (list.items.length === 0) return <Empty label={text.points.empty} />;
  return (
    <main className="page">
      <ul className="cells cells-list" aria-label={text.titles.points}>
        {list.items.map((entry) => (
          <PointsRow key={entry.id} entry={entry} />
        ))}
      </ul>
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} error={list.error} onLoadMore={list.loadMore} />
    </main>
  );
}

function PointsRow({ entry }: { entry: PointsEntry }) {
  const earned = entry.delta > 0;
  return (
    <li className="cell points-row" data-testid="points-entry">
      <span className="cell-body">
        <span className="cell-label">{entry.note}</span>
        <span className="cell-desc">{formatDateTime(entry.createdAt)}</span>
      </span>
      <span className="points-amounts">
        <span className={earned ? 'points-delta points-plus' : 'points-delta'}>{earned ? `+${entry.delta}` : entry.delta}</span>
        <span className="cell-desc">{text.points.balanceAfter(entry.balance)}</span>
      </span>
    </li>
  );
}

interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  onLoadMore: () => void;
}

/** The foot of a growing list: loads the next page when it scrolls into view, or on a tap. */
function LoadMore({ hasMore, loading, error, onLoadMore }: LoadMoreProps) {
  const footRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const foot = footRef.current;
    if (!foot || !hasMore || error || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onLoadMore();
    });
    observer.observe(foot);
    return () => observer.disconnect();
  }, [hasMore, error, onLoadMore]);

  if (!hasMore) return <p className="list-foot">{text.common.noMore}</p>;
  return (
    <div className="list-foot" ref={footRef}>
      {error !== undefined && <p className="error-text">{errorMessage(error)}</p>}
      <button type="button" className="btn-link" onClick={onLoadMore} disabled={loading} data-testid="load-more">
        {loading ? text.common.loadingMore : text.common.loadMore}
      </button>
    </div>
  );
}
