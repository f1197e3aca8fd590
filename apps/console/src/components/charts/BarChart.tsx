import { useState } from 'react';
import { useElementWidth } from '../../hooks/use-element-width.ts';
import './charts.css';

export interface BarSeries {
  key: string;
  label: string;
  color: string;
}

export interface BarChartProps {
  /** One entry per x position (e.g. a day), values in series order. */
  points: Array<{ label: string; values: number[] }>;
  series: BarSeries[];
  height?: number;
  testId?: string;
}

const PAD = { top: 12, right: 8, bottom: 24, left: 36 };

/** A small grouped bar chart in plain SVG, with a hover readout. Enough for a 14-day trend. */
export function BarChart({ points, series, height = 200, testId }: BarChartProps) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);
  const max = niceMax(Math.max(1, ...points.flatMap((point) => point.values)));
  const innerW = Math.max(0, width - PAD.left - PAD.right);
  const innerH = height - PAD.top - PAD.bottom;
  const slot = points.length ? innerW / points.length : 0;
  const barW = Math.max(2, Math.min(14, (slot * 0.7) / Math.max(1, series.length)));
  const y = (value: number) => PAD.top + innerH - (value / max) * innerH;
  const ticks = [0, max / 2, max];
  const labelEvery = slot < 34 ? 2 : 1;
  const hovered = hover === null ? null : points[hover];

  return (
    <div className="zg-chart" ref={ref} data-testid={testId} onMouseLeave={() => setHover(null)}>
      {width > 0 && (
        <svg width={width} height={height} role="img">
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={PAD.left} x2={width - PAD.right} y1={y(tick)} y2={y(tick)} className="zg-chart-grid" />
              <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" className="zg-chart-axis">
                {formatTick(tick)}
              </text>
            </g>
          ))}
          {points.map((point, index) => {
            const x0 = PAD.left + index * slot;
            const groupW = barW * series.length + (series.length - 1) * 2;
            return (
              <g key={point.label} onMouseEnter={() => setHover(index)}>
                <rect x={x0} y={PAD.top} width={slot} height={innerH} className={hover === index ? 'zg-chart-hover' : 'zg-chart-hit'} />
                {series.map((s, si) => {
                  const value = point.values[si] ?? 0;
                  const top = y(value);
                  return (
                    <rect
                      key={s.key}
                      x={x0 + (slot - groupW) / 2 + si * (barW + 2)}
                      y={top}
                      width={barW}
                      height={Math.max(0, PAD.top + innerH - top)}
                      rx={Math.min(3, barW / 2)}
                      fill={s.color}
                    />
                  );
                })}
                {(points.length - 1 - index) % labelEvery === 0 && (
                  <text x={x0 + slot / 2} y={height - 6} textAnchor="middle" className="zg-chart-axis">
                    {point.label}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      )}
      {hovered && hover !== null && (
        <div className="zg-chart-tip" style={{ left: Math.min(width - 150, Math.max(0, PAD.left + hover * slot + slot / 2 - 70)) }}>
          <strong>{hovered.label}</strong>
          {series.map((s, si) => (
            <span key={s.key}>
              <i style={{ background: s.color }} />
              {s.label}
              <b>{hovered.values[si] ?? 0}</b>
            </span>
          ))}
        </div>
      )}
    </div>
  );
}

/** The axis top: an even round number at or above the data, so the middle grid line is a whole number. */
function niceMax(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [2, 4, 6, 8, 10].find((candidate) => candidate * magnitude >= value) ?? 10;
  return Math.max(2, step * magnitude);
}

function formatTick(value: number): string {
  if (value >= 10_000) return `${Math.round(value / 1000)}k`;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
