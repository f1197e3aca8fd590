import { useEffect, useRef } from 'react';
import { Alert } from 'antd';
import dayjs from 'dayjs';
import type { ConnectionTestResult } from '@zhanggui/shared';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';

// Plain-words next steps for WeChat's most common answers to a token request.
const HINTS: Record<number, MessageKey> = {
  40164: 'wizard.hint.40164',
  40125: 'wizard.hint.40125',
  40001: 'wizard.hint.40125',
  40013: 'wizard.hint.40013',
  89503: 'wizard.hint.40164',
  61004: 'wizard.hint.40164',
};

/** The outcome of "test connection": WeChat's words (from the server) plus what to do about it. */
export function ConnectionTestAlert({ result }: { result: ConnectionTestResult }) {
  const anchor = useRef<HTMLDivElement>(null);
  // The result appears below the fold on small screens; bring it into view.
  // (Block body: newer browsers return a Promise from scrollIntoView, which React would take for a cleanup.)
  useEffect(() => {
    anchor.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [result]);
  return (
    <div ref={anchor} className="zg-test-result">
      <ResultAlert result={result} />
    </div>
  );
}

function ResultAlert({ result }: { result: ConnectionTestResult }) {
  const { t } = useI18n();
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="connection-test-result"
        data-ok="true"
        title={t('wizard.test.ok')}
        description={
          <>
            <div>{t('wizard.test.tokenUntil', { time: dayjs(result.tokenExpiresAt).format('HH:mm:ss') })}</div>
            {result.callbackIps.length > 0 && (
              <div>
                {t('wizard.test.callbackIps')} <span className="zg-mono">{result.callbackIps.slice(0, 6).join(', ')}{result.callbackIps.length > 6 ? ' …' : ''}</span>
              </div>
            )}
          </>
        }
      />
    );
  }
  const { errcode, message } = result.error;
  const hint = errcode !== undefined ? HINTS[errcode] : undefined;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="connection-test-result"
      data-ok="false"
      title={errcode !== undefined ? t('wizard.test.failedCode', { code: errcode }) : t('wizard.test.failed')}
      description={
        <>
          <div>{message}</div>
          {hint && <div className="zg-hint">{t(hint)}</div>}
        </>
      }
    />
  );
}
