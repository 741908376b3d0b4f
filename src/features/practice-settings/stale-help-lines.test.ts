import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { demoPractice } from "./demo-practice.ts";
import { putHelpLine, removeHelpLine } from "./help-line-edits.ts";
import { practiceSettingsSchema } from "./practice-settings.types.ts";
import { practiceToday, staleHelpLines } from "./stale-help-lines.ts";

const lines = () => practiceSettingsSchema.parse(demoPractice).helpLines;
const samaritans = {
  country: "GB",
  kind: "crisis" as const,
  name: "Samaritans",
  number: "116 123",
  verifiedOn: "2025-12-07",
};

describe("help lines not checked for 12 months", () => {
  it("flags a line on the day it is a year old, and not the day before", () => {
    const edited = putHelpLine(lines(), "GB.crisis.0", samaritans);
    if (!edited.ok) throw new Error("the edit was refused");
    expect(staleHelpLines(edited.helpLines, "2026-12-06")).toEqual([]);
    expect(staleHelpLines(edited.helpLines, "2026-12-07").map((l) => l.id)).toEqual(["GB.crisis.0"]);
  });

  it("takes today in the practice's own zone", () => {
    const instant = Temporal.Instant.from("2026-12-07T23:30:00Z");
    expect(practiceToday("Europe/London", instant)).toBe("2026-12-07");
    expect(practiceToday("Australia/Sydney", instant)).toBe("2026-12-08");
  });
});

describe("editing help lines", () => {
  it("keeps one emergency number per country", () => {
    const twice = putHelpLine(lines(), undefined, { ...samaritans, kind: "emergency" });
    expect(twice.ok).toBe(false);
    const moved = putHelpLine(lines(), "GB.emergency.0", { ...samaritans, kind: "crisis" });
    expect(moved.ok).toBe(false);
    expect(removeHelpLine(lines(), "GB.emergency.0").ok).toBe(false);
  });

  it("moves a line to another kind, and removes a country with its last line", () => {
    const moved = putHelpLine(lines(), "GB.crisis.0", { ...samaritans, kind: "youth" });
    if (!moved.ok) throw new Error("the edit was refused");
    const uk = moved.helpLines.find((c) => c.code === "GB");
    expect(uk?.crisis).toEqual([]);
    expect(uk?.youth.map((l) => l.name)).toEqual(["Samaritans"]);
    const canadaOnlyEmergency = removeHelpLine(lines(), "CA.crisis.0");
    if (!canadaOnlyEmergency.ok) throw new Error("refused");
    const gone = removeHelpLine(canadaOnlyEmergency.helpLines, "CA.emergency.0");
    expect(gone.ok && gone.helpLines.some((c) => c.code === "CA")).toBe(false);
  });
});
