import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { projectRoot } from "../../../config.ts";
import { loadInstrumentDefinitions } from "./definitions/index.ts";
import { checkPack, formatPackProblem, loadPack, PackError, type PackProblem } from "./instrument-pack.ts";

const definitions = loadInstrumentDefinitions();
const placeholderFile = path.join(projectRoot, "content", "instrument-packs", "placeholder.yaml");

/** A small real-looking pack (CSI-4 only, invented wording), to break one way at a time. */
function csi4Pack(): Record<string, unknown> {
  return {
    pack: { name: "Test pack", version: "1", licence: { holder: "The authors", terms: "Clinical use" } },
    instruments: {
      "csi-4": {
        instructions: "Test instructions.",
        items: {
          "csi4-01": "Item one.",
          "csi4-02": "Item two.",
          "csi4-03": "Item three.",
          "csi4-04": "Item four.",
        },
        responseLabels: { "0": "Low", "5": "High" },
      },
    },
  };
}

function check(pack: unknown): PackProblem[] {
  return checkPack(typeof pack === "string" ? pack : YAML.stringify(pack), definitions);
}

describe("the placeholder pack", () => {
  it("passes the checker, words every item of every published instrument and says it is a placeholder", () => {
    const pack = loadPack(placeholderFile, definitions);
    expect(pack.pack.placeholder).toBe(true);
    for (const d of definitions.filter((d) => d.requiresPack)) {
      expect(Object.keys(pack.instruments[d.id]?.items ?? {})).toEqual(d.items);
      for (const wording of Object.values(pack.instruments[d.id]?.items ?? {})) {
        expect(wording).toMatch(/^\[Placeholder wording for .+ — replace with the licensed text\]$/);
      }
    }
    expect(pack.instruments["connection-check-in"]).toBeUndefined();
  });
});

