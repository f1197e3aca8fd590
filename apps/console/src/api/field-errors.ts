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

/** One problem the server found, at a path into the submitted JSON ("keywords.0.text" → ['keywords', 0, 'text']). */
export interface PathIssue {
  path: Array<string | number>;
  message: string;
}

/**
 * Every field-level problem of a VALIDATION_FAILED answer, with paths split for nested antd forms
 * (Form.List). Editors mark the fields they have and list the rest, so no problem goes unseen.
 */
export function pathIssues(error: unknown): PathIssue[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) return [];
  const issues: PathIssue[] = [];
  for (const issue of error.details as Array<{ path?: unknown; message?: unknown }>) {
    if (typeof issue?.message !== 'string') continue;
    const raw = Array.isArray(issue.path) ? issue.path.map(String) : typeof issue.path === 'string' && issue.path ? issue.path.split(/[./]/) : [];
    issues.push({ path: raw.filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part)), message: issue.message });
  }
  return issues;
}
