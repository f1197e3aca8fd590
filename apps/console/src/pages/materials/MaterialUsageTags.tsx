import { Tag } from 'antd';
import type { MaterialUsage } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';

const USES: Array<keyof MaterialUsage> = ['rules', 'flows', 'channels', 'menus', 'news', 'broadcasts'];

export function isInUse(usage: MaterialUsage): boolean {
  return USES.some((use) => usage[use] > 0);
}

/** Where a material is used: "回复规则 2 · 菜单 · 群发 1", or "未使用". */
export function MaterialUsageTags({ usage, testId }: { usage: MaterialUsage; testId?: string }) {
  const { t } = useI18n();
  const used = USES.filter((use) => usage[use] > 0);
  return (
    <span className="zg-material-usage" data-testid={testId}>
      {used.length === 0 ? (
        <span className="zg-muted">{t('materials.usage.none')}</span>
      ) : (
        used.map((use) => (
          <Tag key={use} color="green" variant="filled">
            {use === 'menus' ? t('materials.usage.menus') : t(`materials.usage.${use}`, { n: usage[use] })}
          </Tag>
        ))
      )}
    </span>
  );
}
