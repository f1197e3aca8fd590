import { Component, type ErrorInfo, type ReactNode } from 'react';
import { text } from '../text.ts';
import { Message } from './PageState.tsx';

interface ErrorBoundaryProps {
  children: ReactNode;
  /** Changing it clears the error (the app passes the path, so navigating away recovers). */
  resetKey?: string;
}

/** A crash in one page shows a way out instead of a blank WeChat window. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: Error | null; key: string | undefined }> {
  override state = { error: null as Error | null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: { error: Error | null; key: string | undefined }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('H5 page crashed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Message icon="warn" title={text.common.crashed}>
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          {text.common.reload}
        </button>
      </Message>
    );
  }
}
