import { Tooltip } from 'antd';
import type { RuleView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';

const SHOWN = 6;

/** A rule's condition at a glance: its keywords with their match type, or the message types it answers. */
export function RuleKeywords({ rule }: { rule: RuleView }) {
  const { t } = useI18n();
  if (rule.trigger === 'message_type') {
    return (
      <span className="zg-rule-keywords">
        {rule.messageTypes.map((type) => (
          <span key={type} className="zg-kw">
            {t(`rules.inbound.${type}`)}
          </span>
        ))}
      </span>
    );
  }
  if (rule.trigger !== 'keyword') return <span className="zg-muted">—</span>;
  const hidden = rule.keywords.slice(SHOWN);
  return (
    <span className="zg-rule-keywords">
      {rule.keywords.slice(0, SHOWN).map((keyword, index) => (
        <span key={index} className={`zg-kw zg-kw--${keyword.match}`}>
          <em>{t(`rules.match.${keyword.match}`)}</em>
          <span className={keyword.match === 'regex' ? 'zg-mono' : undefined}>{keyword.text}</span>
        </span>
      ))}
      {hidden.length > 0 && (
        <Tooltip title={hidden.map((keyword) => keyword.text).join(' · ')}>
          <span className="zg-kw zg-kw--more">+{hidden.length}</span>
        </Tooltip>
      )}
    </span>
  );
}
