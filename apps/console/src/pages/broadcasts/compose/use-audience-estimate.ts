import { useEffect, useState } from 'react';
import type { AudienceEstimate, BroadcastInput } from '@zhanggui/shared';
import { broadcastsApi } from '../../../api/broadcasts.api.ts';
import { useDebouncedValue } from '../../../hooks/use-debounced-value.ts';

export interface EstimateState {
  estimate: AudienceEstimate | null;
  error: unknown;
  loading: boolean;
}

/** The audience for the target and options being composed, asked for 400 ms after the last change. */
export function useAudienceEstimate(accountId: number, input: Pick<BroadcastInput, 'target' | 'options'> | null): EstimateState {
  const key = useDebouncedValue(input ? JSON.stringify(input) : '', 400);
  const [state, setState] = useState<EstimateState>({ estimate: null, error: undefined, loading: false });

  useEffect(() => {
    if (!key) return setState({ estimate: null, error: undefined, loading: false });
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    broadcastsApi.estimate(accountId, JSON.parse(key) as Pick<BroadcastInput, 'target' | 'options'>).then(
      (estimate) => current && setState({ estimate, error: undefined, loading: false }),
      (error: unknown) => current && setState({ estimate: null, error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [accountId, key]);

  return state;
}
