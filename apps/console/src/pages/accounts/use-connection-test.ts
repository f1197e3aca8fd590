import { useState } from 'react';
import type { ConnectionTestResult } from '@zhanggui/shared';
import { useNotifyError } from '../../hooks/use-error-text.ts';

/** "Test connection" in the wizard: the running flag and WeChat's latest answer (cleared while a new test runs). */
export function useConnectionTest(onTest: () => Promise<ConnectionTestResult>) {
  const notifyError = useNotifyError();
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<ConnectionTestResult | null>(null);

  const test = async () => {
    setTesting(true);
    setResult(null);
    try {
      setResult(await onTest());
    } catch (error) {
      notifyError(error);
    } finally {
      setTesting(false);
    }
  };
  return { testing, result, test };
}
