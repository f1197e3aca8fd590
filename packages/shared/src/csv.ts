// CSV written by the server (exports) and the console (downloads made in the browser).

/** Quotes a CSV field; a leading =, +, - or @ is prefixed so spreadsheets do not run it as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV line. Numbers and booleans are written as they are (a negative number stays a number). */
export function csvLine(cells: Array<string | number | boolean | null | undefined>): string {
  return cells.map((cell) => (cell === null || cell === undefined ? '' : typeof cell === 'string' ? csvField(cell) : String(cell))).join(',');
}
