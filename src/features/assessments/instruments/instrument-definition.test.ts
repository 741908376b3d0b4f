import { describe, expect, it } from "vitest";
import { connectionCheckIn } from "./definitions/connection-check-in.ts";
import { csi4 } from "./definitions/csi-4.ts";
import { csi16 } from "./definitions/csi-16.ts";
import { hark } from "./definitions/hark.ts";
import {
  InstrumentDefinitionError,
  instrumentDefinitions,
  loadInstrumentDefinitions,
} from "./definitions/index.ts";
import { type InstrumentDefinitionInput, itemIds, itemRange, meanTo2 } from "./instrument-definition.ts";

const loaded = loadInstrumentDefinitions();
const byId = (id: string) => loaded.find((d) => d.id === id);

/** The message loadInstrumentDefinitions throws for one changed definition. */
function problemsWith(definition: InstrumentDefinitionInput): string {
  try {
    loadInstrumentDefinitions([definition]);
  } catch (error) {
    if (error instanceof InstrumentDefinitionError) return error.message;
    throw error;
  }
  throw new Error("expected the definition to be refused");
}

describe("the shipped definitions", () => {
  it("all validate, each id once", () => {
    expect(loaded.map((d) => d.id)).toEqual([
      "ecr-r",
      "ecr-rs-partner",
      "csi-4",
      "csi-16",
      "hark",
      "connection-check-in",
    ]);
  });

  it("ECR-R: 36 items on 1–7; anxiety 1–18 and avoidance 19–36 as means; DOMAIN.md's 14 reverse keys", () => {
    const d = byId("ecr-r");
    expect(d?.items).toEqual(itemIds("ecrr", 1, 36));
    expect(d?.responseScale).toMatchObject({ min: 1, max: 7, overrides: {} });
    expect(d?.subscales.map((s) => [s.id, s.method, s.items])).toEqual([
      ["anxiety", "mean", itemIds("ecrr", 1, 18)],
      ["avoidance", "mean", itemIds("ecrr", 19, 36)],
    ]);
    expect(d?.reverseKeyed.map((id) => Number(id.slice(-2)))).toEqual([
      9, 11, 20, 22, 26, 27, 28, 29, 30, 31, 33, 34, 35, 36,
    ]);
    expect(d).toMatchObject({
      visibility: "therapist-only",
      intendedUse: ["intake", "end"],
      permissionRequired: true,
      requiresPack: true,
      cutOffs: [],
    });
  });

  it("ECR-RS (partner): 9 items on 1–7; avoidance 1–6 with 1–4 reversed; anxiety 7–9", () => {
    const d = byId("ecr-rs-partner");
    expect(d?.items).toHaveLength(9);
    expect(d?.reverseKeyed).toEqual(["ecrrs-01", "ecrrs-02", "ecrrs-03", "ecrrs-04"]);
    expect(d?.subscales.map((s) => [s.id, s.method, s.items])).toEqual([
      ["avoidance", "mean", itemIds("ecrrs", 1, 6)],
      ["anxiety", "mean", itemIds("ecrrs", 7, 9)],
    ]);
    expect(d?.visibility).toBe("therapist-only");
  });

  it("CSI-4 and CSI-16: item 1 on 0–6, the rest on 0–5, summed to 0–21 and 0–81", () => {
    for (const [id, count, max, cut] of [
      ["csi-4", 4, 21, 13.5],
      ["csi-16", 16, 81, 51.5],
    ] as const) {
      const d = byId(id);
      if (!d) throw new Error(id);
      expect(d.items).toHaveLength(count);
      expect(d.items.map((item) => itemRange(d, item).max)).toEqual([6, ...Array<number>(count - 1).fill(5)]);
      expect(d.subscales[0]).toMatchObject({ method: "sum", publishedRange: { min: 0, max } });
      expect(d.reverseKeyed).toEqual([]);
      expect(d.cutOffs[0]).toMatchObject({ value: cut, direction: "below" });
    }
    expect(byId("csi-4")?.cutOffs[0]?.verify).toBeUndefined();
    expect(byId("csi-16")?.cutOffs[0]).toMatchObject({
      verify: true,
      verifyNote: expect.stringContaining("verify"),
    });
  });

  it("HARK: four yes/no items about the past year, positive at one yes, with its accuracy facts", () => {
    const d = byId("hark");
    expect(d).toMatchObject({
      responseScale: { kind: "yes-no", min: 0, max: 1 },
      timeFrame: "the past year",
      visibility: "therapist-only",
      overall: { kind: "screen", cutOff: "hark-positive" },
    });
    expect(d?.cutOffs[0]).toMatchObject({ value: 1, direction: "at-or-above" });
    expect(d?.cutOffs[0]?.evidence).toMatch(/sensitivity 81 %.*specificity 95 %.*women/);
  });

  it("cites each published instrument with its DOI", () => {
    expect(loaded.filter((d) => d.nature === "published").map((d) => d.citation?.doi)).toEqual([
      "10.1037/0022-3514.78.2.350",
      "10.1037/a0022898",
      "10.1037/0893-3200.21.4.572",
      "10.1037/0893-3200.21.4.572",
      "10.1186/1471-2296-8-49",
    ]);
  });

  it("ships no wording for a published instrument, and its own wording for the check-in", () => {
    for (const d of loaded.filter((d) => d.nature === "published")) {
      expect(d.ownWording, d.id).toBeUndefined();
      expect(d.requiresPack, d.id).toBe(true);
    }
    const checkIn = byId("connection-check-in");
    expect(checkIn).toMatchObject({ requiresPack: false, visibility: "client-and-therapist", cutOffs: [] });
    expect(checkIn?.ownWording?.notice).toContain("not a validated test");
    expect(Object.keys(checkIn?.ownWording?.items ?? {})).toEqual(checkIn?.items);
  });
});

