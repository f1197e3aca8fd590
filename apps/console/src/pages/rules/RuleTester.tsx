import { useState } from 'react';
import { Alert, Button, Card, Input, InputNumber, Segmented, Space } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useErrorText } from '../../hooks/use-error-text.ts';
import { PhonePreview } from '../../components/replies/PhonePreview.tsx';
import { useRuleTester } from './use-rule-tester.ts';
import { DEFAULT_TESTER_VALUES, TESTER_KINDS, testerInput, type TesterValues } from './tester-input.ts';
import { TesterResult } from './TesterResult.tsx';
import { testerPhoneItems } from './tester-phone.ts';

/** 测试回复: send any message as a fan would, see which rule or flow step answers and exactly what the fan gets. */
export function RuleTester({ onOpenRule }: { onOpenRule: (ruleId: number) => void }) {
  const { t } = useI18n();
  const { account } = useAccount();
  const errorText = useErrorText();
  const tester = useRuleTester(account.id);
  const [values, setValues] = useState<TesterValues>(DEFAULT_TESTER_VALUES);
  const set = (patch: Partial<TesterValues>) => setValues((current) => ({ ...current, ...patch }));
  const ready = values.kind !== 'text' || values.content.trim() !== '';
  const run = () => {
    if (ready) void tester.test(testerInput(values));
  };

  return (
    <div className="zg-tester" data-testid="rule-tester">
      <Card variant="borderless" className="zg-tester-main">
        <p className="zg-tester-intro">{t('tester.intro')}</p>
        <Segmented
          value={values.kind}
          onChange={(kind) => set({ kind })}
          options={TESTER_KINDS.map((kind) => ({ value: kind, label: <span data-testid={`tester-kind-${kind}`}>{t(`tester.kind.${kind}`)}</span> }))}
          className="zg-tester-kinds"
        />
        {values.kind === 'text' && (
          <Space.Compact className="zg-tester-text" block>
            <Input
              value={values.content}
              onChange={(event) => set({ content: event.target.value })}
              onPressEnter={run}
              placeholder={t('tester.placeholder')}
              maxLength={600}
              size="large"
              allowClear
              data-testid="tester-content"
            />
            <Button type="primary" size="large" icon={<SendOutlined />} loading={tester.running} disabled={!ready} onClick={run} data-testid="tester-submit">
              {t('tester.send')}
            </Button>
          </Space.Compact>
        )}
        {values.kind === 'location' && (
          <div className="zg-tester-location">
            <label>
              <span>{t('stores.latitude')}</span>
              <InputNumber value={values.latitude} onChange={(latitude) => set({ latitude })} min={-90} max={90} step={0.0001} precision={6} data-testid="tester-lat" />
            </label>
            <label>
              <span>{t('stores.longitude')}</span>
              <InputNumber value={values.longitude} onChange={(longitude) => set({ longitude })} min={-180} max={180} step={0.0001} precision={6} data-testid="tester-lng" />
            </label>
            <label className="zg-grow">
              <span>{t('tester.locationLabel')}</span>
              <Input value={values.label} onChange={(event) => set({ label: event.target.value })} placeholder={t('tester.locationLabelPlaceholder')} />
            </label>
          </div>
        )}
        <div className="zg-tester-footer">
          <label className="zg-tester-openid">
            <span>{t('tester.openid')}</span>
            <Input value={values.openid} onChange={(event) => set({ openid: event.target.value })} placeholder={t('tester.openidPlaceholder')} allowClear className="zg-mono" data-testid="tester-openid" />
          </label>
          {values.kind !== 'text' && (
            <Button type="primary" icon={<SendOutlined />} loading={tester.running} onClick={run} data-testid="tester-submit">
              {t('tester.send')}
            </Button>
          )}
        </div>
        <p className="zg-field-help">{t('tester.openidHelp')}</p>
        {tester.run?.error !== undefined && tester.run.error !== null && (
          <Alert type="error" showIcon title={errorText(tester.run.error)} className="zg-page-alert" data-testid="tester-error" />
        )}
        {tester.run?.result && <TesterResult result={tester.run.result} onOpenRule={onOpenRule} />}
        {!tester.run && <div className="zg-tester-empty">{t('tester.empty')}</div>}
      </Card>
      <aside className="zg-tester-phone">
        <PhonePreview title={account.name} items={tester.run ? testerPhoneItems(tester.run, account.name, t) : []} empty={t('tester.phoneEmpty')} testId="tester-preview" />
      </aside>
    </div>
  );
}
