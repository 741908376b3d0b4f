import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { demoPractice } from "./demo-practice.ts";
import {
  loadPracticeSettings,
  PracticeSettingsError,
  parsePracticeSettings,
} from "./load-practice-settings.ts";

describe("practice settings", () => {
  it("uses the demo practice when no file is configured", () => {
    const settings = loadPracticeSettings(undefined);
    expect(settings.name).toBe("Haven demo practice");
    expect(settings.pages.privacy).toBe("pages/privacy.md");
  });

  it("gives every help line the date it was last checked", () => {
    const settings = loadPracticeSettings(undefined);
    const lines = settings.helpLines.flatMap((c) => [
      c.emergency,
      ...c.crisis,
      ...c.domesticAbuse,
      ...c.forPeopleWhoUseAbuse,
      ...c.youth,
    ]);
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(line.verifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("carries DOMAIN.md's defaults for the UK", () => {
    const uk = loadPracticeSettings(undefined).helpLines.find((c) => c.code === "GB");
    expect(uk?.emergency.number).toBe("999");
    expect(uk?.crisis[0]?.number).toBe("116 123");
    expect(uk?.domesticAbuse[0]?.number).toBe("0808 2000 247");
    expect(uk?.forPeopleWhoUseAbuse[0]?.number).toBe("0808 802 4040");
  });

  it("names each wrong field of a settings file", () => {
    const broken = { ...demoPractice, country: "gb", timeZone: "Mars/Olympus" };
    try {
      parsePracticeSettings(YAML.stringify(broken), "practice.yaml");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PracticeSettingsError);
      expect((error as Error).message).toContain("practice.yaml");
      expect((error as Error).message).toContain("country:");
      expect((error as Error).message).toContain("timeZone:");
    }
  });

  it("requires help lines for the practice's own country", () => {
    const settings = { ...demoPractice, country: "NZ" };
    expect(() => parsePracticeSettings(YAML.stringify(settings), "p.yaml")).toThrow(/helpLines: .*NZ/);
  });

  it("refuses a help line without its checked date", () => {
    const settings = structuredClone(demoPractice);
    const uk = settings.helpLines[0] as { emergency: { verifiedOn?: string } };
    delete uk.emergency.verifiedOn;
    expect(() => parsePracticeSettings(YAML.stringify(settings), "p.yaml")).toThrow(
      /helpLines\.0\.emergency\.verifiedOn/,
    );
  });

  it("explains a file that is not YAML", () => {
    expect(() => parsePracticeSettings("name: [", "p.yaml")).toThrow(/not valid YAML/);
  });
});
