import fs from "node:fs";
import { loadInstrumentDefinitions } from "./definitions/index.ts";
import { formatPackProblem, readPack } from "./instrument-pack.ts";

/** `haven check-pack <file>`: says the pack is ready, or lists each problem and exits 1. */
export function checkPackCommand(args: string[]): void {
  const [file, ...rest] = args;
  if (!file || rest.length > 0) {
    console.error("Usage: haven check-pack <file>");
    process.exitCode = 2;
    return;
  }
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    console.error(`${file} could not be read — check the path.`);
    process.exitCode = 1;
    return;
  }
  const definitions = loadInstrumentDefinitions();
  const { pack, problems } = readPack(text, definitions);
  if (!pack) {
    console.error(
      `The pack in ${file} needs fixing (${problems.length} problem${problems.length === 1 ? "" : "s"}):`,
    );
    for (const problem of problems) console.error(formatPackProblem(problem));
    process.exitCode = 1;
    return;
  }
  const covered = definitions.filter((d) => pack.instruments[d.id]).map((d) => d.shortTitle);
  console.log(
    `The pack is ready: ${pack.pack.name} ${pack.pack.version}, with wording for ${covered.join(", ")}.`,
  );
  if (pack.pack.placeholder) {
    console.log("It is marked as placeholder wording: fine for trying Haven out, not for clients.");
  }
}
