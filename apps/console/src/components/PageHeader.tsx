import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
}

export function PageHeader({ title, subtitle, extra }: PageHeaderProps) {
  return (
    <div className="zg-page-head">
      <div>
        <h1 className="zg-page-title">{title}</h1>
        {subtitle && <p className="zg-page-subtitle">{subtitle}</p>}
      </div>
      {extra && <div className="zg-page-extra">{extra}</div>}
    </div>
  );
}
