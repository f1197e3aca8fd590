import type { ReactNode } from 'react';
import { errorMessage } from '../api-error.ts';
import { text } from '../text.ts';
import { InfoIcon, WarnIcon } from './icons.tsx';

/** The spinner shown while a page's data loads. */
export function Loading({ label = text.common.loading }: { label?: string }) {
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** A failed load: the server's message and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Message icon="warn" title={text.common.loadFailed} body={errorMessage(error)}>
      {onRetry && (
        <button type="button" className="btn btn-default" onClick={onRetry}>
          {text.common.retry}
        </button>
      )}
    </Message>
  );
}

/** WeUI's message page: a big icon, a title, a line of explanation and optional actions. */
export function Message({ icon, title, body, children }: { icon: 'info' | 'warn'; title: string; body?: string; children?: ReactNode }) {
  return (
    <section className="msg">
      <div className={`msg-icon msg-icon-${icon}`}>{icon === 'warn' ? <WarnIcon /> : <InfoIcon />}</div>
      <h2 className="msg-title">{title}</h2>
      {body && <p className="msg-body">{body}</p>}
      {children && <div className="msg-actions">{children}</div>}
    </section>
  );
}

export function NotFound() {
  return <Message icon="info" title={text.common.notFound} body={text.common.notFoundBody} />;
}

/** An empty list. */
export function Empty({ label, children }: { label: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p>{label}</p>
      {children}
    </div>
  );
}
