import { useCallback } from 'react';
import { App } from 'antd';
import { ApiError, CLIENT_ERROR } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** The words to show for a failed call: the server's message (already translated), else our own. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useI18n();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        if (error.message) return error.message;
        if (error.code === CLIENT_ERROR.network) return t('error.network');
        return t('error.status', { status: error.status });
      }
      return t('error.unknown');
    },
    [t],
  );
}

/** Show a failed call as a toast. */
export function useNotifyError(): (error: unknown) => void {
  const { message } = App.useApp();
  const errorText = useErrorText();
  return useCallback((error: unknown) => void message.error(errorText(error)), [message, errorText]);
}
