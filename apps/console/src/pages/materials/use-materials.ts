import { useCallback } from 'react';
import type { MaterialView } from '@zhanggui/shared';
import { materialsApi, type MaterialUploadFields } from '../../api/materials.api.ts';
import { useResource } from '../../hooks/use-resource.ts';

/** The account's material, all kinds at once (the tabs count them), kept in step with uploads and deletions. */
export function useMaterials(accountId: number) {
  const resource = useResource((signal) => materialsApi.list(accountId, undefined, signal), [accountId]);
  const { setData } = resource;

  const upload = useCallback(
    async (file: Blob, fileName: string, fields: MaterialUploadFields): Promise<MaterialView> => {
      const material = await materialsApi.upload(accountId, file, fileName, fields);
      setData((items) => [material, ...(items ?? [])]);
      return material;
    },
    [accountId, setData],
  );

  const remove = useCallback(
    async (materialId: number) => {
      await materialsApi.remove(accountId, materialId);
      setData((items) => items?.filter((item) => item.id !== materialId));
    },
    [accountId, setData],
  );

  return { ...resource, upload, remove };
}

export type Materials = ReturnType<typeof useMaterials>;