describe("definition errors are explained", () => {
  it("names the instrument and the field of an item a subscale does not have", () => {
    const broken = {
      ...csi4,
      subscales: [{ id: "total", title: "Total", items: ["csi4-01", "csi4-09"], method: "sum" }],
    };
    expect(problemsWith(broken as InstrumentDefinitionInput)).toContain(
      'instrument "csi-4", subscales.0.items.1: "csi4-09" is not one of the items',
    );
  });

  it("refuses a reverse key, an override or a cut-off that refers to nothing", () => {
    const message = problemsWith({
      ...csi4,
      reverseKeyed: ["csi4-07"],
      responseScale: { min: 0, max: 5, overrides: { "csi4-08": { min: 0, max: 6 } } },
      cutOffs: [
        { id: "low", subscale: "satisfaction", value: 13.5, direction: "below", wording: "In the range." },
      ],
    });
    expect(message).toContain('reverseKeyed.0: "csi4-07" is not one of the items');
    expect(message).toContain('responseScale.overrides.csi4-08: "csi4-08" is not one of the items');
    expect(message).toContain('cutOffs.0.subscale: "satisfaction" is not one of the subscales');
  });

  it("catches item ranges that do not add up to the published range", () => {
    // Item 1 on 0–5 like the others would give 16 × 5 = 80, not the published 81.
    const message = problemsWith({ ...csi16, responseScale: { min: 0, max: 5 } });
    expect(message).toContain(
      "subscales.0.publishedRange: the items give 0–80, but the source publishes 0–81",
    );
  });

  it("requires a note on a cut-off marked verify", () => {
    const cut = {
      id: "c",
      subscale: "total",
      value: 13.5,
      direction: "below" as const,
      wording: "In the range.",
    };
    expect(problemsWith({ ...csi4, cutOffs: [{ ...cut, verify: true }] })).toContain(
      "cutOffs.0.verifyNote: say what is still to be verified",
    );
  });

  it("refuses wording that labels the person", () => {
    const cut = {
      id: "c",
      subscale: "total",
      value: 13.5,
      direction: "below" as const,
      wording: "An anxious type",
    };
    expect(problemsWith({ ...csi4, cutOffs: [cut] })).toContain(
      "cutOffs.0.wording: describe a range, never a type, a diagnosis or a verdict about the person",
    );
  });

  it("keeps published wording out of definitions, and cut-offs out of reflections", () => {
    const withWording = { ...hark, ownWording: connectionCheckIn.ownWording };
    expect(problemsWith(withWording)).toContain(
      "ownWording: Haven does not ship the wording of a published instrument",
    );
    const withCutOff = {
      ...connectionCheckIn,
      cutOffs: [{ id: "c", subscale: "connection", value: 2, direction: "below" as const, wording: "Low." }],
    };
    expect(problemsWith(withCutOff)).toContain(
      "cutOffs: a reflection is not a validated test: it has no cut-offs",
    );
  });

  it("refuses a yes/no scale that is not 0/1, a screen without its cut-off, and a sum that allows gaps", () => {
    const message = problemsWith({
      ...hark,
      responseScale: { kind: "yes-no", min: 1, max: 2 },
      overall: { kind: "screen", cutOff: "missing" },
      missingRule: { maxMissingPerSubscale: 1 },
    });
    expect(message).toContain("responseScale: a yes/no scale is scored no = 0, yes = 1");
    expect(message).toContain('overall.cutOff: "missing" is not one of the cut-offs');
    expect(message).toContain('missingRule: subscale "total" is a sum');
  });

  it("keeps a safety question yes/no and out of every score", () => {
    expect(byId("connection-check-in")?.safetyItems).toEqual(["cci-05"]);
    const message = problemsWith({
      ...connectionCheckIn,
      responseScale: { min: 0, max: 4 },
      subscales: [{ id: "connection", title: "Connection", items: itemIds("cci", 1, 5), method: "mean" }],
      safetyItems: ["cci-05", "cci-09"],
    });
    expect(message).toContain("safetyItems.0: a safety question is answered no = 0, yes = 1");
    expect(message).toContain("safetyItems.0: a safety question is never part of a score");
    expect(message).toContain('safetyItems.1: "cci-09" is not one of the items');
  });

  it("names a definition by its position when it has no id, and finds two with one id", () => {
    const { id: _dropped, ...noId } = csi4;
    expect(() => loadInstrumentDefinitions([noId])).toThrow(/instrument number 1, id:/);
    expect(() => loadInstrumentDefinitions([csi4, csi4])).toThrow(
      'instrument "csi-4", id: two instruments share this id',
    );
  });

  it("leaves the shipped list itself unchanged", () => {
    expect(loadInstrumentDefinitions(instrumentDefinitions)).toEqual(loaded);
  });
});

describe("means to 2 decimals", () => {
  it("rounds half up without float drift", () => {
    expect(meanTo2(201, 200)).toBe(1.01); // 1.005 rounds up, where Math.round(1.005 * 100) gives 100
    expect(meanTo2(5, 3)).toBe(1.67);
    expect(meanTo2(87, 18)).toBe(4.83);
  });
});
