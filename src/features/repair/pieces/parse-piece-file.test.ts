import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadPieces } from "./load-pieces.ts";
import { PieceFileError, parsePieceFile } from "./parse-piece-file.ts";

const good = `---
id: a-piece
title: A piece
for: hurt
steps: [1, 3]
questions:
  - id: first
    ask: What comes to mind first?
---
What this piece is for.
`;

const problemOf = (text: string, file = "repair/a-piece.md") => {
  try {
    parsePieceFile(file, text);
  } catch (error) {
    if (error instanceof PieceFileError) return `${error.field}: ${error.problem}`;
    throw error;
  }
  return "no problem";
};

describe("a repair piece file", () => {
  it("reads the front matter and renders the explanation", () => {
    const piece = parsePieceFile("repair/a-piece.md", good);
    expect(piece).toMatchObject({ id: "a-piece", for: "hurt", steps: [1, 3] });
    expect(piece.questions).toEqual([{ id: "first", ask: "What comes to mind first?" }]);
    expect(piece.introHtml).toContain("<p>What this piece is for.</p>");
  });

  it("stops start-up naming the file and the field", () => {
    expect(() => parsePieceFile("repair/a-piece.md", good.replace("for: hurt", "for: injurer"))).toThrow(
      /repair\/a-piece\.md: for must be "hurt" or "caused"/,
    );
    expect(problemOf(good.replace("steps: [1, 3]", "steps: [2]"))).toBe(
      "steps: must not include step 2: defending is never an exercise",
    );
    expect(problemOf(good.replace("steps: [1, 3]", "steps: [9]"))).toBe("steps.0: must be between 1 and 8");
    expect(problemOf(good.replace("title: A piece", "title: A piece\ndue: 2027-01-01"))).toBe(
      "front matter: has a field Haven does not know (due)",
    );
    expect(problemOf(good, "repair/other-name.md")).toBe("id: must match the file name (other-name)");
    expect(problemOf(good.replace("What this piece is for.\n", ""))).toBe(
      "body: is empty: say what the piece is for",
    );
    expect(problemOf("no front matter")).toMatch(/^front matter: is missing/);
  });

  it("ships the eight pieces of DOMAIN.md §7, four for each role, none for step 2", () => {
    const pieces = loadPieces(path.join(import.meta.dirname, "..", "..", "..", "..", "content"));
    expect(pieces.filter((p) => p.for === "hurt")).toHaveLength(4);
    expect(pieces.filter((p) => p.for === "caused")).toHaveLength(4);
    for (const piece of pieces) {
      expect(piece.steps).not.toContain(2);
      expect(piece.questions.length).toBeLessThanOrEqual(4);
      // No question asks anyone to forgive, or speaks for the partner ("what did you need from me").
      for (const question of piece.questions) expect(question.ask).not.toMatch(/forgive|from me\b|\bdate\b/i);
    }
  });
});
