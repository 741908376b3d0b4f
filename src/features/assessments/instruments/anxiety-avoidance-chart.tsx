import { instrumentMessages as m } from "./messages.ts";

/**
 * ECR-R and ECR-RS scores as one point on the anxiety × avoidance plane: a server-rendered SVG with
 * its text alternative, no JavaScript, no inline styles (classes only, for the CSP). Deliberately no
 * quadrant names: Haven reports continuous scores, never attachment "types".
 */
const size = 240;
const margin = 36;
const scale = (value: number) => margin + ((value - 1) / 6) * (size - 2 * margin);

export function anxietyAvoidanceText(anxiety: number, avoidance: number): string {
  return m.anxietyAvoidance(anxiety.toFixed(2), avoidance.toFixed(2));
}

export function AnxietyAvoidanceChart(props: {
  id: string;
  anxiety: number;
  avoidance: number;
  title: string;
}) {
  const { id, anxiety, avoidance, title } = props;
  if (![anxiety, avoidance].every((v) => Number.isFinite(v) && v >= 1 && v <= 7)) {
    throw new RangeError("anxiety and avoidance must lie between 1 and 7");
  }
  const x = scale(avoidance);
  const y = size - scale(anxiety);
  const ticks = [1, 4, 7];
  return (
    <svg class="chart" viewBox={`0 0 ${size} ${size}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{anxietyAvoidanceText(anxiety, avoidance)}</desc>
      <rect class="chart__frame" x={margin} y={margin} width={size - 2 * margin} height={size - 2 * margin} />
      <line class="chart__mid" x1={scale(4)} y1={margin} x2={scale(4)} y2={size - margin} />
      <line class="chart__mid" x1={margin} y1={size - scale(4)} x2={size - margin} y2={size - scale(4)} />
      {ticks.map((tick) => (
        <text
          class="chart__tick"
          key={`x${tick}`}
          x={scale(tick)}
          y={size - margin + 14}
          text-anchor="middle"
        >
          {tick}
        </text>
      ))}
      {ticks.map((tick) => (
        <text
          class="chart__tick"
          key={`y${tick}`}
          x={margin - 8}
          y={size - scale(tick) + 4}
          text-anchor="end"
        >
          {tick}
        </text>
      ))}
      <text class="chart__axis" x={size / 2} y={size - 4} text-anchor="middle">
        {m.avoidanceAxis}
      </text>
      <text
        class="chart__axis"
        x={12}
        y={size / 2}
        text-anchor="middle"
        transform={`rotate(-90 12 ${size / 2})`}
      >
        {m.anxietyAxis}
      </text>
      <circle class="chart__point" cx={x} cy={y} r={6} />
    </svg>
  );
}
