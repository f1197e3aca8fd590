import { useEffect, useId, useRef } from 'react';
import { text } from '../text.ts';
import { useEscape } from './use-escape.ts';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  body: string;
  confirmLabel?: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** WeUI's dialog: a question with 取消 and a green confirm, over a dimmed page. */
export function ConfirmDialog({ open, title, body, confirmLabel = text.common.confirm, busy = false, onConfirm, onCancel }: ConfirmDialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEscape(open, onCancel);
  useEffect(() => {
    if (open) confirmRef.current?.focus();
  }, [open]);
  if (!open) return null;

  return (
    <div className="mask" onClick={onCancel}>
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onClick={(event) => event.stopPropagation()}
      >
        <h2 className="dialog-title" id={titleId}>
          {title}
        </h2>
        <p className="dialog-body" id={bodyId}>
          {body}
        </p>
        <div className="dialog-actions">
          <button type="button" className="dialog-button" onClick={onCancel}>
            {text.common.cancel}
          </button>
          <button type="button" className="dialog-button dialog-button-primary" ref={confirmRef} onClick={onConfirm} disabled={busy} data-testid="dialog-confirm">
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
