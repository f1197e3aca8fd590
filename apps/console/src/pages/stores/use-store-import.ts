import { useCallback, useState } from 'react';
import type { StoreImportResult } from '@zhanggui/shared';
import { storesApi } from '../../api/catalogue.api.ts';
import { ApiError } from '../../api/client.ts';
import { withoutBom } from '../../components/csv.ts';

type LineError = StoreImportResult['errors'][number];

/** Per-line problems, whether the server answered 200 with `errors` or refused with them as details. */
function lineErrors(error: unknown): LineError[] | null {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return null;
  const lines = (error.details as Array<{ line?: unknown; message?: unknown }>).filter((issue) => typeof issue?.line === 'number' && typeof issue.message === 'string');
  return lines.length ? (lines as LineError[]) : null;
}

/** Imports stores from CSV: all rows or none, so any bad line means nothing was imported. */
export function useStoreImport(accountId: number) {
  const [importing, setImporting] = useState(false);
  const [errors, setErrors] = useState<LineError[]>([]);
  const [failure, setFailure] = useState<unknown>(undefined);

  const run = useCallback(
    async (csv: string): Promise<number | null> => {
      setImporting(true);
      setErrors([]);
      setFailure(undefined);
      try {
        const result = await storesApi.importCsv(accountId, withoutBom(csv).trim());
        if (result.errors.length > 0) {
          setErrors(result.errors);
          return null;
        }
        return result.imported;
      } catch (error) {
        const lines = lineErrors(error);
        if (lines) setErrors(lines);
        else setFailure(error);
        return null;
      } finally {
        setImporting(false);
      }
    },
    [accountId],
  );

  const reset = useCallback(() => {
    setErrors([]);
    setFailure(undefined);
  }, []);

  return { importing, errors, failure, run, reset };
}
