import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ChevronIcon } from './icons.tsx';

/** A white group of rows with hairline separators (WeUI cells). */
export function CellGroup({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <section className="cells-section">
      {title && <h2 className="cells-title">{title}</h2>}
      <div className="cells">{children}</div>
    </section>
  );
}

interface CellContent {
  label: ReactNode;
  /** Under the label, smaller and grey. */
  description?: ReactNode;
  /** On the right, grey. */
  value?: ReactNode;
}

/** A row that opens another page, with a chevron. */
export function LinkCell({ to, label, description, value, testId }: CellContent & { to: string; testId?: string }) {
  return (
    <Link className="cell cell-access" to={to} data-testid={testId}>
      <CellBody label={label} description={description} />
      {value !== undefined && <span className="cell-value">{value}</span>}
      <ChevronIcon />
    </Link>
  );
}

/** A plain row; `action` goes on the right (a button, a switch). */
export function Cell({ label, description, value, action }: CellContent & { action?: ReactNode }) {
  return (
    <div className="cell">
      <CellBody label={label} description={description} />
      {value !== undefined && <span className="cell-value">{value}</span>}
      {action}
    </div>
  );
}

function CellBody({ label, description }: Pick<CellContent, 'label' | 'description'>) {
  return (
    <span className="cell-body">
      <span className="cell-label">{label}</span>
      {description !== undefined && <span className="cell-desc">{description}</span>}
    </span>
  );
}
