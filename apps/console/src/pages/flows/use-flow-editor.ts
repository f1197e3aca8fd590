import { useCallback, useMemo, useState } from 'react';
import type { FlowInput, FlowView } from '@zhanggui/shared';
import { flowInputOf, flowsApi } from '../../api/flows.api.ts';
import { useResource } from '../../hooks/use-resource.ts';
import { FLOW_TEMPLATES, type FlowTemplateKey } from './flow-templates.ts';

/**
 * The flow being edited: an existing one (loaded), or a new one started from a template. After the first
 * save a new flow has an id, and the page moves to its address.
 */
export function useFlowEditor(accountId: number, flowId: number | null, template: FlowTemplateKey) {
  const loaded = useResource<FlowView | null>((signal) => (flowId === null ? Promise.resolve(null) : flowsApi.get(accountId, flowId, signal)), [accountId, flowId]);
  const [saved, setSaved] = useState<FlowView | null>(null);
  const flow = saved && saved.id === flowId ? saved : (loaded.data ?? null);
  // One object per loaded or saved flow: the editor resets its form when this changes.
  const start = useMemo<FlowInput | null>(() => (flowId === null ? FLOW_TEMPLATES[template] : flow ? flowInputOf(flow) : null), [flowId, template, flow]);

  const save = useCallback(
    async (input: FlowInput): Promise<FlowView> => {
      const result = flowId === null ? await flowsApi.create(accountId, input) : await flowsApi.update(accountId, flowId, input);
      setSaved(result);
      return result;
    },
    [accountId, flowId],
  );
  const remove = useCallback(async () => {
    if (flowId !== null) await flowsApi.remove(accountId, flowId);
  }, [accountId, flowId]);

  return { flow, start, loading: flowId !== null && loaded.loading && !loaded.data, error: loaded.error, save, remove };
}
