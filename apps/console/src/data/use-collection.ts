import { useCallback } from 'react';
import { useResource } from '../hooks/use-resource.ts';

/** The CRUD calls of one of the account's collections (rules, flows, knowledge entries, products, stores). */
export interface CollectionApi<T extends { id: number }, Input> {
  list: (accountId: number, signal?: AbortSignal) => Promise<T[]>;
  create: (accountId: number, input: Input) => Promise<T>;
  update: (accountId: number, id: number, input: Input) => Promise<T>;
  remove: (accountId: number, id: number) => Promise<void>;
}

/** A collection's items, kept in step with saves and deletions without reloading the list. */
export function useCollection<T extends { id: number }, Input>(accountId: number, collection: CollectionApi<T, Input>) {
  const resource = useResource((signal) => collection.list(accountId, signal), [accountId, collection]);
  const { setData } = resource;

  const save = useCallback(
    async (id: number | null, input: Input): Promise<T> => {
      const saved = id === null ? await collection.create(accountId, input) : await collection.update(accountId, id, input);
      setData((items) => (id === null ? [...(items ?? []), saved] : (items ?? []).map((item) => (item.id === saved.id ? saved : item))));
      return saved;
    },
    [accountId, collection, setData],
  );

  const remove = useCallback(
    async (id: number) => {
      await collection.remove(accountId, id);
      setData((items) => items?.filter((item) => item.id !== id));
    },
    [accountId, collection, setData],
  );

  /** Flips an item's switch at once; puts it back if the server refuses. */
  const setEnabled = useCallback(
    async (item: T & { enabled: boolean }, enabled: boolean, toInput: (item: T) => Input) => {
      const put = (value: boolean) => setData((items) => items?.map((candidate) => (candidate.id === item.id ? { ...candidate, enabled: value } : candidate)));
      put(enabled);
      try {
        const saved = await collection.update(accountId, item.id, { ...toInput(item), enabled });
        setData((items) => items?.map((candidate) => (candidate.id === saved.id ? saved : candidate)));
      } catch (error) {
        put(item.enabled);
        throw error;
      }
    },
    [accountId, collection, setData],
  );

  return { ...resource, save, remove, setEnabled };
}

/** An item as the input its PUT takes back: everything but the id. */
export function withoutId<T extends { id: number }>(item: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = item;
  return rest;
}
