import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface TimeSeries {
  label: string;
  values: (number | null)[];
  color: string;
  /** A dashed line (a compared period, a forecast). */
  dashed?: boolean;
  /** A thin line without its own colour in the legend's weight (an interval's bounds). */
  thin?: boolean;
}

export interface TimeChartProps {
  title: string;
  /** One timestamp per period, in seconds. */
  x: number[];
  series: TimeSeries[];
  /** Shades between two series, by their position in `series` (upper, lower): a forecast's interval. */
  band?: [number, number];
  height?: number;
  /** Values in the legend and the table (full precision). */
  format: (v: number) => string;
  /** Values on the y axis (compact); `format` when absent. */
  axisFormat?: (v: number) => string;
  /** A period's name (the x axis, the legend, the table). */
  xFormat: (t: number) => string;
  /** A period's name on the x axis, where it must be short; `xFormat` when absent. */
  xAxisFormat?: (t: number) => string;
  /** What x is, for the legend (e.g. "Month"). */
  xLabel: string;
}

/**
 * A time chart (uPlot, canvas) for the dashboards: x is one timestamp per
 * period, each series a line; `band` shades an interval between two series.
 * The legend shows the values under the cursor. A table with the same numbers
 * follows it for screen readers, since a canvas says nothing.
 */
export function TimeChart(props: TimeChartProps) {
  const box = useRef<HTMLDivElement>(null);
  // Redrawn only when the numbers change, not on every render of the page.
  const key = JSON.stringify([props.x, props.series, props.band]);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const axis = props.axisFormat ?? props.format;
    const opts: uPlot.Options = {
      width: el.clientWidth || 600,
      height: props.height ?? 260,
      // Room on the right for the last period's label.
      padding: [12, 36, 0, 0],
      series: [
        { label: props.xLabel, value: (_u: uPlot, v: number | null) => (v == null ? '—' : props.xFormat(v)) },
        ...props.series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: s.thin ? 1 : 2,
          dash: s.dashed ? [6, 4] : undefined,
          points: { show: !s.thin },
          value: (_u: uPlot, v: number | null) => (v == null ? '—' : props.format(v)),
        })),
      ],
      axes: [
        {
          values: (_u, ticks) => ticks.map((t) => (props.xAxisFormat ?? props.xFormat)(t)),
          stroke: '#5a6570',
          space: 70,
        },
        { values: (_u, ticks) => ticks.map((v) => axis(v)), size: 72, stroke: '#5a6570' },
      ],
      // Ticks fall on Shanghai's month and week starts, wherever the browser is.
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Asia/Shanghai'),
      bands: props.band
        ? [{ series: [props.band[0] + 1, props.band[1] + 1], fill: 'rgba(10,110,189,0.15)' }]
        : undefined,
    };
    const chart = new uPlot(opts, [props.x, ...props.series.map((s) => s.values)] as uPlot.AlignedData, el);
    const resize = new ResizeObserver(() => chart.setSize({ width: el.clientWidth, height: opts.height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
    // The chart is rebuilt when its key (data and labels) changes, not on every new array identity.
  }, [key]);
  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      <div ref={box} class="plot" aria-hidden="true" />
      {/* A table box ignores overflow: the wrapper is what hides it. */}
      <div class="sr-only">
        <table>
          <caption>{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.xLabel}</th>
              {props.series.map((s) => (
                <th scope="col" key={s.label}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.x.map((x, i) => (
              <tr key={x}>
                <th scope="row">{props.xFormat(x)}</th>
                {props.series.map((s) => (
                  <td key={s.label}>{s.values[i] == null ? '—' : props.format(s.values[i])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

export interface Bar {
  label: string;
  value: number;
  /** Said after the value: growth, online share. */
  note?: string;
  /** Where the label links to (a partner's insights). */
  to?: string;
}

/** Horizontal bars for a ranking (sales by partner or province): plain HTML, readable as a list. */
export function BarChart(props: {
  title: string;
  rows: Bar[];
  format: (v: number) => string;
  link?: (to: string, label: string) => ComponentChildren;
}) {
  const max = Math.max(1, ...props.rows.map((r) => r.value));
  return (
    <figure class="chart bars">
      <figcaption>{props.title}</figcaption>
      <ol>
        {props.rows.map((r) => (
          <li key={r.label} data-value={r.value}>
            <span class="bar-label">{r.to && props.link ? props.link(r.to, r.label) : r.label}</span>
            <span class="bar-track">
              <span class="bar" style={{ width: `${(Math.max(0, r.value) / max) * 100}%` }} />
            </span>
            <span class="bar-value">
              {props.format(r.value)}
              {r.note ? <small class="muted"> {r.note}</small> : null}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
