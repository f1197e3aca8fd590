import { useId, type KeyboardEvent } from 'react';

export interface TabItem<K extends string> {
  key: K;
  label: string;
  /** A count after the label, e.g. 可使用 (3). */
  count?: number;
}

interface TabsProps<K extends string> {
  items: ReadonlyArray<TabItem<K>>;
  active: K;
  onChange: (key: K) => void;
  label: string;
}

/** A WeUI navbar: tabs with a green underline; arrow keys move between them. */
export function Tabs<K extends string>({ items, active, onChange, label }: TabsProps<K>) {
  const baseId = useId();
  const move = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = items[(index + step + items.length) % items.length];
    if (next) onChange(next.key);
  };
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {items.map((item, index) => (
        <button
          key={item.key}
          type="button"
          role="tab"
          id={`${baseId}-${item.key}`}
          aria-selected={item.key === active}
          tabIndex={item.key === active ? 0 : -1}
          className={`tab${item.key === active ? ' tab-active' : ''}`}
          onClick={() => onChange(item.key)}
          onKeyDown={(event) => move(event, index)}
          data-testid={`tab-${item.key}`}
        >
          {item.label}
          {item.count !== undefined && item.count > 0 && <span className="tab-count">{item.count}</span>}
        </button>
      ))}
    </div>
  );
}
