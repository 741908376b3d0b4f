import fs from "node:fs";
import YAML, { isMap, isScalar, LineCounter, type Node } from "yaml";
import { z } from "zod";
import { checkPackWording } from "./check-pack-wording.ts";
import { loadInstrumentDefinitions } from "./definitions/index.ts";
import type { InstrumentDefinition } from "./instrument-definition.ts";

/**
 * An instrument pack: the wording of published instruments, supplied by a practice under its own
 * licence (docs/instrument-packs.md). Haven ships only the facts; the pack supplies the words.
 */

const wording = z.string().nullable(); // a key with nothing after it reads as null: reported as empty
const labels = z.record(z.string(), wording);
const nonEmpty = z.string().trim().min(1, "must not be empty");

const instrumentWordingSchema = z.strictObject({
  instructions: wording.optional(),
  items: z.record(z.string(), wording),
  responseLabels: labels.optional(),
  itemResponseLabels: z.record(z.string(), labels).optional(),
});

const packFileSchema = z.strictObject({
  pack: z.strictObject({
    name: nonEmpty,
    version: z.union([z.string(), z.number()]).transform(String),
    licence: z.strictObject({ holder: nonEmpty, terms: nonEmpty, permissionReference: nonEmpty.optional() }),
    placeholder: z.boolean().default(false),
  }),
  instruments: z.record(z.string(), instrumentWordingSchema),
});

export type PackFile = z.output<typeof packFileSchema>;

export type InstrumentWording = {
  instructions?: string;
  items: Record<string, string>;
  responseLabels: Record<string, string>;
  itemResponseLabels: Record<string, Record<string, string>>;
};

export type InstrumentPack = {
  pack: PackFile["pack"];
  instruments: Record<string, InstrumentWording>;
};

export type PackProblem = { path: string; line?: number; message: string };

export function formatPackProblem(problem: PackProblem): string {
  const where = problem.line === undefined ? problem.path : `line ${problem.line}, ${problem.path}`;
  return `${where}: ${problem.message}`;
}

export class PackError extends Error {
  constructor(
    readonly file: string,
    readonly problems: PackProblem[],
  ) {
    super(
      `The instrument pack ${file} needs fixing:\n${problems.map((p) => `  - ${formatPackProblem(p)}`).join("\n")}`,
    );
    this.name = "PackError";
  }
}

const whenMissing: Record<string, string> = {
  pack: "the pack needs its name, version and licence under pack:",
  "pack.licence":
    "the pack must record its licence: who holds the rights (holder) and the terms of use (terms)",
  "pack.licence.holder": "say who holds the rights to this wording",
  "pack.licence.terms": "say on what terms the practice may use this wording",
  instruments: "the pack needs an instruments: section with the wording",
};

/** Zod's messages rewritten for the person editing the file. */
function plainMessage(issue: z.ZodError["issues"][number]): string {
  if (issue.code === "unrecognized_keys") return "is not part of the pack format (check the spelling)";
  if (issue.code === "invalid_union") return 'should be text, for example "1.0"';
  if (issue.code === "invalid_type") {
    if (issue.input === undefined) return whenMissing[issue.path.join(".")] ?? "is missing";
    if (issue.expected === "string") return "should be text";
    if (issue.expected === "boolean") return "should be true or false";
    if (issue.expected === "object" || issue.expected === "record") return "should be a set of named entries";
  }
  return issue.message;
}

function shapeProblems(error: z.ZodError): { path: (string | number)[]; message: string }[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment));
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: [...path, key], message: plainMessage(issue) }));
    }
    if (path.length === 0) return [{ path, message: "the file should start with pack: and instruments:" }];
    return [{ path, message: plainMessage(issue) }];
  });
}

/** The line of the deepest key of `path` present in the file (the parent's line for a missing key). */
function lineOf(doc: YAML.Document, counter: LineCounter, path: (string | number)[]): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined;
  for (const segment of path) {
    if (!isMap(node)) break;
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
    if (!pair) break;
    const offset = (pair.key as Node).range?.[0];
    if (offset !== undefined) line = counter.linePos(offset).line;
    node = pair.value;
  }
  return line;
}

/** Parses and checks a pack against the definitions; the pack comes back only when nothing is wrong. */
export function readPack(
  text: string,
  definitions: readonly InstrumentDefinition[],
): { pack?: InstrumentPack; problems: PackProblem[] } {
  const counter = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter: counter });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => ({
        path: "(file)",
        line: error.linePos?.[0].line,
        message: `this is not valid YAML: ${error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "")}`,
      })),
    };
  }
  const located = (path: (string | number)[], message: string): PackProblem => ({
    path: path.join(".") || "(file)",
    line: lineOf(doc, counter, path),
    message,
  });

  const parsed = packFileSchema.safeParse(doc.toJS(), { reportInput: true });
  if (!parsed.success)
    return { problems: shapeProblems(parsed.error).map((p) => located(p.path, p.message)) };

  const problems = checkPackWording(parsed.data, definitions).map((p) => located(p.path, p.message));
  if (problems.length > 0) return { problems };
  return { pack: normalise(parsed.data), problems: [] };
}

/** After the checks, every wording is text: drop the nulls from the types and fill in the defaults. */
function normalise(file: PackFile): InstrumentPack {
  const texts = (set: Record<string, string | null> = {}) =>
    Object.fromEntries(Object.entries(set).map(([key, value]) => [key, value ?? ""]));
  const instruments: Record<string, InstrumentWording> = {};
  for (const [id, wording] of Object.entries(file.instruments)) {
    instruments[id] = {
      ...(wording.instructions ? { instructions: wording.instructions } : {}),
      items: texts(wording.items),
      responseLabels: texts(wording.responseLabels),
      itemResponseLabels: Object.fromEntries(
        Object.entries(wording.itemResponseLabels ?? {}).map(([itemId, set]) => [itemId, texts(set)]),
      ),
    };
  }
  return { pack: file.pack, instruments };
}

/** Every problem in a pack, in plain words with the path (and line) of each; empty when it is ready. */
export function checkPack(text: string, definitions: readonly InstrumentDefinition[]): PackProblem[] {
  return readPack(text, definitions).problems;
}

/** Reads a pack file; throws a PackError listing every problem. */
export function loadPack(
  file: string,
  definitions: readonly InstrumentDefinition[] = loadInstrumentDefinitions(),
): InstrumentPack {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new PackError(file, [{ path: "(file)", message: "the file could not be read — check the path" }]);
  }
  const { pack, problems } = readPack(text, definitions);
  if (!pack) throw new PackError(file, problems);
  return pack;
}
