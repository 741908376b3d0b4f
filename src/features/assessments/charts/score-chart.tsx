import { dates } from "../../../platform/web/date-time-formats.ts";
import type { MeasureChart } from "./measure-charts.ts";
import { chartMessages as m } from "./messages.ts";
import { scoreChart, scoreChartGeometry, scorePath } from "./score-chart-geometry.ts";

const shortDay = dates.shortDayAndMonth;
const round = (n: number) => String(Math.round(n * 100) / 100);

/**
 * One measure over time, drawn on the server: a line per person (solid with dots for the first, dashed
 * with squares for the second, so colour is never the only difference), the cut-off as a dashed level,
 * and a table of the same answers for screen readers, print and anyone who prefers numbers.
 */
export function ScoreChart(props: {
  chart: MeasureChart;
  names: { self: string; partner: string };
  timeZone: string;
}) {
  const { chart, names, timeZone } = props;
  const g = scoreChartGeometry(
    chart.lines.map((line) => line.points),
    chart.range,
    chart.cutOff?.value,
  );
  const nameOf = (who: "self" | "partner") => (who === "self" ? names.self : names.partner);
  const people = chart.lines.map((line) => nameOf(line.who)).join(m.and);
  const answers = chart.lines.reduce((sum, line) => sum + line.points.length, 0);
  const note = chart.cutOff
    ? m.cutOffNote(chart.cutOff.wording, chart.cutOff.value)
    : chart.definition.nature === "reflection"
      ? m.reflectionNote
      : undefined;
  const rows = chart.lines
    .flatMap((line) => line.points.map((point) => ({ who: nameOf(line.who), ...point })))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  return (
    <figure class="score-chart stack">
      <svg
        class="score-chart__drawing"
        viewBox={`0 0 ${scoreChart.width} ${scoreChart.height}`}
        role="img"
        aria-label={m.label(chart.definition.title, people, answers)}
      >
        {g.valueTicks.map((tick) => (
          <g key={`v${tick.value}`}>
            <line
              class="score-chart__grid"
              x1={scoreChart.left}
              x2={scoreChart.width - scoreChart.right}
              y1={tick.y}
              y2={tick.y}
            />
            <text class="score-chart__tick" x={scoreChart.left - 8} y={tick.y + 5} text-anchor="end">
              {round(tick.value)}
            </text>
          </g>
        ))}
        {g.cutOffY !== undefined && (
          <line
            class="score-chart__cut-off"
            x1={scoreChart.left}
            x2={scoreChart.width - scoreChart.right}
            y1={g.cutOffY}
            y2={g.cutOffY}
          />
        )}
        {g.lines.map((line, i) => (
          <g
            key={chart.lines[i]?.who}
            class={`score-chart__person score-chart__person--${i === 0 ? "first" : "second"}`}
          >
            {line.length > 1 && <path class="score-chart__line" d={scorePath(line)} />}
            {line.map((p) =>
              i === 0 ? (
                <circle key={`${p.x}`} class="score-chart__mark" cx={p.x} cy={p.y} r="5" />
              ) : (
                <rect
                  key={`${p.x}`}
                  class="score-chart__mark"
                  x={p.x - 5}
                  y={p.y - 5}
                  width="10"
                  height="10"
                />
              ),
            )}
          </g>
        ))}
        {g.timeTicks.map((tick) => (
          <text
            key={`t${tick.x}`}
            class="score-chart__tick"
            x={tick.x}
            y={g.baseline + 24}
            text-anchor="middle"
          >
            {shortDay(tick.at, timeZone)}
          </text>
        ))}
      </svg>
      <p class="muted">
        {chart.lines.map((line, i) => (
          <span key={line.who} class={`score-chart__key score-chart__key--${i === 0 ? "first" : "second"}`}>
            {/* The marker's shape, for sighted readers; the name is what a screen reader needs. */}
            <span aria-hidden="true">{i === 0 ? "● " : "■ "}</span>
            {nameOf(line.who)}
          </span>
        ))}
      </p>
      {note && <p class="muted">{note}</p>}
      <table class="score-chart__table">
        <caption>{m.tableCaption(chart.definition.title)}</caption>
        <thead>
          <tr>
            <th scope="col">{m.date}</th>
            <th scope="col">{m.who}</th>
            <th scope="col">{m.score}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.who}${row.at.getTime()}`}>
              <th scope="row">{shortDay(row.at, timeZone)}</th>
              <td>{row.who}</td>
              <td>{round(row.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
