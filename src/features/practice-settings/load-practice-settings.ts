import fs from "node:fs";
import YAML from "yaml";
import { demoPractice } from "./demo-practice.ts";
import { type PracticeSettings, practiceSettingsSchema } from "./practice-settings.types.ts";

export class PracticeSettingsError extends Error {
  constructor(file: string, problems: string[]) {
    super(`The practice settings in ${file} need fixing:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "PracticeSettingsError";
  }
}

/** Parses settings text (YAML or JSON) and names every field that is wrong. */
export function parsePracticeSettings(text: string, file: string): PracticeSettings {
  let raw: unknown;
  try {
    raw = YAML.parse(text);
  } catch (error) {
    throw new PracticeSettingsError(file, [`not valid YAML: ${(error as Error).message.split("\n")[0]}`]);
  }
  const parsed = practiceSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new PracticeSettingsError(
      file,
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "(top level)"}: ${issue.message}`),
    );
  }
  return parsed.data;
}

/** The practice's settings file when one is configured, otherwise the demo practice. */
export function loadPracticeSettings(file: string | undefined): PracticeSettings {
  if (!file) return practiceSettingsSchema.parse(demoPractice);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new PracticeSettingsError(file, ["the file could not be read (HAVEN_PRACTICE_FILE)"]);
  }
  return parsePracticeSettings(text, file);
}
