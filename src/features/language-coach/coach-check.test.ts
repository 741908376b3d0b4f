import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../config.ts";
import { loadPieces } from "../repair/pieces/load-pieces.ts";
import { askedToCheck, findingsIn, pieceCoachMode } from "./coach-check.ts";
import { explanationOf } from "./coach-rules.ts";

describe("where the coach speaks in the repair pieces", () => {
  const pieces = loadPieces(path.join(projectRoot, "content"));

  it("is silent in the first telling of a hurt, and in no other shipped piece", () => {
    const silent = pieces.filter((piece) => pieceCoachMode(piece) === undefined).map((piece) => piece.id);
    expect(silent).toEqual(["telling-what-happened"]);
  });

  it("reads the hurt partner's other pieces as writing about a hurt, and the other partner's as a reply", () => {
    for (const piece of pieces.filter((p) => !p.steps.includes(1) || p.for === "caused"))
      expect(pieceCoachMode(piece), piece.id).toBe(piece.for === "hurt" ? "hurt" : "reply");
  });
});

describe("a check", () => {
  it("says nothing at all when any field may be about harm", () => {
    const fields = [
      { label: "First", text: "You never call." },
      { label: "Second", text: "He pushed me." },
    ];
    expect(findingsIn(fields, "hurt")).toBeUndefined();
    expect(findingsIn([{ label: "First", text: "Thank you." }], "hurt")).toEqual([]);
  });

  it("is a post with the button's name and value, and nothing else", () => {
    expect(askedToCheck({ coach: "check" })).toBe(true);
    expect(askedToCheck({ coach: "save" })).toBe(false);
    expect(askedToCheck({ after: "stay" })).toBe(false);
    expect(askedToCheck(undefined)).toBe(false);
  });

  it("lists each field's marks in order, with the phrase as written and its sentence", () => {
    const findings = findingsIn(
      [
        { label: "First", text: "You never call." },
        { label: "Second", text: "Nothing here." },
        { label: "Third", text: "It's your fault." },
      ],
      "hurt",
    );
    expect(findings).toEqual([
      { field: "First", phrase: "You never", kind: "absolute", explanation: explanationOf("absolute") },
      { field: "Third", phrase: "It's your fault", kind: "blame", explanation: explanationOf("blame") },
    ]);
  });
});
