import { useRef, useState, type KeyboardEvent } from 'react';
import { Alert, App, Button, Input, Tooltip } from 'antd';
import { PictureOutlined, SendOutlined } from '@ant-design/icons';
import type { MessageView, ReplyWindow } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { useNotifyError } from '../../hooks/use-error-text.ts';
import { useNow } from '../../hooks/use-now.ts';
import { windowStatus } from './reply-window.ts';
import { CannedPicker } from './CannedPicker.tsx';

interface ComposerProps {
  fanId: number;
  accountId: number;
  window: ReplyWindow;
  canReply: boolean;
  onSendText: (content: string) => Promise<MessageView>;
  onSendImage: (file: File) => Promise<MessageView>;
}

// Drafts survive switching between conversations (not reloads).
const drafts = new Map<number, string>();
const IMAGE_TYPES = 'image/jpeg,image/png';
const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

export function Composer({ fanId, accountId, window, canReply, onSendText, onSendImage }: ComposerProps) {
  const { t } = useI18n();
  const notifyError = useNotifyError();
  const { message: toast } = App.useApp();
  const [text, setText] = useState(() => drafts.get(fanId) ?? '');
  const [sending, setSending] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const status = windowStatus(window, useNow(1000));
  // Why sending is not possible right now (read-only role, window closed or used up); null when it is.
  const blockedReason = !canReply
    ? t('inbox.composer.readOnly')
    : status.reason && ('text' in status.reason ? status.reason.text : t(status.reason.key));
  const disabled = blockedReason !== null;

  const change = (value: string) => {
    setText(value);
    drafts.set(fanId, value);
  };

  const run = async (send: () => Promise<MessageView>, onSent?: () => void) => {
    setSending(true);
    try {
      const message = await send();
      onSent?.();
      if (message.status === 'failed') void toast.error(message.error?.message ?? t('message.failed'));
    } catch (error) {
      notifyError(error);
    } finally {
      setSending(false);
    }
  };

  const sendText = () => {
    const content = text.trim();
    if (!content || sending || disabled) return;
    void run(() => onSendText(content), () => change(''));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends, Shift+Enter breaks the line; never while an IME (pinyin) is composing.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      sendText();
    }
  };

  const pickImage = (file: File | undefined) => {
    if (fileInput.current) fileInput.current.value = '';
    if (!file) return;
    if (!IMAGE_TYPES.split(',').includes(file.type) || file.size > MAX_IMAGE_BYTES) {
      void toast.warning(t('inbox.composer.imageRule'));
      return;
    }
    void run(() => onSendImage(file));
  };

  return (
    <div className="zg-composer" data-testid="composer">
      {disabled && <Alert type="warning" showIcon title={blockedReason} className="zg-composer-blocked" data-testid="composer-blocked" />}
      <div className="zg-composer-tools">
        <Tooltip title={t('inbox.composer.image')}>
          <Button type="text" icon={<PictureOutlined />} disabled={disabled || sending} onClick={() => fileInput.current?.click()} data-testid="composer-image" />
        </Tooltip>
        <input ref={fileInput} type="file" accept={IMAGE_TYPES} hidden onChange={(event) => pickImage(event.target.files?.[0])} data-testid="composer-image-input" />
        <CannedPicker accountId={accountId} disabled={disabled} onPick={(content) => change(text ? `${text}\n${content}` : content)} />
      </div>
      <Input.TextArea
        value={text}
        onChange={(event) => change(event.target.value)}
        onKeyDown={onKeyDown}
        disabled={disabled}
        variant="borderless"
        autoSize={{ minRows: 3, maxRows: 8 }}
        placeholder={disabled ? '' : t('inbox.composer.placeholder')}
        data-testid="composer-input"
      />
      <div className="zg-composer-foot">
        <span className="zg-composer-hint">{disabled ? '' : t('inbox.composer.hint')}</span>
        <Button type="primary" icon={<SendOutlined />} loading={sending} disabled={disabled || !text.trim()} onClick={sendText} data-testid="composer-send">
          {t('inbox.composer.send')}
        </Button>
      </div>
    </div>
  );
}
