import type { QrChannelInput, QrChannelSeries, QrChannelView, QrCodeInput, QrCodeView } from '@zhanggui/shared';
import { api, apiUrl, listOf } from './client.ts';

const channels = (accountId: number) => `/accounts/${accountId}/qr-channels`;
const code = (accountId: number, codeId: number) => `/accounts/${accountId}/qr-codes/${codeId}`;

/** QR channels (渠道二维码) with their statistics; CRUD in the shape useCollection takes. */
export const qrChannelsApi = {
  list: (accountId: number, signal?: AbortSignal) =>
    api.get<QrChannelView[] | { items: QrChannelView[] }>(channels(accountId), undefined, signal).then(listOf),
  create: (accountId: number, input: QrChannelInput) => api.post<QrChannelView>(channels(accountId), input),
  update: (accountId: number, channelId: number, input: QrChannelInput) => api.put<QrChannelView>(`${channels(accountId)}/${channelId}`, input),
  remove: (accountId: number, channelId: number) => api.delete<void>(`${channels(accountId)}/${channelId}`),
  series: (accountId: number, days: number, signal?: AbortSignal) => api.get<QrChannelSeries>(`${channels(accountId)}/series`, { days }, signal),
  /** A plain link: the browser downloads it with the session cookie. */
  exportUrl: (accountId: number) => apiUrl(`${channels(accountId)}/export.csv`),
  /** PNG or JPEG of at most 2 MB (400 POSTER_INVALID otherwise). */
  uploadPoster: (accountId: number, channelId: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<QrChannelView>(`${channels(accountId)}/${channelId}/poster`, form, 'PUT');
  },
  removePoster: (accountId: number, channelId: number) => api.delete<QrChannelView>(`${channels(accountId)}/${channelId}/poster`),
};

/** A channel's codes, and where their images and posters are served (usable as <img src> and download links). */
export const qrCodesApi = {
  list: (accountId: number, channelId: number, signal?: AbortSignal) =>
    api.get<QrCodeView[] | { items: QrCodeView[] }>(`${channels(accountId)}/${channelId}/codes`, undefined, signal).then(listOf),
  create: (accountId: number, channelId: number, input: QrCodeInput) => api.post<QrCodeView>(`${channels(accountId)}/${channelId}/codes`, input),
  pngUrl: (accountId: number, codeId: number, size = 430) => apiUrl(`${code(accountId, codeId)}/image.png`, { size }),
  svgUrl: (accountId: number, codeId: number) => apiUrl(`${code(accountId, codeId)}/image.svg`),
  /** `version` changes the address after a new background, so the browser does not show the old poster. */
  posterUrl: (accountId: number, codeId: number, version?: number) => apiUrl(`${code(accountId, codeId)}/poster.svg`, { v: version || undefined }),
};

/** What a channel's PUT takes back. */
export function channelInputOf(channel: QrChannelView): QrChannelInput {
  return {
    name: channel.name,
    note: channel.note,
    welcome: channel.welcome,
    welcomeMode: channel.welcomeMode,
    tagIds: channel.tagIds,
    caption: channel.caption,
    enabled: channel.enabled,
  };
}
