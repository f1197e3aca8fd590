import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

interface ErrorBoundaryProps {
  children: ReactNode;
  /** Changing it clears the error (the shell passes the path, so navigating away recovers). */
  resetKey?: string;
}

/** A crash in one screen shows a way out instead of a blank page. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: Error | null; key: string | undefined }> {
  override state = { error: null as Error | null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: { error: Error | null; key: string | undefined }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Console screen crashed', error, info.componentStack);
  }

  override render() {
    return this.state.error ? <CrashNotice onRetry={() => this.setState({ error: null })} /> : this.props.children;
  }
}

function CrashNotice({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Result
      status="error"
      title={t('status.crashed.title')}
      subTitle={t('status.crashed.body')}
      extra={[
        <Button key="retry" onClick={onRetry}>
          {t('common.retry')}
        </Button>,
        <Button key="reload" type="primary" onClick={() => window.location.reload()}>
          {t('status.reload')}
        </Button>,
      ]}
    />
  );
}
