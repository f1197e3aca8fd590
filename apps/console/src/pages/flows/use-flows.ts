import { useCallback } from 'react';
import type { FlowView } from '@zhanggui/shared';
import { flowInputOf, flowsApi } from '../../api/flows.api.ts';
import { useResource } from '../../hooks/use-resource.ts';

/** The account's flows with their counters, and the changes made from the list. */
export function useFlows(accountId: number) {
  const resource = useResource((signal) => flowsApi.list(accountId, signal), [accountId]);
  const { setData } = resource;

  const remove = useCallback(
    async (flowId: number) => {
      await flowsApi.remove(accountId, flowId);
      setData((flows) => flows?.filter((flow) => flow.id !== flowId));
    },
    [accountId, setData],
  );

  const setEnabled = useCallback(
    async (flow: FlowView, enabled: boolean) => {
      const put = (value: boolean) => setData((flows) => flows?.map((candidate) => (candidate.id === flow.id ? { ...candidate, enabled: value } : candidate)));
      put(enabled);
      try {
        const saved = await flowsApi.update(accountId, flow.id, { ...flowInputOf(flow), enabled });
        setData((flows) => flows?.map((candidate) => (candidate.id === saved.id ? saved : candidate)));
      } catch (error) {
        put(flow.enabled);
        throw error;
      }
    },
    [accountId, setData],
  );

  return { ...resource, remove, setEnabled };
}
