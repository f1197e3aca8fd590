import { useCallback, useMemo } from 'react';
import type { QrCodeInput, QrCodeView } from '@zhanggui/shared';
import { qrCodesApi } from '../../api/qr-channels.api.ts';
import { useResource } from '../../hooks/use-resource.ts';

/** A channel's codes, newest first; a new code joins the list without a reload. */
export function useCodes(accountId: number, channelId: number | null) {
  const resource = useResource<QrCodeView[]>(
    (signal) => (channelId === null ? Promise.resolve([]) : qrCodesApi.list(accountId, channelId, signal)),
    [accountId, channelId],
  );
  const { setData } = resource;
  const codes = useMemo(() => [...(resource.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id), [resource.data]);

  const create = useCallback(
    async (input: QrCodeInput): Promise<QrCodeView> => {
      if (channelId === null) throw new Error('no channel');
      const code = await qrCodesApi.create(accountId, channelId, input);
      setData((list) => [code, ...(list ?? [])]);
      return code;
    },
    [accountId, channelId, setData],
  );

  return { codes, loading: resource.loading, error: resource.error, create };
}
