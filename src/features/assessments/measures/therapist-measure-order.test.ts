import { describe, expect, it } from "vitest";
import { loadInstrumentDefinitions } from "../instruments/definitions/index.ts";
import type { InstrumentDefinition } from "../instruments/instrument-definition.ts";
import { scoreMeasure } from "./score-measure.ts";
import { orderForTherapist } from "./therapist-measure-order.ts";

const definitions = loadInstrumentDefinitions();
const definition = (id: string) => definitions.find((d) => d.id === id) as InstrumentDefinition;
const item = (name: string, id: string, answers: Record<string, number> | null) => ({
  name,
  definition: definition(id),
  outcome: scoreMeasure(definition(id), {
    answeredAt: answers ? new Date() : null,
    answers,
    declined: false,
  }),
});

describe("the order of a client's measures for the therapist", () => {
  it("puts a positive screen first, then a screen still waiting, then the rest as given", () => {
    const newest = item("newest check-in", "connection-check-in", null);
    const waitingScreen = item("waiting screen", "hark", null);
    const answeredCheckIn = item("answered check-in", "connection-check-in", {
      "cci-01": 1,
      "cci-02": 1,
      "cci-03": 1,
      "cci-04": 1,
    });
    const negative = item("negative screen", "hark", {
      "hark-01": 0,
      "hark-02": 0,
      "hark-03": 0,
      "hark-04": 0,
    });
    const positive = item("positive screen", "hark", {
      "hark-01": 1,
      "hark-02": 0,
      "hark-03": 0,
      "hark-04": 0,
    });
    const ordered = orderForTherapist([newest, waitingScreen, answeredCheckIn, negative, positive]);
    expect(ordered.map((m) => m.name)).toEqual([
      "positive screen",
      "waiting screen",
      "newest check-in",
      "answered check-in",
      "negative screen",
    ]);
  });
});
