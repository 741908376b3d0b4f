import { dates } from "../../platform/web/date-time-formats.ts";
import { chart, chartGeometry, linePath } from "./chart-geometry.ts";
import { triggerMessages as m } from "./messages.ts";
import type { WeekSummary } from "./weekly-summary.ts";

const weekLabel = (iso: string) => dates.shortDayAndMonth(new Date(iso), "UTC");

/**
 * The weekly chart, drawn on the server (no script): bars for how many moments, dots for how strong on
 * average. The table below holds the same numbers, for screen readers, print and anyone who prefers it.
 */
export function WeeklyChart({ weeks }: { weeks: readonly WeekSummary[] }) {
  const g = chartGeometry(weeks);
  const total = weeks.reduce((sum, w) => sum + w.count, 0);
  return (
    <figure class="weekly-chart stack">
      <svg
        class="weekly-chart__drawing"
        viewBox={`0 0 ${chart.width} ${chart.height}`}
        role="img"
        aria-label={m.chartLabel(total, weeks.length)}
      >
        {g.countTicks.map((tick) => (
          <g key={`c${tick.value}`}>
            <line
              class="weekly-chart__grid"
              x1={chart.left}
              x2={chart.width - chart.right}
              y1={tick.y}
              y2={tick.y}
            />
            <text class="weekly-chart__tick" x={chart.left - 8} y={tick.y + 5} text-anchor="end">
              {tick.value}
            </text>
          </g>
        ))}
        {g.strengthTicks.map((tick) => (
          <text
            key={`s${tick.value}`}
            class="weekly-chart__tick weekly-chart__tick--strength"
            x={chart.width - chart.right + 8}
            y={tick.y + 5}
          >
            {tick.value}
          </text>
        ))}
        {g.bars.map((bar, i) => (
          <rect
            key={weeks[i]?.weekStart}
            class="weekly-chart__bar"
            x={bar.x}
            y={bar.y}
            width={bar.width}
            height={bar.height}
            rx="3"
          />
        ))}
        {g.meanLines.map((line) => (
          <g key={linePath(line)}>
            {line.length > 1 && <path class="weekly-chart__line" d={linePath(line)} />}
            {line.map((dot) => (
              <circle key={`${dot.x}`} class="weekly-chart__dot" cx={dot.x} cy={dot.y} r="5" />
            ))}
          </g>
        ))}
        {g.labelX.map((x, i) =>
          i % 2 === weeks.length % 2 ? null : (
            <text key={`l${x}`} class="weekly-chart__tick" x={x} y={g.baseline + 22} text-anchor="middle">
              {weekLabel(weeks[i]?.weekStart ?? "")}
            </text>
          ),
        )}
        <text class="weekly-chart__tick" x={4} y={chart.top - 2}>
          {m.axisMoments}
        </text>
        <text
          class="weekly-chart__tick weekly-chart__tick--strength"
          x={chart.width - 4}
          y={chart.top - 2}
          text-anchor="end"
        >
          {m.axisStrength}
        </text>
      </svg>
      <table class="weekly-chart__table">
        <caption>{m.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.weekOf}</th>
            <th scope="col">{m.moments}</th>
            <th scope="col">{m.meanStrength}</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.weekStart}>
              <th scope="row">{weekLabel(week.weekStart)}</th>
              <td>{week.count}</td>
              <td>{week.meanStrength ?? m.none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
