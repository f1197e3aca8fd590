import { Fragment, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Button } from 'antd';
import { ArrowDownOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { MessageView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { MessageItem } from './MessageItem.tsx';
import './messages.css';

interface MessageTimelineProps {
  messages: MessageView[];
  hasEarlier: boolean;
  loadingEarlier: boolean;
  onLoadEarlier: () => void;
  testId?: string;
}

const NEAR_BOTTOM_PX = 120;

/**
 * Oldest → newest with day separators. Sticks to the bottom as messages arrive unless the operator has
 * scrolled up to read; then a pill offers to jump down. Loading earlier messages keeps the view still.
 */
export function MessageTimeline({ messages, hasEarlier, loadingEarlier, onLoadEarlier, testId }: MessageTimelineProps) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const stuck = useRef(true);
  const firstId = useRef<number | undefined>(undefined);
  const heightBefore = useRef(0);
  const [newBelow, setNewBelow] = useState(false);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const oldestChanged = firstId.current !== undefined && messages[0]?.id !== firstId.current;
    if (oldestChanged && !stuck.current) {
      // Earlier messages were prepended: keep what the operator was looking at in place.
      element.scrollTop += element.scrollHeight - heightBefore.current;
    } else if (stuck.current) {
      element.scrollTop = element.scrollHeight;
    } else {
      setNewBelow(true);
    }
    firstId.current = messages[0]?.id;
    heightBefore.current = element.scrollHeight;
  }, [messages]);

  // Images load after the layout pass and push the newest message down: follow them while stuck.
  useEffect(() => {
    const element = content.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      const outer = scroller.current;
      if (outer && stuck.current) outer.scrollTop = outer.scrollHeight;
      if (outer) heightBefore.current = outer.scrollHeight;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    stuck.current = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
    heightBefore.current = element.scrollHeight;
    if (stuck.current) setNewBelow(false);
  };

  const jumpDown = () => {
    const element = scroller.current;
    if (element) element.scrollTo({ top: element.scrollHeight, behavior: 'smooth' });
    setNewBelow(false);
  };

  return (
    <div className="zg-timeline-wrap">
      <div className="zg-timeline" ref={scroller} onScroll={onScroll} data-testid={testId}>
        <div className="zg-timeline-content" ref={content}>
          {hasEarlier && (
            <div className="zg-timeline-earlier">
              <Button size="small" type="text" loading={loadingEarlier} onClick={onLoadEarlier} data-testid="load-earlier">
                {t('message.loadEarlier')}
              </Button>
            </div>
          )}
          {messages.map((message, index) => {
            const previous = messages[index - 1];
            const newDay = !previous || !dayjs(previous.at).isSame(message.at, 'day');
            return (
              <Fragment key={message.id}>
                {newDay && <div className="zg-timeline-day">{dayLabel(message.at, t)}</div>}
                <MessageItem message={message} />
              </Fragment>
            );
          })}
        </div>
      </div>
      {newBelow && (
        <button type="button" className="zg-timeline-new" onClick={jumpDown}>
          <ArrowDownOutlined /> {t('message.newBelow')}
        </button>
      )}
    </div>
  );
}

function dayLabel(at: string, t: ReturnType<typeof useI18n>['t']): string {
  const day = dayjs(at);
  if (day.isSame(dayjs(), 'day')) return t('message.today');
  if (day.isSame(dayjs().subtract(1, 'day'), 'day')) return t('message.yesterday');
  return day.format(day.isSame(dayjs(), 'year') ? 'MM-DD dddd' : 'YYYY-MM-DD');
}
