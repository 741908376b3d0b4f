import { describe, expect, it } from "vitest";
import { loadInstrumentDefinitions } from "../instruments/definitions/index.ts";
import type { InstrumentDefinition } from "../instruments/instrument-definition.ts";
import { itemField, readMeasureAnswers, skipValue } from "./read-measure-answers.ts";

const definitions = loadInstrumentDefinitions();
const definition = (id: string) => definitions.find((d) => d.id === id) as InstrumentDefinition;
const allSkipped = (d: InstrumentDefinition) =>
  Object.fromEntries(d.items.map((item) => [itemField(item), skipValue]));

describe("reading a questionnaire's answers", () => {
  it("accepts a screen for harm with every question skipped, as declined (DOMAIN.md §4: allow skipping)", () => {
    const read = readMeasureAnswers(definition("hark"), allSkipped(definition("hark")));
    expect(read.problem).toBeUndefined();
    expect(read.declined).toBe(true);
    expect(read.answers).toEqual({});
  });

  it("still asks for at least one answer on any other questionnaire", () => {
    const read = readMeasureAnswers(definition("csi-4"), allSkipped(definition("csi-4")));
    expect(read.problem).toContain("Every question is skipped.");
    expect(read.declined).toBeUndefined();
  });

  it("still names a question left with no choice at all on a screen", () => {
    const read = readMeasureAnswers(definition("hark"), { [itemField("hark-01")]: skipValue });
    expect(read.declined).toBeUndefined();
    expect(read.errors["hark-02"]).toBe("Choose an answer, or “I’d rather not say”.");
  });
});
