import { describe, expect, it } from "vitest";
import { loadInstrumentDefinitions } from "../instruments/definitions/index.ts";
import type { InstrumentDefinition } from "../instruments/instrument-definition.ts";
import { isPositiveScreen, scoreMeasure } from "./score-measure.ts";

const definitions = loadInstrumentDefinitions();
const definition = (id: string) => definitions.find((d) => d.id === id) as InstrumentDefinition;
const answered = (answers: Record<string, number>, declined = false) => ({
  answeredAt: new Date(),
  answers,
  declined,
});

describe("scoring a measure for a page", () => {
  it("scores answers, and tells a positive screen from a negative one", () => {
    const yes = scoreMeasure(definition("hark"), answered({ "hark-01": 0, "hark-02": 1, "hark-03": 0 }));
    const no = scoreMeasure(
      definition("hark"),
      answered({ "hark-01": 0, "hark-02": 0, "hark-03": 0, "hark-04": 0 }),
    );
    expect(yes.kind).toBe("scored");
    expect(isPositiveScreen(yes)).toBe(true);
    expect(isPositiveScreen(no)).toBe(false);
  });

  it("says declined for a screen nobody answered, never a score or a negative", () => {
    const outcome = scoreMeasure(definition("hark"), answered({}, true));
    expect(outcome).toEqual({ kind: "declined" });
    expect(isPositiveScreen(outcome)).toBe(false);
  });

  it("says unanswered before the client has answered", () => {
    expect(scoreMeasure(definition("hark"), { answeredAt: null, answers: null, declined: false })).toEqual({
      kind: "unanswered",
    });
  });

  it("turns a scoring error into 'unscorable' instead of throwing: stored answers or the definition at fault", () => {
    expect(scoreMeasure(definition("connection-check-in"), answered({ "cci-01": 9 }))).toEqual({
      kind: "unscorable",
    });
    const broken = { ...definition("csi-4"), subscales: undefined } as unknown as InstrumentDefinition;
    expect(scoreMeasure(broken, answered({ "csi4-01": 1 }))).toEqual({ kind: "unscorable" });
  });

  it("never scores answers given to placeholder wording, even a screen's yes", () => {
    const placeholder = { name: "Haven placeholder pack", version: "1.0.0", placeholder: true };
    const licensed = { ...placeholder, placeholder: false };
    const yes = { "hark-01": 1, "hark-02": 1, "hark-03": 0, "hark-04": 0 };
    const example = scoreMeasure(definition("hark"), { ...answered(yes), wording: placeholder });
    expect(example).toEqual({ kind: "example-wording" });
    expect(isPositiveScreen(example)).toBe(false);
    expect(scoreMeasure(definition("hark"), { ...answered(yes), wording: licensed }).kind).toBe("scored");
  });
});
