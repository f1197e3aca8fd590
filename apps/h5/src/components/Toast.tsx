import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { CheckIcon } from './icons.tsx';

type ToastKind = 'text' | 'success';
interface ToastState {
  id: number;
  message: string;
  kind: ToastKind;
}

interface ToastApi {
  /** A short note in the middle of the screen, gone after a moment (WeUI's toast). */
  show: (message: string, kind?: ToastKind) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<ToastState | null>(null);
  const nextId = useRef(1);

  const show = useCallback((message: string, kind: ToastKind = 'text') => {
    setToast({ id: nextId.current++, message, kind });
  }, []);

  useEffect(() => {
    if (!toast) return;
    const timer = window.setTimeout(() => setToast((current) => (current?.id === toast.id ? null : current)), toast.kind === 'success' ? 1800 : 2600);
    return () => window.clearTimeout(timer);
  }, [toast]);

  const api = useMemo(() => ({ show }), [show]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {toast && (
          <div key={toast.id} className={`toast toast-${toast.kind}`} data-testid="toast">
            {toast.kind === 'success' && <CheckIcon size={44} />}
            <p className="toast-text">{toast.message}</p>
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast needs a ToastProvider');
  return api;
}
