import { useMemo, useState } from 'react';
import { Button, Empty, Input, Popover, Spin, Tooltip } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCannedReplies } from '../../data/use-canned-replies.ts';

interface CannedPickerProps {
  accountId: number;
  disabled: boolean;
  onPick: (content: string) => void;
}

/** Quick replies (快捷回复): pick one to put its text in the composer, where it can still be edited. */
export function CannedPicker({ accountId, disabled, onPick }: CannedPickerProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const { data, loading } = useCannedReplies(accountId);
  const replies = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (data ?? []).filter((reply) => !needle || `${reply.title} ${reply.content}`.toLowerCase().includes(needle));
  }, [data, filter]);

  const content = (
    <div className="zg-canned">
      <Input size="small" allowClear placeholder={t('inbox.canned.search')} value={filter} onChange={(event) => setFilter(event.target.value)} />
      <div className="zg-canned-list">
        {loading && !data && <Spin size="small" />}
        {data && replies.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.canned.empty')} />}
        {replies.map((reply) => (
          <button
            key={reply.id}
            type="button"
            className="zg-canned-item"
            data-testid={`canned-${reply.id}`}
            onClick={() => {
              onPick(reply.content);
              setOpen(false);
            }}
          >
            <strong>{reply.title}</strong>
            <span>{reply.content}</span>
          </button>
        ))}
      </div>
    </div>
  );

  return (
    <Popover open={open && !disabled} onOpenChange={setOpen} trigger="click" placement="topLeft" content={content} title={t('inbox.canned.title')}>
      <Tooltip title={open ? undefined : t('inbox.canned.title')}>
        <Button type="text" icon={<ThunderboltOutlined />} disabled={disabled} data-testid="composer-canned" />
      </Tooltip>
    </Popover>
  );
}
