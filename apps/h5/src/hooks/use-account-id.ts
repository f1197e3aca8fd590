import { useParams } from 'react-router-dom';

/** The account in the path (/h5/:accountId/…); the account layout only renders pages when it is a number. */
export function useAccountId(): number {
  const { accountId } = useParams();
  return Number(accountId);
}

/** A positive integer path segment, or null. */
export function idFromPath(segment: string | undefined): number | null {
  if (!segment || !/^\d{1,12}$/.test(segment)) return null;
  const id = Number(segment);
  return id > 0 ? id : null;
}
