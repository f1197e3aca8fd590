// CSV made in the browser (submissions export, the stores template). UTF-8 with a byte-order mark so
// Excel on Windows opens Chinese text correctly.

/** One CSV line: fields with commas, quotes or line breaks are quoted; a leading = + - @ is defused for spreadsheets. */
export function csvLine(cells: Array<string | number | boolean | null | undefined>): string {
  return cells
    .map((cell) => {
      let text = cell === null || cell === undefined ? '' : String(cell);
      if (/^[=+\-@]/.test(text) && typeof cell === 'string') text = `'${text}`;
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}

/** Saves text as a file through a temporary link. */
export function downloadCsv(filename: string, lines: string[]): void {
  const blob = new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Text from a file or a paste, without the byte-order mark spreadsheets add. */
export function withoutBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
