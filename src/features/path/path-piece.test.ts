import path from "node:path";
import { describe, expect, it } from "vitest";
import { PieceFileError } from "../repair/pieces/parse-piece-file.ts";
import { loadPathPieces, parsePathPieceFile } from "./path-piece.ts";

const good = `---
id: a-piece
title: A piece
for: self
questions:
  - id: first
    ask: What comes to mind first?
---
What this piece is for.
`;

const problemOf = (text: string, file = "path/a-piece.md") => {
  try {
    parsePathPieceFile(file, text);
  } catch (error) {
    if (error instanceof PieceFileError) return `${error.field}: ${error.problem}`;
    throw error;
  }
  return "no problem";
};

describe("a piece of the individual path", () => {
  it("reads the front matter and renders the explanation", () => {
    const piece = parsePathPieceFile("path/a-piece.md", good);
    expect(piece).toMatchObject({ id: "a-piece", for: "self", questions: [{ id: "first" }] });
    expect(piece.coach).toBeUndefined();
    expect(piece.introHtml).toContain("<p>What this piece is for.</p>");
  });

  it("stops start-up naming the file and the field", () => {
    expect(() => parsePathPieceFile("path/a-piece.md", good.replace("for: self", "for: hurt"))).toThrow(
      /Path piece path\/a-piece\.md: for must be "self"/,
    );
    expect(problemOf(good.replace("for: self", "for: self\nsteps: [1]"))).toBe(
      "front matter: has a field Haven does not know (steps)",
    );
    expect(problemOf(good.replace("for: self", "for: self\ncoach: reply"))).toBe(
      'coach: must be "hurt" when it is there',
    );
    expect(problemOf(good, "path/other-name.md")).toBe("id: must match the file name (other-name)");
    expect(problemOf(good.replace("What this piece is for.\n", ""))).toBe(
      "body: is empty: say what the piece is for",
    );
  });

  it("ships the four pieces of the individual path, with no dates or deadlines", () => {
    const pieces = loadPathPieces(path.join(import.meta.dirname, "..", "..", "..", "content"));
    expect(pieces.map((p) => p.id).sort()).toEqual([
      "asking-for-what-i-need",
      "earlier-hurts",
      "safety-and-closeness-in-the-body",
      "what-i-came-to-believe",
    ]);
    // Only the practice in asking is written with the coach's help.
    expect(pieces.filter((p) => p.coach).map((p) => p.id)).toEqual(["asking-for-what-i-need"]);
    for (const piece of pieces) {
      expect(piece.questions.length).toBeLessThanOrEqual(4);
      const words = [piece.title, piece.introHtml, ...piece.questions.map((q) => q.ask)].join(" ");
      expect(words).not.toMatch(/forgive|deadline|\bby (monday|the end)|\bdue\b|\bdate\b|\bweek\b/i);
    }
  });
});
