import { describe, expect, it } from "vitest";
import { type Box, canvas, charsPerLine, loopLayout, maxLinesPerBox, wrapWords } from "./loop-geometry.ts";

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const onEdge = (p: { x: number; y: number }, box: Box) =>
  ((p.x === box.x || p.x === box.x + box.width) && p.y >= box.y && p.y <= box.y + box.height) ||
  ((p.y === box.y || p.y === box.y + box.height) && p.x >= box.x && p.x <= box.x + box.width);

const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(" ");
const cases: [string, string[][]][] = [
  ["one short line each", [["Ada goes quiet"], ["Ben feels alone"], ["Ben pushes"], ["Ada feels afraid"]]],
  ["the longest steps", [[long], [long, long], [long], [long]]],
  ["uneven steps", [["a"], [long], ["b"], [long, "c"]]],
];

describe("the loop's geometry", () => {
  for (const [name, steps] of cases)
    it(`keeps four boxes inside the figure, apart, joined edge to edge: ${name}`, () => {
      const { boxes, arrows } = loopLayout(steps);
      expect(boxes).toHaveLength(4);
      for (const box of boxes) {
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(canvas.width);
        expect(box.y + box.height).toBeLessThanOrEqual(canvas.height);
        expect(box.lines.length).toBeLessThanOrEqual(maxLinesPerBox);
      }
      for (let i = 0; i < 4; i++)
        for (let j = i + 1; j < 4; j++) expect(overlap(boxes[i] as Box, boxes[j] as Box)).toBe(false);
      arrows.forEach((arrow, i) => {
        expect(onEdge(arrow.from, boxes[i] as Box)).toBe(true);
        expect(onEdge(arrow.to, boxes[(i + 1) % 4] as Box)).toBe(true);
        // The bend sits outside both boxes: the arrow goes round the loop, never through a step.
        for (const box of boxes)
          expect(overlap({ ...arrow.control, width: 0.1, height: 0.1, lines: [] }, box)).toBe(false);
      });
    });

  it("fills words into lines no longer than the width, in order", () => {
    const lines = wrapWords("the cat sat on the mat and then it slept", 10, 10);
    expect(lines).toEqual(["the cat", "sat on the", "mat and", "then it", "slept"]);
    expect(lines.join(" ")).toBe("the cat sat on the mat and then it slept");
  });

  it("cuts a word longer than a line, and ends an overflow with an ellipsis", () => {
    expect(wrapWords("abcdefghijkl", 5, 5)).toEqual(["abcde", "fghij", "kl"]);
    const cut = wrapWords(long, charsPerLine, 3);
    expect(cut).toHaveLength(3);
    expect(cut[2]?.endsWith("…")).toBe(true);
    for (const line of cut) expect(line.length).toBeLessThanOrEqual(charsPerLine);
  });

  it("draws nothing for empty text", () => {
    expect(wrapWords("   ", 10, 3)).toEqual([]);
  });
});
