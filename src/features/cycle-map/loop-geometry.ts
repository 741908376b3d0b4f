/**
 * Where the loop's four steps and its arrows sit, as numbers only: no markup, no browser, so the
 * geometry is tested on its own (loop-geometry.test.ts) and the figure (loop-figure.tsx) just draws.
 * Four boxes round a circle — top, right, bottom, left — joined clockwise by curved arrows.
 */
export const canvas = { width: 640, height: 640 } as const;
export const boxWidth = 280;
export const lineHeight = 24;
const padding = 14;
const margin = 8;
/** About how many characters fit on a line of a box at the figure's type size. */
export const charsPerLine = 25;
export const maxLinesPerBox = 6;

export type Box = { x: number; y: number; width: number; height: number; lines: string[] };
export type Point = { x: number; y: number };
export type Arrow = { from: Point; to: Point; control: Point };

/** Words filled into lines of at most `width` characters; a longer word is cut; past `maxLines`, an ellipsis. */
export function wrapWords(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const raw of text.split(/\s+/).filter(Boolean)) {
    let word = raw;
    while (word.length > width) {
      if (line) lines.push(line);
      lines.push(word.slice(0, width));
      word = word.slice(width);
      line = "";
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? "";
  kept[maxLines - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
  return kept;
}

const heightFor = (lines: number) => lines * lineHeight + 2 * padding;

/** The four boxes (top, right, bottom, left), each sized to its lines, and the arrows between them. */
export function loopLayout(steps: readonly string[][]): { boxes: Box[]; arrows: Arrow[] } {
  const wrapped = steps.map((lines) => wrapWords(lines.join(" · "), charsPerLine, maxLinesPerBox));
  const [top = [], right = [], bottom = [], left = []] = wrapped;
  const middle = canvas.height / 2;
  const centreX = (canvas.width - boxWidth) / 2;
  const box = (x: number, y: number, lines: string[]): Box => ({
    x,
    y,
    width: boxWidth,
    height: heightFor(lines.length),
    lines,
  });
  const boxes = [
    box(centreX, margin, top),
    box(canvas.width - boxWidth - margin, middle - heightFor(right.length) / 2, right),
    box(centreX, canvas.height - margin - heightFor(bottom.length), bottom),
    box(margin, middle - heightFor(left.length) / 2, left),
  ];
  const [t, r, b, l] = boxes as [Box, Box, Box, Box];
  // Each curve bends through the outer corner between its two boxes, so the arrows go round, not across.
  const across = (from: Point, to: Point): Arrow => ({ from, to, control: { x: to.x, y: from.y } });
  const down = (from: Point, to: Point): Arrow => ({ from, to, control: { x: from.x, y: to.y } });
  const arrows = [
    across({ x: t.x + t.width, y: t.y + t.height / 2 }, { x: r.x + r.width / 2, y: r.y }),
    down({ x: r.x + r.width / 2, y: r.y + r.height }, { x: b.x + b.width, y: b.y + b.height / 2 }),
    across({ x: b.x, y: b.y + b.height / 2 }, { x: l.x + l.width / 2, y: l.y + l.height }),
    down({ x: l.x + l.width / 2, y: l.y }, { x: t.x, y: t.y + t.height / 2 }),
  ];
  return { boxes, arrows };
}

/** An arrow as an SVG path: a quarter-turn curve from one box's edge to the next. */
export const arrowPath = ({ from, to, control }: Arrow) =>
  `M ${from.x} ${from.y} Q ${control.x} ${control.y} ${to.x} ${to.y}`;

/** The arrowhead: a small triangle pointing along the arrow, in its marker's own 10 × 10 box. */
export const arrowheadPath = "M 0 0 L 10 5 L 0 10 z";
