import { useCallback } from 'react';
import type { FlowView } from '@zhanggui/shared';
import { flowInputOf, flowsApi } from '../../api/flows.api.ts';
import { useCollection } from '../../data/use-collection.ts';

/** The account's flows with their counters, and the changes made from the list. */
export function useFlows(accountId: number) {
  const flows = useCollection(accountId, flowsApi);
  const { setEnabled } = flows;
  return { ...flows, setEnabled: useCallback((flow: FlowView, enabled: boolean) => setEnabled(flow, enabled, flowInputOf), [setEnabled]) };
}
