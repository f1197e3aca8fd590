import { ApiError } from './client.ts';

/**
 * VALIDATION_FAILED carries `details: [{ path, message }]`; turned into antd Form field errors so the
 * offending inputs are marked (form.setFields). Other errors, and paths the form does not have, are skipped.
 */
export function fieldErrors<Name extends string>(error: unknown, known: readonly Name[]): Array<{ name: Name; errors: string[] }> {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) return [];
  const result: Array<{ name: Name; errors: string[] }> = [];
  for (const issue of error.details as Array<{ path?: unknown; message?: unknown }>) {
    const name = known.find((candidate) => candidate === issue?.path);
    if (name && typeof issue.message === 'string') result.push({ name, errors: [issue.message] });
  }
  return result;
}
