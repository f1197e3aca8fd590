import { useState } from 'react';
import { Select } from 'antd';
import type { FanView } from '@zhanggui/shared';
import { fansApi } from '../../api/fans.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useDebouncedValue } from '../../hooks/use-debounced-value.ts';
import { useResource } from '../../hooks/use-resource.ts';
import './fans.css';

interface FanPickerProps {
  accountId: number;
  value: FanView | null;
  onChange: (fan: FanView | null) => void;
  testId?: string;
}

/** A following fan, searched by remark or openid; the most recently active come first. */
export function FanPicker({ accountId, value, onChange, testId = 'preview-fan' }: FanPickerProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const fans = useResource((signal) => fansApi.list(accountId, { subscribed: true, q: q || undefined }, null, 20, signal), [accountId, q]);
  const options = fans.data?.items ?? [];
  const byId = new Map(options.map((fan) => [fan.id, fan]));
  if (value) byId.set(value.id, value);

  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value?.id}
      placeholder={t('preview.send.fanPlaceholder')}
      loading={fans.loading}
      notFoundContent={fans.loading ? undefined : t('preview.send.noFans')}
      onChange={(id) => onChange(id === undefined ? null : (byId.get(id) ?? null))}
      options={[...byId.values()].map((fan) => ({
        value: fan.id,
        label: (
          <span className="zg-fan-option">
            {fan.displayName}
            <small className="zg-mono zg-muted">{fan.openid}</small>
          </span>
        ),
      }))}
      className="zg-full-width"
      data-testid={testId}
    />
  );
}
