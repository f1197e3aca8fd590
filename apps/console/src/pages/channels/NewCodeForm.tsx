import { useState } from 'react';
import { Button, Input, Radio, Segmented } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { QrCodeInput, QrKind, QrSceneType } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';

const DAY = 86_400;
/** Temporary codes live up to 30 days (QR_MAX_EXPIRE_SECONDS). */
const EXPIRY_DAYS = [1, 7, 30] as const;

interface CodeDraft {
  kind: QrKind;
  sceneType: QrSceneType;
  days: (typeof EXPIRY_DAYS)[number];
  label: string;
}

/** 生成二维码: permanent (printed material) or temporary (up to 30 days), with an optional label. */
export function NewCodeForm({ onCreate }: { onCreate: (input: QrCodeInput) => Promise<boolean> }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<CodeDraft>({ kind: 'permanent', sceneType: 'str', days: 30, label: '' });
  const [creating, setCreating] = useState(false);
  const set = (patch: Partial<CodeDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const submit = async () => {
    setCreating(true);
    const created = await onCreate({
      kind: draft.kind,
      sceneType: draft.sceneType,
      expireSeconds: draft.kind === 'temporary' ? draft.days * DAY : undefined,
      label: draft.label.trim() || null,
    });
    setCreating(false);
    if (created) set({ label: '' });
  };

  return (
    <div className="zg-code-new" data-testid="code-new">
      <div className="zg-code-new-row">
        <label>
          <span>{t('channels.code.kind')}</span>
          <Radio.Group
            optionType="button"
            value={draft.kind}
            onChange={(event) => set({ kind: event.target.value as QrKind })}
            options={(['permanent', 'temporary'] as const).map((kind) => ({ value: kind, label: <span data-testid={`code-kind-${kind}`}>{t(`channels.code.kind.${kind}`)}</span> }))}
          />
        </label>
        <label>
          <span>{t('channels.code.sceneType')}</span>
          <Radio.Group
            value={draft.sceneType}
            onChange={(event) => set({ sceneType: event.target.value as QrSceneType })}
            options={(['str', 'int'] as const).map((type) => ({ value: type, label: <span data-testid={`code-scene-${type}`}>{t(`channels.code.scene.${type}`)}</span> }))}
          />
        </label>
        {draft.kind === 'temporary' && (
          <label>
            <span>{t('channels.code.expiry')}</span>
            <Segmented
              value={draft.days}
              onChange={(days) => set({ days: days as CodeDraft['days'] })}
              options={EXPIRY_DAYS.map((days) => ({ value: days, label: <span data-testid={`code-expiry-${days}`}>{t('channels.code.days', { n: days })}</span> }))}
            />
          </label>
        )}
      </div>
      <div className="zg-code-new-row">
        <Input
          value={draft.label}
          onChange={(event) => set({ label: event.target.value })}
          onPressEnter={() => void submit()}
          maxLength={40}
          placeholder={t('channels.code.labelPlaceholder')}
          className="zg-code-new-label"
          data-testid="code-label"
        />
        <Button type="primary" icon={<PlusOutlined />} loading={creating} onClick={() => void submit()} data-testid="code-create">
          {t('channels.code.create')}
        </Button>
      </div>
      <p className="zg-field-help">{t(draft.kind === 'permanent' ? 'channels.code.permanentHelp' : 'channels.code.temporaryHelp')}</p>
    </div>
  );
}
