import { Descriptions } from 'antd';
import { ArrowRightOutlined, InfoCircleOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { RuleTestResult } from '@zhanggui/shared';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';

/** 420 微秒, 1.35 毫秒. */
function formatMicros(micros: number, t: Translate): string {
  return micros < 1000 ? t('tester.micros', { n: Math.round(micros) }) : t('tester.millis', { n: (micros / 1000).toFixed(2) });
}

/** Which rule or flow step decided the answer, the keyword and its argument, and the server's notes. */
export function TesterResult({ result, onOpenRule }: { result: RuleTestResult; onOpenRule: (ruleId: number) => void }) {
  const { t } = useI18n();
  const { rule, flow } = result;
  const items = [
    {
      key: 'source',
      label: t('tester.source'),
      children: (
        <span className={`zg-trigger zg-source--${result.source}`} data-testid="tester-source" data-source={result.source}>
          {t(`tester.source.${result.source}`)}
        </span>
      ),
    },
    ...(rule
      ? [
          {
            key: 'rule',
            label: t('tester.rule'),
            children: (
              <button type="button" className="zg-link-button" onClick={() => onOpenRule(rule.id)} data-testid="tester-rule">
                {rule.name}
              </button>
            ),
          },
        ]
      : []),
    ...(rule?.keyword
      ? [
          {
            key: 'keyword',
            label: t('tester.keyword'),
            children: (
              <span className={`zg-kw zg-kw--${rule.keyword.match}`}>
                <em>{t(`rules.match.${rule.keyword.match}`)}</em>
                <span>{rule.keyword.text}</span>
              </span>
            ),
          },
        ]
      : []),
    ...(rule && rule.argument // an exact keyword has no argument worth a row
      ? [{ key: 'argument', label: t('tester.argument'), children: <code className="zg-tester-arg" data-testid="tester-argument">{rule.argument}</code> }]
      : []),
    ...(flow
      ? [
          {
            key: 'flow',
            label: t('tester.flow'),
            children: (
              <span data-testid="tester-flow">
                <strong>{flow.name}</strong> · <span className="zg-mono">{flow.step}</span> <ArrowRightOutlined className="zg-muted-icon" />{' '}
                {flow.ended ? t('tester.flowEnded') : <span className="zg-mono">{flow.nextStep ?? flow.step}</span>}
              </span>
            ),
          },
        ]
      : []),
    {
      key: 'time',
      label: t('tester.time'),
      children: (
        <span className="zg-tester-time" data-testid="tester-time">
          <ThunderboltOutlined /> {formatMicros(result.micros, t)}
        </span>
      ),
    },
  ];

  return (
    <div className="zg-tester-result" data-testid="tester-result">
      <Descriptions size="small" column={1} bordered items={items} />
      {result.notes.length > 0 && (
        <ul className="zg-tester-notes" data-testid="tester-notes">
          {result.notes.map((note, index) => (
            <li key={index}>
              <InfoCircleOutlined /> {note}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
