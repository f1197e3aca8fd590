import { ApiError } from './client.ts';

/**
 * Refusals whose details list field problems as `[{ path, message }]`: the generic schema check, and the
 * editors whose server-side rules go beyond the schema (the card programme, coupon templates).
 */
const FIELD_ERROR_CODES = new Set(['VALIDATION_FAILED', 'PROGRAM_INVALID', 'COUPON_TEMPLATE_INVALID']);

/** The field problems of a refusal, or null when it carries none. */
type RawIssue = { path?: unknown; message?: unknown } | null | undefined;

function issueList(error: unknown): RawIssue[] | null {
  if (!(error instanceof ApiError) || !FIELD_ERROR_CODES.has(error.code)) return null;
  const details = error.details as { fields?: unknown; issues?: unknown } | RawIssue[] | null | undefined;
  if (Array.isArray(details)) return details;
  // Tolerated: the list wrapped in an object, as MENU_INVALID and PROFILE_INVALID do.
  if (details && Array.isArray(details.fields)) return details.fields as RawIssue[];
  if (details && Array.isArray(details.issues)) return details.issues as RawIssue[];
  return null;
}

/**
 * VALIDATION_FAILED (and the other FIELD_ERROR_CODES) carries `details: [{ path, message }]`; turned into antd
 * Form field errors so the offending inputs are marked (form.setFields). Other errors, and paths the form does
 * not have, are skipped.
 */
export function fieldErrors<Name extends string>(error: unknown, known: readonly Name[]): Array<{ name: Name; errors: string[] }> {
  const list = issueList(error);
  if (!list) return [];
  const result: Array<{ name: Name; errors: string[] }> = [];
  for (const issue of list) {
    const name = known.find((candidate) => candidate === issue?.path);
    if (name && typeof issue?.message === 'string') result.push({ name, errors: [issue.message] });
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
  const list = issueList(error);
  if (!list) return [];
  const issues: PathIssue[] = [];
  for (const issue of list) {
    if (typeof issue?.message !== 'string') continue;
    const raw = Array.isArray(issue.path) ? issue.path.map(String) : typeof issue.path === 'string' && issue.path ? issue.path.split(/[./]/) : [];
    issues.push({ path: raw.filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part)), message: issue.message });
  }
  return issues;
}
