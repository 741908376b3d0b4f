import type { FieldErrors } from "../../platform/web/form-post.ts";
import { settingsMessages as m } from "./messages.ts";
import type { CountryHelp, HelpLine } from "./practice-settings.types.ts";
import { countryName } from "./settings-fields.ts";

export const lineKinds = ["emergency", "crisis", "domesticAbuse", "forPeopleWhoUseAbuse", "youth"] as const;
export type LineKind = (typeof lineKinds)[number];
type ListKind = Exclude<LineKind, "emergency">;

/** One help line with where it sits: `GB.crisis.0` names the first crisis line for the UK. */
export type HelpLineRow = HelpLine & { id: string; code: string; countryName: string; kind: LineKind };

/** A help line as the form gives it, already checked field by field. */
export type HelpLineInput = {
  country: string;
  kind: LineKind;
  name: string;
  number: string;
  note?: string | undefined;
  verifiedOn: string;
};

type Edit = { ok: true; helpLines: CountryHelp[] } | { ok: false; errors: FieldErrors };

/** Every line, country by country, in the order help-now shows them. */
export function helpLineRows(helpLines: readonly CountryHelp[]): HelpLineRow[] {
  return helpLines.flatMap((c) => {
    const row = (kind: LineKind, line: HelpLine, index: number): HelpLineRow => ({
      ...line,
      id: `${c.code}.${kind}.${index}`,
      code: c.code,
      countryName: c.name,
      kind,
    });
    return [
      row("emergency", c.emergency, 0),
      ...lineKinds.slice(1).flatMap((kind) => c[kind as ListKind].map((line, i) => row(kind, line, i))),
    ];
  });
}

export function findHelpLine(helpLines: readonly CountryHelp[], id: string): HelpLineRow | undefined {
  return helpLineRows(helpLines).find((row) => row.id === id);
}

const lineOf = (input: HelpLineInput): HelpLine => ({
  name: input.name,
  number: input.number,
  ...(input.note ? { note: input.note } : {}),
  verifiedOn: input.verifiedOn,
});

/** The lines without one list line; a country left with only its emergency number keeps it. */
function without(helpLines: CountryHelp[], row: HelpLineRow): CountryHelp[] {
  return helpLines.map((c) => {
    if (c.code !== row.code || row.kind === "emergency") return c;
    const kind = row.kind as ListKind;
    const index = Number(row.id.split(".")[2]);
    return { ...c, [kind]: c[kind].filter((_, i) => i !== index) };
  });
}

function added(helpLines: CountryHelp[], input: HelpLineInput): Edit {
  const country = helpLines.find((c) => c.code === input.country);
  if (input.kind === "emergency") {
    if (country) return { ok: false, errors: { kind: m.emergencyExists } };
    const name = countryName(input.country) ?? input.country;
    const fresh: CountryHelp = {
      code: input.country,
      name,
      emergency: lineOf(input),
      crisis: [],
      domesticAbuse: [],
      forPeopleWhoUseAbuse: [],
      youth: [],
    };
    return { ok: true, helpLines: [...helpLines, fresh] };
  }
  if (!country) return { ok: false, errors: { kind: m.emergencyFirst } };
  const kind = input.kind;
  return {
    ok: true,
    helpLines: helpLines.map((c) => (c === country ? { ...c, [kind]: [...c[kind], lineOf(input)] } : c)),
  };
}

/** Adds a line (no id) or changes one, in place when its country and kind stay the same. */
export function putHelpLine(helpLines: CountryHelp[], id: string | undefined, input: HelpLineInput): Edit {
  if (id === undefined) return added(helpLines, input);
  const row = findHelpLine(helpLines, id);
  if (!row) return { ok: false, errors: { kind: m.lineGone } };
  if (row.kind === "emergency") {
    if (input.kind !== "emergency" || input.country !== row.code)
      return { ok: false, errors: { kind: m.emergencyStays } };
    return {
      ok: true,
      helpLines: helpLines.map((c) => (c.code === row.code ? { ...c, emergency: lineOf(input) } : c)),
    };
  }
  if (input.kind === row.kind && input.country === row.code) {
    const kind = row.kind as ListKind;
    const index = Number(id.split(".")[2]);
    return {
      ok: true,
      helpLines: helpLines.map((c) =>
        c.code === row.code
          ? { ...c, [kind]: c[kind].map((line, i) => (i === index ? lineOf(input) : line)) }
          : c,
      ),
    };
  }
  return added(without(helpLines, row), input);
}

const hasListLines = (c: CountryHelp): boolean =>
  lineKinds.slice(1).some((kind) => c[kind as ListKind].length > 0);

/** Removes a line; an emergency number goes only with its country, once the country has no other line. */
export function removeHelpLine(helpLines: CountryHelp[], id: string): Edit {
  const row = findHelpLine(helpLines, id);
  if (!row) return { ok: false, errors: { line: m.lineGone } };
  if (row.kind !== "emergency") return { ok: true, helpLines: without(helpLines, row) };
  const country = helpLines.find((c) => c.code === row.code);
  if (country && hasListLines(country)) return { ok: false, errors: { line: m.emergencyNeeded } };
  return { ok: true, helpLines: helpLines.filter((c) => c.code !== row.code) };
}
