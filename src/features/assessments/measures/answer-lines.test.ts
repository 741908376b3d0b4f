import { describe, expect, it } from "vitest";
import { loadInstrumentDefinitions } from "../instruments/definitions/index.ts";
import type { InstrumentDefinition } from "../instruments/instrument-definition.ts";
import { answerLines } from "./answer-lines.ts";
import { measureWording } from "./measure-wording.ts";

const definitions = loadInstrumentDefinitions();
const definition = (id: string) => definitions.find((d) => d.id === id) as InstrumentDefinition;

describe("answers as readable lines", () => {
  it("pairs Haven's own questions with their answer labels, and names a skipped one", () => {
    const checkIn = definition("connection-check-in");
    const lines = answerLines(checkIn, measureWording(checkIn, undefined), {
      "cci-01": 3,
      "cci-02": 0,
      "cci-04": 4,
    });
    expect(lines).toEqual([
      { question: "1. This week, when I wanted my partner, I could reach them.", answer: "Mostly (3)" },
      {
        question: "2. This week, when something mattered to me, my partner seemed to care.",
        answer: "Not at all (0)",
      },
      {
        question: "3. This week, there were moments when I felt close to my partner.",
        answer: "I’d rather not say",
      },
      {
        question: "4. This week, I felt able to let my partner know what I needed.",
        answer: "Very much (4)",
      },
    ]);
  });

  it("says yes and no plainly, and numbers the questions when the wording is missing", () => {
    const lines = answerLines(definition("hark"), undefined, { "hark-01": 1, "hark-02": 0 });
    expect(lines.map((line) => `${line.question} ${line.answer}`)).toEqual([
      "1. Question 1 Yes",
      "2. Question 2 No",
      "3. Question 3 I’d rather not say",
      "4. Question 4 I’d rather not say",
    ]);
  });
});
