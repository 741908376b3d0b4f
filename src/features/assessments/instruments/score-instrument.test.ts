import { describe, expect, it } from "vitest";
import { loadInstrumentDefinitions } from "./definitions/index.ts";
import { type InstrumentDefinition, itemId, itemIds } from "./instrument-definition.ts";
import {
  type Answers,
  InstrumentAnswerError,
  type InstrumentScore,
  scoreInstrument,
} from "./score-instrument.ts";

const definitions = loadInstrumentDefinitions();
const definition = (id: string): InstrumentDefinition => {
  const found = definitions.find((d) => d.id === id);
  if (!found) throw new Error(`no definition ${id}`);
  return found;
};
const subscale = (result: InstrumentScore, id: string) => result.subscales.find((s) => s.id === id);
const cutOff = (result: InstrumentScore, id: string) => result.cutOffs.find((c) => c.id === id);

/** Answers from a list, in item order: answersFor("csi4", [4, 3, 2, 4]). */
function answersFor(prefix: string, values: (number | undefined)[]): Answers {
  return Object.fromEntries(values.map((value, i) => [itemId(prefix, i + 1), value]));
}

describe("scoring, worked by hand", () => {
  it("ECR-R: two means, with 9, 11, 20, 22, 26–31 and 33–36 reversed as 8 − x", () => {
    const answers: Answers = {};
    for (const id of itemIds("ecrr", 1, 18)) answers[id] = 5;
    answers["ecrr-09"] = 2; // reversed: 8 − 2 = 6
    answers["ecrr-11"] = 7; // reversed: 8 − 7 = 1
    for (const id of itemIds("ecrr", 19, 36)) answers[id] = 3;
    const result = scoreInstrument(definition("ecr-r"), answers);
    // Anxiety: 16 items × 5 = 80, plus 6 + 1 = 87; 87 / 18 = 4.8333… → 4.83
    expect(subscale(result, "anxiety")).toMatchObject({ score: 4.83, min: 1, max: 7, complete: true });
    // Avoidance: 6 plain items (19, 21, 23, 24, 25, 32) × 3 = 18, 12 reversed items × (8 − 3 = 5) = 60;
    // 78 / 18 = 4.3333… → 4.33
    expect(subscale(result, "avoidance")).toMatchObject({ score: 4.33, min: 1, max: 7, complete: true });
    expect(result.overall).toEqual({ kind: "dimensional" });
    expect(result.cutOffs).toEqual([]);
  });

  it("ECR-RS (partner): avoidance is the mean of 1–6 with 1–4 reversed; anxiety the mean of 7–9", () => {
    const result = scoreInstrument(
      definition("ecr-rs-partner"),
      answersFor("ecrrs", [7, 6, 2, 1, 3, 4, 2, 5, 6]),
    );
    // Avoidance: items 1–4 reversed: 8−7, 8−6, 8−2, 8−1 = 1 + 2 + 6 + 7 = 16; items 5, 6: 3 + 4 = 7;
    // 23 / 6 = 3.8333… → 3.83
    expect(subscale(result, "avoidance")?.score).toBe(3.83);
    // Anxiety: 2 + 5 + 6 = 13; 13 / 3 = 4.3333… → 4.33
    expect(subscale(result, "anxiety")?.score).toBe(4.33);
  });

  it("rounds means half up to 2 decimals", () => {
    const ecrRs = definition("ecr-rs-partner");
    // Anxiety 2 + 2 + 1 = 5; 5 / 3 = 1.6666… → 1.67
    expect(
      subscale(scoreInstrument(ecrRs, answersFor("ecrrs", [4, 4, 4, 4, 4, 4, 2, 2, 1])), "anxiety")?.score,
    ).toBe(1.67);
    // Avoidance: items 1–4 at 1 reverse to 7 each = 28, items 5, 6 at 7 and 6 = 13; 41 / 6 = 6.8333… → 6.83
    expect(
      subscale(scoreInstrument(ecrRs, answersFor("ecrrs", [1, 1, 1, 1, 7, 6, 1, 1, 1])), "avoidance")?.score,
    ).toBe(6.83);
  });

  it("CSI-4: a sum from 0 to 21, with the cut-off below 13.5", () => {
    const csi4 = definition("csi-4");
    // 4 + 3 + 2 + 4 = 13, which is below 13.5
    const low = scoreInstrument(csi4, answersFor("csi4", [4, 3, 2, 4]));
    expect(subscale(low, "total")).toMatchObject({ score: 13, min: 0, max: 21, complete: true });
    expect(low.overall).toEqual({ kind: "total", subscale: "total", score: 13 });
    expect(cutOff(low, "csi4-distress")).toMatchObject({
      met: true,
      value: 13.5,
      direction: "below",
      wording: "In the range often seen in couples who seek help with their relationship.",
      verify: false,
    });
    // 6 + 5 + 5 + 5 = 21, the top of the range: item 1 may be 6, the others only 5
    const high = scoreInstrument(csi4, answersFor("csi4", [6, 5, 5, 5]));
    expect(subscale(high, "total")?.score).toBe(21);
    expect(cutOff(high, "csi4-distress")?.met).toBe(false);
    // 4 + 4 + 3 + 3 = 14: above the cut-off
    expect(cutOff(scoreInstrument(csi4, answersFor("csi4", [4, 4, 3, 3])), "csi4-distress")?.met).toBe(false);
  });

  it("CSI-16: a sum from 0 to 81, with the cut-off below 51.5 flagged to verify", () => {
    const csi16 = definition("csi-16");
    // 5 + 15 × 3 = 50, below 51.5
    const result = scoreInstrument(csi16, answersFor("csi16", [5, ...Array<number>(15).fill(3)]));
    expect(subscale(result, "total")).toMatchObject({ score: 50, min: 0, max: 81 });
    expect(cutOff(result, "csi16-distress")).toMatchObject({ met: true, value: 51.5, verify: true });
    // 6 + 15 × 5 = 81
    expect(
      subscale(scoreInstrument(csi16, answersFor("csi16", [6, ...Array<number>(15).fill(5)])), "total")
        ?.score,
    ).toBe(81);
    // 4 + 15 × 4 = 64: not below 51.5
    const content = scoreInstrument(csi16, answersFor("csi16", Array<number>(16).fill(4)));
    expect(cutOff(content, "csi16-distress")?.met).toBe(false);
  });

  it("HARK: positive when any answer is yes", () => {
    const hark = definition("hark");
    // 0 + 0 + 0 + 0 = 0: negative
    const none = scoreInstrument(hark, answersFor("hark", [0, 0, 0, 0]));
    expect(none.overall).toEqual({ kind: "screen", result: "negative" });
    expect(subscale(none, "total")).toMatchObject({ score: 0, min: 0, max: 4 });
    // 0 + 1 + 0 + 0 = 1, at or above 1: positive
    const one = scoreInstrument(hark, answersFor("hark", [0, 1, 0, 0]));
    expect(one.overall).toEqual({ kind: "screen", result: "positive" });
    expect(cutOff(one, "hark-positive")?.met).toBe(true);
    expect(subscale(scoreInstrument(hark, answersFor("hark", [1, 1, 1, 1])), "total")?.score).toBe(4);
  });

  it("HARK: one yes is positive even when another question was skipped; all-no with a gap is incomplete", () => {
    const hark = definition("hark");
    const skipped = scoreInstrument(hark, answersFor("hark", [undefined, 1, undefined, 0]));
    expect(skipped.overall).toEqual({ kind: "screen", result: "positive" });
    expect(subscale(skipped, "total")).toMatchObject({
      score: null,
      complete: false,
      missingItems: ["hark-01", "hark-03"],
    });
    const unsure = scoreInstrument(hark, answersFor("hark", [0, 0, undefined, 0]));
    expect(unsure.overall).toEqual({ kind: "screen", result: "incomplete" });
    expect(cutOff(unsure, "hark-positive")?.met).toBeNull();
  });

  it("the connection check-in: a mean from 0 to 4, with no cut-off", () => {
    // 3 + 2 + 4 + 1 = 10; 10 / 4 = 2.5
    const result = scoreInstrument(definition("connection-check-in"), answersFor("cci", [3, 2, 4, 1]));
    expect(subscale(result, "connection")).toMatchObject({ score: 2.5, min: 0, max: 4, complete: true });
    expect(result.overall).toEqual({ kind: "total", subscale: "connection", score: 2.5 });
    expect(result.cutOffs).toEqual([]);
  });
});

