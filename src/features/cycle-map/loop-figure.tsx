import type { LoopStep } from "./loop.ts";
import { arrowheadPath, arrowPath, canvas, lineHeight, loopLayout } from "./loop-geometry.ts";
import { cycleMessages as m } from "./messages.ts";

/**
 * The loop, drawn on the server as SVG (no script, no request), with the same steps as a list below:
 * the list is what a screen reader, a search of the page or a printout reads, whole and in order.
 * Colours come from the stylesheet (`.loop-*`), so the figure follows light and dark.
 */
export function LoopFigure({ steps, name }: { steps: LoopStep[]; name?: string | undefined }) {
  const { boxes, arrows } = loopLayout(steps.map((step) => step.lines));
  return (
    <figure class="loop stack">
      {name && <p class="loop__name">{m.loopNamed(name)}</p>}
      <svg
        class="loop__drawing"
        viewBox={`0 0 ${canvas.width} ${canvas.height}`}
        role="img"
        aria-label={m.loopLabel}
      >
        <defs>
          <marker
            id="loop-arrowhead"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d={arrowheadPath} class="loop__arrowhead" />
          </marker>
        </defs>
        {arrows.map((arrow) => (
          <path
            key={arrowPath(arrow)}
            d={arrowPath(arrow)}
            class="loop__arrow"
            marker-end="url(#loop-arrowhead)"
          />
        ))}
        {boxes.map((box, index) => (
          <g key={`${box.x},${box.y}`} class={`loop__step loop__step--${steps[index]?.kind ?? "move"}`}>
            <rect x={box.x} y={box.y} width={box.width} height={box.height} rx="12" />
            <text x={box.x + 14} y={box.y + 14 + lineHeight * 0.75}>
              {box.lines.map((line, i) => (
                <tspan key={`${i}:${line}`} x={box.x + 14} dy={i === 0 ? 0 : lineHeight}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        <h3 class="loop__caption">{m.textVersion}</h3>
        <ol class="loop__steps">
          {steps.map((step) => (
            <li key={step.lines.join("|")}>{step.lines.join("; ")}.</li>
          ))}
        </ol>
        <p class="muted">{m.roundAgain}</p>
      </figcaption>
    </figure>
  );
}
