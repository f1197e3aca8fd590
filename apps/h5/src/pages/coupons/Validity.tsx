import { formatDate } from '../../format.ts';
import { text } from '../../text.ts';

/** "2025-01-01 至 2025-01-31", wrapping between the dates on a narrow ticket, never inside one. */
export function Validity({ from, to }: { from: string; to: string }) {
  return (
    <>
      <span className="nowrap">{formatDate(from)}</span> {text.coupons.until} <span className="nowrap">{formatDate(to)}</span>
    </>
  );
}
