import { programApi } from '../api/loyalty.api.ts';
import { useResource } from '../hooks/use-resource.ts';

export interface LevelOption {
  id: number;
  name: string;
}

/** The card programme's levels, for filters; empty while loading, without a programme, or when it cannot be read. */
export function useLoyaltyLevels(accountId: number, enabled = true): LevelOption[] {
  const program = useResource(
    (signal) => (enabled ? programApi.get(accountId, signal).then((view) => view.levels, () => []) : Promise.resolve([])),
    [accountId, enabled],
  );
  return (program.data ?? []).map((level) => ({ id: level.id, name: level.name }));
}
