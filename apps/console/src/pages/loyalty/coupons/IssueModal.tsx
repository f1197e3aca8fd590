import { useState } from 'react';
import { Alert, Button, Input, Modal, Result, Table } from 'antd';
import type { CouponTemplateView, IssueResult } from '@zhanggui/shared';
import { couponTemplatesApi } from '../../../api/loyalty.api.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import { useAccount } from '../../../session/account-context.tsx';
import { useErrorText } from '../../../hooks/use-error-text.ts';

const MAX_OPENIDS = 1000;

/** One openid a line (commas and spaces work too); each once. */
export function parseOpenids(text: string): string[] {
  return [...new Set(text.split(/[\s,，;；]+/).map((openid) => openid.trim()).filter(Boolean))];
}

interface IssueModalProps {
  template: CouponTemplateView | null;
  onClose: () => void;
  /** Coupons went out: the stock changed. */
  onIssued: () => void;
}

/** 手动发放: gives this coupon to the fans listed; each one refused (stock, limit, unknown fan) says why. */
export function IssueModal({ template, onClose, onIssued }: IssueModalProps) {
  const { t, language } = useI18n();
  const { account } = useAccount();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<IssueResult | null>(null);
  const openids = parseOpenids(text);
  const tooMany = openids.length > MAX_OPENIDS;

  const close = () => {
    setText('');
    setFailure(null);
    setResult(null);
    onClose();
  };
  const issue = async () => {
    if (!template || !openids.length || tooMany) return;
    setBusy(true);
    setFailure(null);
    try {
      setResult(await couponTemplatesApi.issue(account.id, template.id, openids));
      onIssued();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={template !== null}
      title={template ? t('loyalty.issue.title', { name: template.name }) : ''}
      onCancel={close}
      width={640}
      destroyOnHidden
      footer={
        result ? (
          <Button type="primary" onClick={close} data-testid="coupon-issue-done">
            {t('loyalty.issue.done')}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="primary" loading={busy} disabled={!openids.length || tooMany} onClick={() => void issue()} data-testid="coupon-issue-submit">
              {t('loyalty.issue.submit', { n: formatNumber(openids.length, language) })}
            </Button>
          </>
        )
      }
      data-testid="coupon-issue-modal"
    >
      {result ? (
        <IssueOutcome result={result} />
      ) : (
        <>
          {failure && <Alert type="error" showIcon title={failure} className="zg-modal-alert" data-testid="coupon-issue-error" />}
          {template && template.remaining !== null && (
            <p className="zg-field-help">{t('loyalty.issue.remaining', { n: formatNumber(template.remaining, language), limit: template.perFanLimit })}</p>
          )}
          <Input.TextArea
            value={text}
            onChange={(event) => setText(event.target.value)}
            autoSize={{ minRows: 6, maxRows: 14 }}
            placeholder={t('loyalty.issue.placeholder')}
            className="zg-mono"
            data-testid="coupon-issue-openids"
          />
          <p className={tooMany ? 'zg-field-help zg-text-danger' : 'zg-field-help'} data-testid="coupon-issue-count">
            {tooMany ? t('loyalty.issue.tooMany', { max: MAX_OPENIDS }) : t('loyalty.issue.count', { n: formatNumber(openids.length, language) })}
          </p>
        </>
      )}
    </Modal>
  );
}

function IssueOutcome({ result }: { result: IssueResult }) {
  const { t, language } = useI18n();
  const issued = result.issued.length;
  const refused = result.refused.length;
  return (
    <div data-testid="coupon-issue-result">
      <Result
        status={issued === 0 ? 'warning' : refused ? 'info' : 'success'}
        title={<span data-testid="coupon-issue-issued">{t('loyalty.issue.issued', { n: formatNumber(issued, language) })}</span>}
        subTitle={refused ? t('loyalty.issue.refused', { n: formatNumber(refused, language) }) : undefined}
        className="zg-issue-result"
      />
      {refused > 0 && (
        <Table
          rowKey={(row) => `${row.openid}:${row.code}`}
          size="small"
          pagination={result.refused.length > 8 ? { pageSize: 8, showSizeChanger: false } : false}
          dataSource={result.refused}
          columns={[
            { key: 'openid', title: 'OpenID', render: (_, row) => <span className="zg-mono">{row.openid}</span> },
            { key: 'message', title: t('loyalty.issue.reason'), render: (_, row) => <span title={row.code}>{row.message}</span> },
          ]}
          data-testid="coupon-issue-refused"
        />
      )}
    </div>
  );
}
