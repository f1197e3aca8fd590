import type { ArticleImageView, MaterialKind, MaterialView, NewsDraftView, NewsInput, PreviewInput, PreviewResult } from '@zhanggui/shared';
import { api, apiUrl, listOf } from './client.ts';

const materials = (accountId: number) => `/accounts/${accountId}/materials`;
const news = (accountId: number) => `/accounts/${accountId}/news`;

/** What an upload sends besides the file: videos need the title and introduction WeChat shows with them. */
export interface MaterialUploadFields {
  kind: MaterialKind;
  title?: string;
  description?: string;
}

/** Permanent material (素材库): list by kind, upload, delete, where the bytes are served, previews to one fan. */
export const materialsApi = {
  list: (accountId: number, kind?: MaterialKind, signal?: AbortSignal) =>
    api.get<MaterialView[] | { items: MaterialView[] }>(materials(accountId), { kind }, signal).then(listOf),
  /** 400 MATERIAL_TYPE_INVALID / MATERIAL_TOO_LARGE when the file breaks MATERIAL_LIMITS. */
  upload: (accountId: number, file: Blob, fileName: string, fields: MaterialUploadFields) => {
    const form = new FormData();
    form.append('kind', fields.kind);
    if (fields.title) form.append('title', fields.title);
    if (fields.description) form.append('description', fields.description);
    form.append('file', file, fileName);
    return api.upload<MaterialView>(materials(accountId), form);
  },
  /** 409 MATERIAL_IN_USE (details.usage) while rules, menus, news or broadcasts use it. */
  remove: (accountId: number, materialId: number) => api.delete<void>(`${materials(accountId)}/${materialId}`),
  /** The stored bytes, usable as <img>/<audio>/<video> src (same origin, so a canvas may read them). */
  fileUrl: (accountId: number, materialId: number) => apiUrl(`${materials(accountId)}/${materialId}/file`),
  /** An image for article bodies (JPG/PNG under 1 MB); the URL is WeChat's and goes into <img src>. */
  uploadArticleImage: (accountId: number, file: Blob, fileName: string) => {
    const form = new FormData();
    form.append('file', file, fileName);
    return api.upload<ArticleImageView>(`${materials(accountId)}/article-images`, form);
  },
  preview: (accountId: number, input: PreviewInput) => api.post<PreviewResult>(`${materials(accountId)}/preview`, input),
};

/** News drafts (图文): each save goes to WeChat's draft box; publishing is followed with `get`. */
export const newsApi = {
  list: (accountId: number, signal?: AbortSignal) => api.get<NewsDraftView[] | { items: NewsDraftView[] }>(news(accountId), undefined, signal).then(listOf),
  get: (accountId: number, newsId: number) => api.get<NewsDraftView>(`${news(accountId)}/${newsId}`),
  create: (accountId: number, input: NewsInput) => api.post<NewsDraftView>(news(accountId), input),
  update: (accountId: number, newsId: number, input: NewsInput) => api.put<NewsDraftView>(`${news(accountId)}/${newsId}`, input),
  /** 409 NEWS_IN_USE while a broadcast waiting to be sent uses it; NEWS_PUBLISHING while publishing. */
  remove: (accountId: number, newsId: number) => api.delete<void>(`${news(accountId)}/${newsId}`),
  publish: (accountId: number, newsId: number) => api.post<NewsDraftView>(`${news(accountId)}/${newsId}/publish`),
};
