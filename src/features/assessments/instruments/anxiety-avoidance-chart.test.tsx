import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { AnxietyAvoidanceChart } from "./anxiety-avoidance-chart.tsx";

const render = (anxiety: number, avoidance: number) =>
  renderToString(
    <AnxietyAvoidanceChart id="c" anxiety={anxiety} avoidance={avoidance} title="ECR-R at intake" />,
  );

describe("the anxiety × avoidance chart", () => {
  it("places the point by the scores and says them in words", () => {
    const svg = render(4.83, 4.33);
    expect(svg).toContain('role="img"');
    expect(svg).toContain("Anxiety 4.83 and avoidance 4.33, each on a scale from 1 to 7.");
    const cx = Number(/cx="([\d.]+)"/.exec(svg)?.[1]);
    const cy = Number(/cy="([\d.]+)"/.exec(svg)?.[1]);
    expect(cx).toBeCloseTo(36 + (3.33 / 6) * 168, 5);
    expect(cy).toBeCloseTo(240 - (36 + (3.83 / 6) * 168), 5);
    // Corners: low anxiety and avoidance at the bottom left, high at the top right.
    expect(render(1, 1)).toContain('cx="36" cy="204"');
    expect(render(7, 7)).toContain('cx="204" cy="36"');
  });

  it("uses no inline styles and names no attachment types", () => {
    const svg = render(2, 6);
    expect(svg).not.toMatch(/style=/);
    expect(svg.toLowerCase()).not.toMatch(/secure|anxious type|avoidant|fearful|dismissive|preoccupied/);
  });

  it("refuses scores outside 1 to 7", () => {
    expect(() => render(0, 4)).toThrow(RangeError);
    expect(() => render(4, Number.NaN)).toThrow(RangeError);
  });
});