describe("missing answers", () => {
  it("reports the missing item ids of an incomplete subscale, and gives it no score", () => {
    const answers: Answers = Object.fromEntries(itemIds("ecrr", 1, 36).map((id) => [id, 4]));
    answers["ecrr-05"] = undefined;
    delete answers["ecrr-30"];
    const result = scoreInstrument(definition("ecr-r"), answers);
    expect(subscale(result, "anxiety")).toMatchObject({
      score: null,
      complete: false,
      missingItems: ["ecrr-05"],
    });
    expect(subscale(result, "avoidance")).toMatchObject({
      score: null,
      complete: false,
      missingItems: ["ecrr-30"],
    });
  });

  it("scores the other subscale when one is complete", () => {
    const answers = answersFor("ecrrs", [4, 4, 4, 4, 4, 4, 3, undefined, 3]);
    const result = scoreInstrument(definition("ecr-rs-partner"), answers);
    expect(subscale(result, "avoidance")).toMatchObject({ score: 4, complete: true, missingItems: [] });
    expect(subscale(result, "anxiety")).toMatchObject({
      score: null,
      complete: false,
      missingItems: ["ecrrs-08"],
    });
  });

  it("leaves a sum's cut-off undecided while the missing answers could still change it", () => {
    // 4 + 4 + 3 = 11 so far; item 4 could add 0–5, so the total could be 11–16, either side of 13.5
    const result = scoreInstrument(definition("csi-4"), answersFor("csi4", [4, 4, 3, undefined]));
    expect(subscale(result, "total")).toMatchObject({ score: null, missingItems: ["csi4-04"] });
    expect(cutOff(result, "csi4-distress")?.met).toBeNull();
    expect(result.overall).toEqual({ kind: "total", subscale: "total", score: null });
  });

  it("with a rule that allows a missing answer, a mean is taken over the answered items", () => {
    const lenient: InstrumentDefinition = {
      ...definition("connection-check-in"),
      missingRule: { maxMissingPerSubscale: 1 },
    };
    // 4 + 2 + 3 = 9 over 3 answered items = 3
    const result = scoreInstrument(lenient, answersFor("cci", [4, undefined, 2, 3]));
    expect(subscale(result, "connection")).toMatchObject({
      score: 3,
      complete: false,
      missingItems: ["cci-02"],
    });
    expect(
      subscale(scoreInstrument(lenient, answersFor("cci", [4, undefined, undefined, 3])), "connection")
        ?.score,
    ).toBeNull();
  });
});