describe("checking a pack", () => {
  it("finds nothing wrong in a complete pack", () => {
    expect(check(csi4Pack())).toEqual([]);
  });

  it("reports a missing licence", () => {
    const pack = csi4Pack();
    delete (pack.pack as Record<string, unknown>).licence;
    expect(check(pack)).toEqual([
      {
        path: "pack.licence",
        line: 1,
        message:
          "the pack must record its licence: who holds the rights (holder) and the terms of use (terms)",
      },
    ]);
    (pack.pack as Record<string, unknown>).licence = { holder: "The authors" };
    expect(check(pack).map((p) => [p.path, p.message])).toEqual([
      ["pack.licence.terms", "say on what terms the practice may use this wording"],
    ]);
  });

  it("reports an instrument Haven does not know", () => {
    const pack = csi4Pack();
    (pack.instruments as Record<string, unknown>)["csi-32"] = { items: { "csi32-01": "One." } };
    expect(check(pack).map((p) => [p.path, p.message])).toEqual([
      [
        "instruments.csi-32",
        'Haven has no instrument "csi-32" (it knows ecr-r, ecr-rs-partner, csi-4, csi-16, hark)',
      ],
    ]);
  });

  it("reports missing item wording, one by one or, for many, in one line", () => {
    const pack = csi4Pack();
    const items =
      (pack.instruments as Record<string, { items: Record<string, string> }>)["csi-4"]?.items ?? {};
    delete items["csi4-03"];
    expect(check(pack).map((p) => [p.path, p.message])).toEqual([
      ["instruments.csi-4.items.csi4-03", "the wording for CSI-4 item csi4-03 is missing"],
    ]);
    const ecr = { ...csi4Pack(), instruments: { "ecr-rs-partner": { items: { "ecrrs-01": "One." } } } };
    expect(check(ecr).map((p) => p.message)).toEqual([
      "the wording for 8 of ECR-RS (partner)'s 9 items is missing: ecrrs-02, ecrrs-03, ecrrs-04, ecrrs-05, ecrrs-06, ecrrs-07, ecrrs-08, ecrrs-09",
    ]);
  });

  it("reports extra item ids", () => {
    const pack = csi4Pack();
    const csi = (pack.instruments as Record<string, { items: Record<string, string> }>)["csi-4"];
    if (csi) csi.items["csi4-05"] = "Item five.";
    expect(check(pack).map((p) => [p.path, p.message])).toEqual([
      ["instruments.csi-4.items.csi4-05", "CSI-4 has no item csi4-05 (its items run csi4-01 to csi4-04)"],
    ]);
  });

  it("reports empty wording, whether blank or left with nothing after the colon", () => {
    const text = YAML.stringify(csi4Pack())
      .replace("csi4-02: Item two.", 'csi4-02: "   "')
      .replace("csi4-04: Item four.", "csi4-04:");
    expect(check(text).map((p) => [p.path, p.message])).toEqual([
      ["instruments.csi-4.items.csi4-02", "the wording is empty"],
      ["instruments.csi-4.items.csi4-04", "the wording is empty"],
    ]);
  });

  it("reports response labels whose keys are not answers, with each item's own range", () => {
    const pack = csi4Pack();
    const csi = (pack.instruments as Record<string, Record<string, unknown>>)["csi-4"] as Record<
      string,
      unknown
    >;
    csi.responseLabels = { "0": "Low", "7": "Too high", often: "Not a number", "2": "" };
    csi.itemResponseLabels = { "csi4-01": { "6": "Fine on item 1" }, "csi4-02": { "6": "Not on item 2" } };
    expect(check(pack).map((p) => [p.path, p.message])).toEqual([
      ["instruments.csi-4.responseLabels.2", "the label is empty"],
      ["instruments.csi-4.responseLabels.7", '"7" is not an answer here: label the whole numbers 0 to 6'],
      [
        "instruments.csi-4.responseLabels.often",
        '"often" is not an answer here: label the whole numbers 0 to 6',
      ],
      [
        "instruments.csi-4.itemResponseLabels.csi4-02.6",
        '"6" is not an answer here: label the whole numbers 0 to 5',
      ],
    ]);
  });

  it("reports fields that are misspelt or of the wrong kind, in plain words", () => {
    const pack = csi4Pack();
    const csi = (pack.instruments as Record<string, Record<string, unknown>>)["csi-4"] as Record<
      string,
      unknown
    >;
    csi.instrucions = csi.instructions;
    (pack.pack as Record<string, unknown>).placeholder = "yes";
    expect(check(pack).map((p) => [p.path, p.message])).toEqual([
      ["pack.placeholder", "should be true or false"],
      ["instruments.csi-4.instrucions", "is not part of the pack format (check the spelling)"],
    ]);
  });

  it("gives the line of each problem", () => {
    const text = [
      "pack:",
      "  name: Test",
      '  version: "1"',
      "  licence: { holder: Authors, terms: Clinical use }",
      "instruments:",
      "  csi-4:",
      "    items:",
      '      csi4-01: "One"',
      '      csi4-02: "Two"',
      '      csi4-03: ""',
      '      csi4-04: "Four"',
      '      csi4-05: "Five"',
    ].join("\n");
    expect(check(text).map(formatPackProblem)).toEqual([
      "line 10, instruments.csi-4.items.csi4-03: the wording is empty",
      "line 12, instruments.csi-4.items.csi4-05: CSI-4 has no item csi4-05 (its items run csi4-01 to csi4-04)",
    ]);
  });

  it("reports a file that is not YAML, or is empty", () => {
    const [broken] = check("pack: [\n  name: x\n");
    expect(broken?.path).toBe("(file)");
    expect(broken?.message).toMatch(/^this is not valid YAML: /);
    expect(check("")).toEqual([
      { path: "(file)", line: undefined, message: "the file should start with pack: and instruments:" },
    ]);
  });

  it("asks for the written permission the ECR-R needs, unless the pack is a placeholder", () => {
    const ecrItems = Object.fromEntries(
      (definitions.find((d) => d.id === "ecr-r")?.items ?? []).map((id) => [id, `Wording ${id}.`]),
    );
    const pack = { ...csi4Pack(), instruments: { "ecr-r": { items: ecrItems } } };
    expect(check(pack).map((p) => [p.path, p.message])).toEqual([
      [
        "pack.licence.permissionReference",
        "ECR-R needs the author's written permission outside research: record it here (for example the date and reference of the letter)",
      ],
    ]);
    const licence = {
      holder: "R. C. Fraley",
      terms: "Clinical use",
      permissionReference: "Letter of 3 March 2026",
    };
    const permitted = { ...pack, pack: { name: "Ours", version: "1", licence } };
    expect(
      check({
        ...pack,
        pack: {
          name: "Ours",
          version: "1",
          placeholder: true,
          licence: { ...licence, permissionReference: undefined },
        },
      }),
    ).toEqual([]);
    expect(check(permitted)).toEqual([]);
  });

  it("refuses placeholder wording in a pack not marked as a placeholder", () => {
    const pack = csi4Pack();
    const csi = (pack.instruments as Record<string, { items: Record<string, string> }>)["csi-4"];
    if (csi) csi.items["csi4-01"] = "[Placeholder wording for CSI-4 item 1 — replace with the licensed text]";
    expect(check(pack).map((p) => p.message)).toEqual([
      "the wording still looks like a placeholder, but the pack is not marked placeholder: true",
    ]);
  });

  it("keeps Haven's own check-in out of packs", () => {
    const pack = csi4Pack();
    (pack.instruments as Record<string, unknown>)["connection-check-in"] = { items: { "cci-01": "Mine." } };
    expect(check(pack).map((p) => p.message)).toEqual([
      "Connection check-in is Haven's own and carries its own wording: leave it out of the pack",
    ]);
  });

  it("reports an empty instruments section", () => {
    expect(check({ ...csi4Pack(), instruments: {} }).map((p) => p.message)).toEqual([
      "the pack has no instruments yet",
    ]);
  });
});

describe("loading a pack", () => {
  it("throws a PackError listing each problem, or for a file it cannot read", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haven-pack-"));
    try {
      const file = path.join(dir, "pack.yaml");
      fs.writeFileSync(file, YAML.stringify({ ...csi4Pack(), instruments: { "csi-32": { items: {} } } }));
      expect(() => loadPack(file, definitions)).toThrow(PackError);
      expect(() => loadPack(file, definitions)).toThrow(
        /instruments\.csi-32: Haven has no instrument "csi-32"/,
      );
      expect(() => loadPack(path.join(dir, "missing.yaml"), definitions)).toThrow(
        /\(file\): the file could not be read — check the path/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("fills in the defaults of a pack that passes", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haven-pack-"));
    try {
      const file = path.join(dir, "pack.yaml");
      fs.writeFileSync(file, YAML.stringify(csi4Pack()));
      const pack = loadPack(file, definitions);
      expect(pack.pack.placeholder).toBe(false);
      expect(pack.instruments["csi-4"]).toMatchObject({
        itemResponseLabels: {},
        responseLabels: { "0": "Low" },
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
