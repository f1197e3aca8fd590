import type { ReactNode } from 'react';
import { cardColor, textColorOn } from '../member/card-colors.ts';

interface TicketProps {
  color: string;
  /** "满100减20", "8.5折", "赠 拿铁一杯". */
  title: string;
  /** Under the title on the coloured face, e.g. "满 ¥100.00 可用". */
  subtitle?: string | null;
  /** A round stamp over the ticket: 已使用, 已过期, 已作废. */
  stamp?: string | null;
  children: ReactNode;
}

/** The face is ~104px wide inside: a title as big as fits on one line (CJK counts 1, Latin and bold digits ~0.7), 15–26px. */
function titleSize(title: string): number {
  const units = Array.from(title).reduce((sum, char) => sum + (/[\u0000-\u00ff]/.test(char) ? 0.7 : 1), 0);
  return Math.max(15, Math.min(26, Math.floor(100 / Math.max(units, 1))));
}

/** A coupon drawn like WeChat's card coupons: a coloured face with the offer, a white stub with the details. */
export function Ticket({ color, title, subtitle, stamp, children }: TicketProps) {
  const background = cardColor(color);
  return (
    <div className={`ticket${stamp ? ' ticket-spent' : ''}`}>
      <div className="ticket-face" style={{ background, color: textColorOn(background) }}>
        <span className="ticket-title" style={{ fontSize: titleSize(title) }}>
          {title}
        </span>
        {subtitle && <span className="ticket-subtitle">{subtitle}</span>}
      </div>
      <div className="ticket-stub">{children}</div>
      {stamp && (
        <span className="ticket-stamp" aria-hidden="true">
          {stamp}
        </span>
      )}
    </div>
  );
}
