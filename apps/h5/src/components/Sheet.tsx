import { useEffect, useId, useRef, type ReactNode } from 'react';
import { text } from '../text.ts';
import { CloseIcon } from './icons.tsx';
import { useEscape } from './use-escape.ts';

interface SheetProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}

/** WeUI's half-screen dialog: slides up from the bottom, closes on the mask, the ✕ or Escape. */
export function Sheet({ open, title, onClose, children, testId }: SheetProps) {
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEscape(open, onClose);
  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => opener?.focus();
  }, [open]);
  if (!open) return null;

  return (
    <div className="mask" onClick={onClose}>
      <div className="sheet" role="dialog" aria-modal="true" aria-labelledby={titleId} onClick={(event) => event.stopPropagation()} data-testid={testId}>
        <header className="sheet-header">
          <button type="button" className="sheet-close" ref={closeRef} onClick={onClose} aria-label={text.common.close}>
            <CloseIcon />
          </button>
          <h2 className="sheet-title" id={titleId}>
            {title}
          </h2>
        </header>
        <div className="sheet-body">{children}</div>
      </div>
    </div>
  );
}
