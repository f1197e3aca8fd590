import { useCallback, useState } from 'react';
import type { ProgramInput, ProgramView } from '@zhanggui/shared';
import { programApi } from '../../../api/loyalty.api.ts';
import { ApiError } from '../../../api/client.ts';
import { useResource } from '../../../hooks/use-resource.ts';

/** A programme never set up may answer 404 / PROGRAM_NOT_ENABLED instead of defaults; both mean "none yet". */
function isNotSetUp(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'PROGRAM_NOT_ENABLED' || error.status === 404);
}

/**
 * The card programme as saved, and the calls that change it. `logoVersion` changes on every logo change so
 * the preview does not keep showing a cached picture at the same address.
 */
export function useProgram(accountId: number) {
  const resource = useResource(
    (signal) => programApi.get(accountId, signal).catch((error: unknown) => (isNotSetUp(error) ? null : Promise.reject(error))),
    [accountId],
  );
  const { setData } = resource;
  const [logoVersion, setLogoVersion] = useState(0);

  const save = useCallback(
    async (input: ProgramInput) => {
      const saved = await programApi.save(accountId, input);
      setData(saved);
      return saved;
    },
    [accountId, setData],
  );
  /** Only the logo changes: unsaved edits in the form stay as they are. */
  const changeLogo = useCallback(
    async (call: () => Promise<ProgramView>) => {
      const saved = await call();
      setData((current) => (current ? { ...current, logoUrl: saved.logoUrl } : saved));
      setLogoVersion((n) => n + 1);
    },
    [setData],
  );
  const uploadLogo = useCallback((file: File) => changeLogo(() => programApi.uploadLogo(accountId, file)), [accountId, changeLogo]);
  const removeLogo = useCallback(() => changeLogo(() => programApi.removeLogo(accountId)), [accountId, changeLogo]);

  return { ...resource, save, uploadLogo, removeLogo, logoVersion };
}
