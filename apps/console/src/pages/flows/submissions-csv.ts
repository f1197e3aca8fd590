import type { FlowSubmission } from '@zhanggui/shared';
import { csvLine } from '../../components/csv.ts';
import { formatDateTime } from '../../i18n/format.ts';

/** The collected values' keys across submissions, in first-seen order (they become columns). */
export function submissionKeys(submissions: FlowSubmission[]): string[] {
  const keys = new Set<string>();
  for (const submission of submissions) for (const key of Object.keys(submission.data)) keys.add(key);
  return [...keys];
}

export function submissionsCsv(submissions: FlowSubmission[], headers: { fan: string; openid: string; score: string; rank: string; winner: string; time: string; yes: string }): string[] {
  const keys = submissionKeys(submissions);
  return [
    csvLine([headers.fan, headers.openid, ...keys, headers.score, headers.rank, headers.winner, headers.time]),
    ...submissions.map((submission) =>
      csvLine([
        submission.fan.displayName,
        submission.fan.openid,
        ...keys.map((key) => submission.data[key] ?? ''),
        submission.score,
        submission.rank,
        submission.winner ? headers.yes : '',
        formatDateTime(submission.createdAt),
      ]),
    ),
  ];
}
