import { Card, Progress } from 'antd';
import { Link } from 'react-router-dom';
import type { ProgramView } from '@zhanggui/shared';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import { useAccount } from '../../../session/account-context.tsx';
import { CopyField } from '../../../components/CopyField.tsx';

/** Where fans find their card (the member centre's address, for a menu button) and how many hold one. */
export function CentreCard({ view }: { view: ProgramView }) {
  const { t, language } = useI18n();
  const { account, can } = useAccount();
  const total = view.memberCount;
  return (
    <>
      <Card variant="borderless" size="small" title={t('loyalty.centre.title')} className="zg-loyalty-preview">
        <CopyField value={view.centreUrl} label={t('loyalty.centre.url')} testId="loyalty-centre-url" />
        <p className="zg-field-help">
          {t('loyalty.centre.help')}
          {can('menus.edit') && (
            <>
              {' '}
              <Link to={`/accounts/${account.id}/menus`}>{t('loyalty.centre.openMenus')}</Link>
            </>
          )}
        </p>
      </Card>
      <Card
        variant="borderless"
        size="small"
        title={t('loyalty.centre.members')}
        extra={
          <Link to={`/accounts/${account.id}/members`} data-testid="loyalty-member-total">
            {t('loyalty.centre.memberTotal', { n: formatNumber(total, language) })}
          </Link>
        }
        className="zg-loyalty-preview"
      >
        <ul className="zg-level-counts" data-testid="loyalty-level-counts">
          {view.levels.map((level) => (
            <li key={level.id}>
              <span>{level.name}</span>
              <Progress percent={total ? Math.round((level.members / total) * 100) : 0} showInfo={false} size="small" strokeColor="#07b05a" />
              <b>{formatNumber(level.members, language)}</b>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
