import { useEffect, useState } from 'react';
import { Button, DatePicker, Input, Select } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { FanFilter, Gender, TagView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { useDebouncedValue } from '../../hooks/use-debounced-value.ts';
import { FAN_SOURCES } from '../../components/fans/fan-sources.ts';
import type { LevelOption } from '../../data/use-loyalty-levels.ts';

interface FanFiltersProps {
  filter: FanFilter;
  onChange: (filter: FanFilter) => void;
  tags: TagView[] | undefined;
  /** The card programme's levels (empty without one). */
  levels: LevelOption[];
}

type Tri = 'any' | 'yes' | 'no';
const toTri = (value: boolean | undefined): Tri => (value === undefined ? 'any' : value ? 'yes' : 'no');
const fromTri = (value: Tri): boolean | undefined => (value === 'any' ? undefined : value === 'yes');

export function FanFilters({ filter, onChange, tags, levels }: FanFiltersProps) {
  const { t } = useI18n();
  const [q, setQ] = useState(filter.q ?? '');
  const [region, setRegion] = useState(filter.region ?? '');
  const debouncedQ = useDebouncedValue(q, 350);
  const debouncedRegion = useDebouncedValue(region.trim(), 350);
  const set = (patch: Partial<FanFilter>) => onChange({ ...filter, ...patch });

  useEffect(() => {
    if ((filter.q ?? '') !== debouncedQ) onChange({ ...filter, q: debouncedQ || undefined });
    // Only the typed text drives this effect; the other filters change through `set` at once.
  }, [debouncedQ]);
  useEffect(() => {
    if ((filter.region ?? '') !== debouncedRegion) onChange({ ...filter, region: debouncedRegion || undefined });
  }, [debouncedRegion]);

  const range: [Dayjs, Dayjs] | null =
    filter.interactedAfter && filter.interactedBefore ? [dayjs(filter.interactedAfter), dayjs(filter.interactedBefore)] : null;
  const active = Object.values(filter).some((value) => value !== undefined && value !== '');

  return (
    <div className="zg-fan-filters" data-testid="fan-filters">
      <Input
        allowClear
        prefix={<SearchOutlined className="zg-muted-icon" />}
        placeholder={t('fans.filter.search')}
        value={q}
        onChange={(event) => setQ(event.target.value)}
        className="zg-fan-filter-search"
        data-testid="fans-search"
      />
      <Select<string>
        value={filter.tag === undefined ? 'any' : String(filter.tag)}
        onChange={(value) => set({ tag: value === 'any' ? undefined : value === 'untagged' ? 'untagged' : Number(value) })}
        showSearch={{ optionFilterProp: 'label' }}
        popupMatchSelectWidth={false}
        options={[
          { value: 'any', label: t('fans.filter.anyTag') },
          { value: 'untagged', label: t('fans.filter.untagged') },
          ...(tags ?? []).map((tag) => ({ value: String(tag.id), label: tag.name })),
        ]}
        className="zg-fan-filter"
        data-testid="fans-filter-tag"
      />
      <Select<Tri>
        value={toTri(filter.subscribed)}
        onChange={(value) => set({ subscribed: fromTri(value) })}
        options={[
          { value: 'any', label: t('fans.filter.anySubscription') },
          { value: 'yes', label: t('fan.subscribed') },
          { value: 'no', label: t('fan.unsubscribed') },
        ]}
        className="zg-fan-filter"
        data-testid="fans-filter-subscribed"
      />
      <Select<string>
        value={filter.source ?? 'any'}
        onChange={(value) => set({ source: value === 'any' ? undefined : value })}
        popupMatchSelectWidth={false}
        options={[
          { value: 'any', label: t('fans.filter.anySource') },
          ...FAN_SOURCES.map((source) => ({ value: source, label: t(`fan.source.${source}`) })),
        ]}
        className="zg-fan-filter"
        data-testid="fans-filter-source"
      />
      <DatePicker.RangePicker
        value={range}
        placeholder={[t('fans.filter.interactedFrom'), t('fans.filter.interactedTo')]}
        onChange={(dates) =>
          set({
            interactedAfter: dates?.[0]?.startOf('day').toISOString(),
            interactedBefore: dates?.[1]?.endOf('day').toISOString(),
          })
        }
        disabledDate={(day) => day.isAfter(dayjs(), 'day')}
        className="zg-fan-filter-range"
        data-testid="fans-filter-interaction"
      />
      <Select<Tri>
        value={toTri(filter.blacklisted)}
        onChange={(value) => set({ blacklisted: fromTri(value) })}
        options={[
          { value: 'any', label: t('fans.filter.anyBlacklist') },
          { value: 'yes', label: t('fans.filter.blacklistedOnly') },
          { value: 'no', label: t('fans.filter.notBlacklisted') },
        ]}
        className="zg-fan-filter"
        data-testid="fans-filter-blacklisted"
      />
      <Select<Tri>
        value={toTri(filter.member)}
        // Without a card there is no level: "not a member" clears the level.
        onChange={(value) => set({ member: fromTri(value), levelId: value === 'no' ? undefined : filter.levelId })}
        options={[
          { value: 'any', label: t('fans.filter.anyMember') },
          { value: 'yes', label: t('fans.filter.members') },
          { value: 'no', label: t('fans.filter.nonMembers') },
        ]}
        className="zg-fan-filter"
        data-testid="fans-filter-member"
      />
      {levels.length > 0 && (
        <Select<number | 'any'>
          value={filter.levelId ?? 'any'}
          onChange={(value) => set(value === 'any' ? { levelId: undefined } : { levelId: value, member: filter.member === false ? undefined : filter.member })}
          popupMatchSelectWidth={false}
          options={[{ value: 'any', label: t('fans.filter.anyLevel') }, ...levels.map((level) => ({ value: level.id, label: level.name }))]}
          className="zg-fan-filter"
          data-testid="fans-filter-level"
        />
      )}
      <Select<Gender | 'any'>
        value={filter.gender ?? 'any'}
        onChange={(value) => set({ gender: value === 'any' ? undefined : value })}
        options={[
          { value: 'any', label: t('fans.filter.anyGender') },
          { value: 'male', label: t('loyalty.gender.male') },
          { value: 'female', label: t('loyalty.gender.female') },
        ]}
        className="zg-fan-filter"
        data-testid="fans-filter-gender"
      />
      <Input
        allowClear
        placeholder={t('fans.filter.region')}
        maxLength={40}
        value={region}
        onChange={(event) => setRegion(event.target.value)}
        className="zg-fan-filter-region"
        data-testid="fans-filter-region"
      />
      {active && (
        <Button
          type="link"
          onClick={() => {
            setQ('');
            setRegion('');
            onChange({});
          }}
        >
          {t('fans.filter.reset')}
        </Button>
      )}
    </div>
  );
}
