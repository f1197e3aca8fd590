import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, Space, Tag } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import type { MenuTryMatchResult } from '@zhanggui/shared';
import { menusApi } from '../../api/menus.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useErrorText } from '../../hooks/use-error-text.ts';
import { MenuPhone } from './MenuPhone.tsx';

type Run = { openid: string; result: MenuTryMatchResult | null; error: unknown };

/** 哪个菜单？ WeChat's trymatch: the menu a fan sees right now (the published menus, not the draft). */
export function MenuTryMatch() {
  const { t } = useI18n();
  const { account } = useAccount();
  const errorText = useErrorText();
  const [openid, setOpenid] = useState('');
  const [running, setRunning] = useState(false);
  const [run, setRun] = useState<Run | null>(null);
  const [runs, setRuns] = useState(0);

  const test = async () => {
    const value = openid.trim();
    if (!value) return;
    setRunning(true);
    try {
      setRun({ openid: value, result: await menusApi.tryMatch(account.id, value), error: null });
    } catch (error) {
      setRun({ openid: value, result: null, error });
    } finally {
      setRunning(false);
      setRuns((n) => n + 1);
    }
  };

  const result = run?.result;
  return (
    <div className="zg-menu-try" data-testid="menu-trymatch">
      <Card variant="borderless">
        <p className="zg-menu-try-intro">{t('menus.try.intro')}</p>
        <Space.Compact block>
          <Input
            value={openid}
            onChange={(event) => setOpenid(event.target.value)}
            onPressEnter={() => void test()}
            placeholder={t('menus.try.placeholder')}
            allowClear
            className="zg-mono"
            data-testid="menu-trymatch-openid"
          />
          <Button type="primary" icon={<AimOutlined />} loading={running} disabled={!openid.trim()} onClick={() => void test()} data-testid="menu-trymatch-submit">
            {t('menus.try.run')}
          </Button>
        </Space.Compact>
        <p className="zg-field-help">{t('menus.try.help')}</p>
        {run?.error ? <Alert type="error" showIcon title={errorText(run.error)} className="zg-page-alert" data-testid="menu-trymatch-error" /> : null}
        {result && (
          <Descriptions
            column={1}
            size="small"
            className="zg-menu-try-result"
            data-testid="menu-trymatch-result"
            items={[
              { key: 'openid', label: 'OpenID', children: <span className="zg-mono">{result.openid}</span> },
              {
                key: 'menu',
                label: t('menus.try.matched'),
                children: (
                  <Tag color={result.matched ? 'green' : 'default'} data-testid="menu-trymatch-matched">
                    {result.matched ? t('menus.path.conditional', { name: result.matched.name }) : t('menus.default')}
                  </Tag>
                ),
              },
              { key: 'buttons', label: t('menus.try.buttons'), children: result.buttons.length ? result.buttons.map((button) => button.name).join(' · ') : t('menus.phone.noMenu') },
            ]}
          />
        )}
        {!run && <div className="zg-menu-try-empty">{t('menus.try.empty')}</div>}
      </Card>
      <aside>
        <MenuPhone key={runs} buttons={result?.buttons ?? []} showActions={false} size="small" testId="menu-trymatch-phone" />
      </aside>
    </div>
  );
}
