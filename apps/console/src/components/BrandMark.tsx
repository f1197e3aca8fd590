import { useI18n } from '../i18n/i18n.tsx';

/** The logo: a green tile with 掌 and the product name beside it. */
export function BrandMark({ compact }: { compact?: boolean }) {
  const { t } = useI18n();
  return (
    <div className={`zg-brand${compact ? ' zg-brand--compact' : ''}`}>
      <span className="zg-brand-tile" aria-hidden>
        {t('brand.glyph')}
      </span>
      {!compact && (
        <span className="zg-brand-text">
          <strong>{t('brand.name')}</strong>
          <small>{t('brand.tagline')}</small>
        </span>
      )}
    </div>
  );
}
