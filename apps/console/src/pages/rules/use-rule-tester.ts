import { useCallback, useRef, useState } from 'react';
import type { RuleTestInput, RuleTestResult } from '@zhanggui/shared';
import { rulesApi } from '../../api/replies.api.ts';

export interface TesterRun {
  input: RuleTestInput;
  result: RuleTestResult | null;
  error: unknown;
}

/** Dry runs against the account's live rules and flows; only the latest answer is kept. */
export function useRuleTester(accountId: number) {
  const [run, setRun] = useState<TesterRun | null>(null);
  const [running, setRunning] = useState(false);
  const sequence = useRef(0);

  const test = useCallback(
    async (input: RuleTestInput) => {
      const id = ++sequence.current;
      setRunning(true);
      try {
        const result = await rulesApi.test(accountId, input);
        if (id === sequence.current) setRun({ input, result, error: undefined });
      } catch (error) {
        if (id === sequence.current) setRun({ input, result: null, error });
      } finally {
        if (id === sequence.current) setRunning(false);
      }
    },
    [accountId],
  );

  return { run, running, test };
}
