// CSV made in the browser (submissions export, the stores template). UTF-8 with a byte-order mark so
// Excel on Windows opens Chinese text correctly.

import { downloadBlob } from './download.ts';

export { csvLine } from '@zhanggui/shared';

/** Saves text as a file through a temporary link. */
export function downloadCsv(filename: string, lines: string[]): void {
  downloadBlob(filename, new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' }));
}

/** Text from a file or a paste, without the byte-order mark spreadsheets add. */
export function withoutBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
