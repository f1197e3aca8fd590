import type {
  KnowledgeEntry,
  KnowledgeInput,
  Product,
  ProductInput,
  ReplySettings,
  Store,
  StoreImportResult,
  StoreInput,
} from '@zhanggui/shared';
import { api, listOf } from './client.ts';

const base = (accountId: number) => `/accounts/${accountId}`;

/** What search and location replies draw on: knowledge entries, products and stores. */
export const knowledgeApi = {
  list: (accountId: number, signal?: AbortSignal) =>
    api.get<KnowledgeEntry[] | { items: KnowledgeEntry[] }>(`${base(accountId)}/knowledge`, undefined, signal).then(listOf),
  create: (accountId: number, input: KnowledgeInput) => api.post<KnowledgeEntry>(`${base(accountId)}/knowledge`, input),
  update: (accountId: number, entryId: number, input: KnowledgeInput) => api.put<KnowledgeEntry>(`${base(accountId)}/knowledge/${entryId}`, input),
  remove: (accountId: number, entryId: number) => api.delete<void>(`${base(accountId)}/knowledge/${entryId}`),
};

export const productsApi = {
  list: (accountId: number, signal?: AbortSignal) => api.get<Product[] | { items: Product[] }>(`${base(accountId)}/products`, undefined, signal).then(listOf),
  create: (accountId: number, input: ProductInput) => api.post<Product>(`${base(accountId)}/products`, input),
  update: (accountId: number, productId: number, input: ProductInput) => api.put<Product>(`${base(accountId)}/products/${productId}`, input),
  remove: (accountId: number, productId: number) => api.delete<void>(`${base(accountId)}/products/${productId}`),
};

export const storesApi = {
  list: (accountId: number, signal?: AbortSignal) => api.get<Store[] | { items: Store[] }>(`${base(accountId)}/stores`, undefined, signal).then(listOf),
  create: (accountId: number, input: StoreInput) => api.post<Store>(`${base(accountId)}/stores`, input),
  update: (accountId: number, storeId: number, input: StoreInput) => api.put<Store>(`${base(accountId)}/stores/${storeId}`, input),
  remove: (accountId: number, storeId: number) => api.delete<void>(`${base(accountId)}/stores/${storeId}`),
  /** All rows or none: any bad line comes back in `errors` and nothing is imported. */
  importCsv: (accountId: number, csv: string) => api.post<StoreImportResult>(`${base(accountId)}/stores/import`, { csv }),
};

export const replySettingsApi = {
  get: (accountId: number, signal?: AbortSignal) => api.get<ReplySettings>(`${base(accountId)}/reply-settings`, undefined, signal),
  update: (accountId: number, settings: ReplySettings) => api.put<ReplySettings>(`${base(accountId)}/reply-settings`, settings),
};