describe("answers that cannot be scored", () => {
  const rejection = (id: string, answers: Answers): InstrumentAnswerError => {
    try {
      scoreInstrument(definition(id), answers);
    } catch (error) {
      if (error instanceof InstrumentAnswerError) return error;
      throw error;
    }
    throw new Error("expected the answers to be rejected");
  };

  it("rejects an answer outside the scale and names the item", () => {
    const error = rejection("ecr-r", { "ecrr-03": 8, "ecrr-04": 0 });
    expect(error.problems).toEqual([
      { itemId: "ecrr-03", message: "is 8, but answers run from 1 to 7" },
      { itemId: "ecrr-04", message: "is 0, but answers run from 1 to 7" },
    ]);
    expect(error.message).toContain("ecrr-03 is 8, but answers run from 1 to 7");
  });

  it("uses each item's own range: CSI-4 item 1 may be 6, item 2 may not", () => {
    expect(() => scoreInstrument(definition("csi-4"), answersFor("csi4", [6, 5, 5, 5]))).not.toThrow();
    expect(rejection("csi-4", answersFor("csi4", [6, 6, 5, 5])).problems).toEqual([
      { itemId: "csi4-02", message: "is 6, but answers run from 0 to 5" },
    ]);
  });

  it("rejects answers that are not whole numbers", () => {
    const error = rejection("connection-check-in", { "cci-01": 2.5, "cci-02": Number.NaN });
    expect(error.problems.map((p) => p.itemId)).toEqual(["cci-01", "cci-02"]);
    expect(error.problems[0]?.message).toBe("is 2.5, but answers are whole numbers from 0 to 4");
  });

  it("rejects a yes/no answer other than 0 or 1, and an item the instrument does not have", () => {
    expect(rejection("hark", { "hark-01": 2 }).problems[0]?.message).toBe(
      "is 2, but answers run from 0 to 1",
    );
    expect(rejection("hark", { "hark-05": 1 }).problems[0]).toEqual({
      itemId: "hark-05",
      message: "is not an item of hark",
    });
  });
});

describe("results never label the person", () => {
  it("has no attachment types or diagnoses anywhere in a result", () => {
    for (const d of definitions) {
      const answers = Object.fromEntries(
        d.items.map((id) => [id, d.responseScale.overrides[id]?.max ?? d.responseScale.max]),
      );
      const text = JSON.stringify(scoreInstrument(d, answers));
      expect(text).not.toMatch(
        /\b(anxious|avoidant|secure|fearful|dismissing|preoccupied|types?|diagnos\w*|disorder)\b/i,
      );
    }
  });
});
