import { useState } from 'react';
import { Card, ConfigProvider, Form, Segmented, Tag } from 'antd';
import { QrcodeOutlined, RightOutlined } from '@ant-design/icons';
import { useI18n } from '../../../i18n/i18n.tsx';
import { discountText, sampleMemberNo, textOnColour, zheToPercent } from '../loyalty-format.ts';
import type { ProgramValues } from './program-form.ts';
import { versioned } from './CardFields.tsx';

interface CardPreviewProps {
  accountName: string;
  logoUrl: string | null;
  logoVersion: number;
}

/**
 * The card as a fan sees it in WeChat's card wallet, following the form as it changes (any change to the
 * form's store redraws it, including the values set when the programme arrives).
 */
export function CardPreview(props: CardPreviewProps) {
  const form = Form.useFormInstance<ProgramValues>();
  return (
    <Form.Item noStyle shouldUpdate>
      {() => <CardFace {...props} values={form.getFieldsValue(true) as ProgramValues | undefined} />}
    </Form.Item>
  );
}

function CardFace({ accountName, logoUrl, logoVersion, values }: CardPreviewProps & { values: ProgramValues | undefined }) {
  const { t, language } = useI18n();
  const [levelIndex, setLevelIndex] = useState(0);
  const levels = (values?.levels ?? []).filter(Boolean);
  const level = levels[Math.min(levelIndex, Math.max(0, levels.length - 1))];
  const colour = values?.color || '#63b359';
  const ink = textOnColour(colour);
  const discount = discountText(zheToPercent(level?.payPercent), language);
  const memberNo = sampleMemberNo(values?.memberNoPrefix, values?.memberNoDigits);

  return (
    <Card variant="borderless" size="small" title={t('loyalty.preview.title')} className="zg-loyalty-preview" extra={values?.enabled ? null : <Tag>{t('loyalty.preview.off')}</Tag>}>
      <div className="zg-wxcard" style={{ background: colour, color: ink }} data-testid="loyalty-card-preview">
        <div className="zg-wxcard-top">
          <span className="zg-wxcard-logo">{logoUrl ? <img src={versioned(logoUrl, logoVersion)} alt="" /> : (accountName.slice(0, 1) || t('brand.glyph'))}</span>
          <span className="zg-wxcard-merchant">{accountName}</span>
          {level?.name && (
            <span className="zg-wxcard-level" style={{ borderColor: ink }} data-testid="loyalty-card-preview-level">
              {level.name}
            </span>
          )}
        </div>
        <div className="zg-wxcard-name" data-testid="loyalty-card-preview-name">
          {values?.cardName?.trim() || t('loyalty.preview.untitled')}
        </div>
        <div className="zg-wxcard-bottom">
          <span className="zg-wxcard-no zg-mono" data-testid="loyalty-card-preview-no">
            {memberNo}
          </span>
          <QrcodeOutlined className="zg-wxcard-qr" />
        </div>
      </div>
      <ul className="zg-wxcard-rows">
        <li>
          <span>{t('loyalty.preview.points')}</span>
          <b>0</b>
        </li>
        <li>
          <span>{t('loyalty.preview.level')}</span>
          <b>
            {level?.name || '—'}
            {discount && <em> · {discount}</em>}
          </b>
        </li>
        <li>
          <span>{t('loyalty.preview.coupons')}</span>
          <b>
            0 <RightOutlined />
          </b>
        </li>
      </ul>
      {level?.benefits?.trim() && <p className="zg-wxcard-notice">{level.benefits}</p>}
      {values?.notice?.trim() && (
        <div className="zg-wxcard-notice">
          <strong>{t('loyalty.program.notice')}</strong>
          <p>{values.notice}</p>
        </div>
      )}
      {levels.length > 1 && (
        // The level switch works in read-only forms too.
        <ConfigProvider componentDisabled={false}>
          <Segmented
            size="small"
            block
            value={Math.min(levelIndex, levels.length - 1)}
            onChange={(value) => setLevelIndex(Number(value))}
            options={levels.map((candidate, index) => ({ value: index, label: candidate.name || t('loyalty.levels.numbered', { n: index + 1 }) }))}
            className="zg-wxcard-levels"
            data-testid="loyalty-card-preview-levels"
          />
        </ConfigProvider>
      )}
    </Card>
  );
}
