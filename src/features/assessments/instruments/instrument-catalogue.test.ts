import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../../config.ts";
import { loadInstrumentDefinitions } from "./definitions/index.ts";
import { catalogue } from "./instrument-catalogue.ts";
import { type InstrumentPack, loadPack } from "./instrument-pack.ts";

const definitions = loadInstrumentDefinitions();
const statuses = (pack: InstrumentPack | undefined) =>
  Object.fromEntries(catalogue(definitions, pack).map((entry) => [entry.id, entry.status]));

describe("the instrument catalogue", () => {
  it("without a pack, only Haven's own check-in is ready", () => {
    expect(statuses(undefined)).toEqual({
      "ecr-r": "needs its wording",
      "ecr-rs-partner": "needs its wording",
      "csi-4": "needs its wording",
      "csi-16": "needs its wording",
      hark: "needs its wording",
      "connection-check-in": "ready",
    });
  });

  it("with the placeholder pack, the published ones are ready with placeholder wording", () => {
    const placeholder = loadPack(path.join(projectRoot, "content", "instrument-packs", "placeholder.yaml"));
    expect(statuses(placeholder)).toEqual({
      "ecr-r": "ready (placeholder wording)",
      "ecr-rs-partner": "ready (placeholder wording)",
      "csi-4": "ready (placeholder wording)",
      "csi-16": "ready (placeholder wording)",
      hark: "ready (placeholder wording)",
      "connection-check-in": "ready",
    });
  });

  it("with a real pack for some instruments, those are ready and the rest still need their wording", () => {
    const items = { "csi4-01": "One.", "csi4-02": "Two.", "csi4-03": "Three.", "csi4-04": "Four." };
    const pack: InstrumentPack = {
      pack: {
        name: "Ours",
        version: "1",
        placeholder: false,
        licence: { holder: "Authors", terms: "Clinical use" },
      },
      instruments: {
        "csi-4": { items, responseLabels: {}, itemResponseLabels: {} },
        // Incomplete wording is never "ready", even if a pack got past the checker somehow.
        hark: { items: { "hark-01": "One." }, responseLabels: {}, itemResponseLabels: {} },
      },
    };
    expect(statuses(pack)).toMatchObject({
      "csi-4": "ready",
      hark: "needs its wording",
      "ecr-r": "needs its wording",
    });
  });

  it("carries what a therapist needs to choose: title, nature, visibility and intended use", () => {
    const ecrR = catalogue(definitions, undefined).find((entry) => entry.id === "ecr-r");
    expect(ecrR).toEqual({
      id: "ecr-r",
      title: "Experiences in Close Relationships – Revised",
      shortTitle: "ECR-R",
      nature: "published",
      visibility: "therapist-only",
      intendedUse: ["intake", "end"],
      status: "needs its wording",
    });
  });
});
