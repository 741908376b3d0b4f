import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { loadInstrumentDefinitions } from "../instruments/definitions/index.ts";
import type { InstrumentDefinition } from "../instruments/instrument-definition.ts";
import { itemIds } from "../instruments/instrument-definition.ts";
import { scoreInstrument } from "../instruments/score-instrument.ts";
import { MeasureResults } from "./measure-results.tsx";

const csi16 = loadInstrumentDefinitions().find((d) => d.id === "csi-16") as InstrumentDefinition;
const cutOffWording = "In the range often seen in couples who seek help";

describe("a measure's results", () => {
  it("shows a cut-off still to be verified to the therapist only", () => {
    // All zeros: far below CSI-16's cut-off of 51.5, which is marked "verify".
    const score = scoreInstrument(csi16, Object.fromEntries(itemIds("csi16", 1, 16).map((id) => [id, 0])));
    const render = (forTherapist: boolean) =>
      renderToString(<MeasureResults id="m" definition={csi16} score={score} forTherapist={forTherapist} />);
    expect(render(true)).toContain(cutOffWording);
    expect(render(true)).toContain("still to be checked against its source");
    expect(render(false)).not.toContain(cutOffWording);
    expect(render(false)).toContain("<strong>0</strong>");
  });
});
