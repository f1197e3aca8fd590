import { flowsApi } from '../api/flows.api.ts';
import { useResource } from '../hooks/use-resource.ts';
import type { FlowOption } from '../components/replies/ReplyActionFields.tsx';

/** The account's flows as choices for "start a flow" replies; empty while loading or when they cannot be read. */
export function useFlowOptions(accountId: number, enabled: boolean): FlowOption[] {
  const flows = useResource(
    (signal) => (enabled ? flowsApi.list(accountId, signal).catch(() => []) : Promise.resolve([])),
    [accountId, enabled],
  );
  return (flows.data ?? []).map((flow) => ({ id: flow.id, name: flow.name }));
}
