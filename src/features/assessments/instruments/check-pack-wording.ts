import { type InstrumentDefinition, itemRange } from "./instrument-definition.ts";
import type { PackFile } from "./instrument-pack.ts";

/** A problem found in a pack that has the right shape: where it is, and what to do, in plain words. */
export type WordingProblem = { path: (string | number)[]; message: string };

const placeholderLike = /^\s*\[placeholder/i;

/** Checks a well-formed pack against Haven's definitions: every item worded, nothing extra, labels sound. */
export function checkPackWording(
  file: PackFile,
  definitions: readonly InstrumentDefinition[],
): WordingProblem[] {
  const found: WordingProblem[] = [];
  const entries = Object.entries(file.instruments);
  if (entries.length === 0) found.push({ path: ["instruments"], message: "the pack has no instruments yet" });
  for (const [instrumentId, wording] of entries) {
    const definition = definitions.find((d) => d.id === instrumentId);
    const at = ["instruments", instrumentId];
    if (!definition) {
      const known = definitions.filter((d) => d.requiresPack).map((d) => d.id);
      found.push({
        path: at,
        message: `Haven has no instrument "${instrumentId}" (it knows ${known.join(", ")})`,
      });
    } else if (!definition.requiresPack) {
      found.push({
        path: at,
        message: `${definition.title} is Haven's own and carries its own wording: leave it out of the pack`,
      });
    } else {
      found.push(...checkInstrument(definition, wording, at, file.pack.placeholder));
    }
  }
  const needsPermission = definitions.filter((d) => d.permissionRequired && file.instruments[d.id]);
  if (needsPermission.length > 0 && !file.pack.placeholder && !file.pack.licence.permissionReference) {
    found.push({
      path: ["pack", "licence", "permissionReference"],
      message: `${needsPermission.map((d) => d.shortTitle).join(", ")} needs the author's written permission outside research: record it here (for example the date and reference of the letter)`,
    });
  }
  return found;
}

function checkInstrument(
  definition: InstrumentDefinition,
  wording: PackFile["instruments"][string],
  at: string[],
  placeholder: boolean,
): WordingProblem[] {
  const found: WordingProblem[] = [];
  const name = definition.shortTitle;
  const items = new Set(definition.items);
  const span = `its items run ${definition.items[0]} to ${definition.items.at(-1)}`;
  const text = (path: (string | number)[], value: string | null | undefined, what: string) => {
    if (value === undefined) return;
    if (value === null || value.trim() === "") found.push({ path, message: `${what} is empty` });
    else if (!placeholder && placeholderLike.test(value)) {
      found.push({
        path,
        message: `${what} still looks like a placeholder, but the pack is not marked placeholder: true`,
      });
    }
  };

  text([...at, "instructions"], wording.instructions, "the instructions");
  const missing = definition.items.filter((itemId) => !(itemId in wording.items));
  if (missing.length > 5) {
    // One line, not thirty: usually a whole section is still to be pasted in.
    found.push({
      path: [...at, "items"],
      message: `the wording for ${missing.length} of ${name}'s ${definition.items.length} items is missing: ${missing.join(", ")}`,
    });
  } else {
    for (const itemId of missing) {
      found.push({
        path: [...at, "items", itemId],
        message: `the wording for ${name} item ${itemId} is missing`,
      });
    }
  }
  for (const [itemId, value] of Object.entries(wording.items)) {
    if (items.has(itemId)) text([...at, "items", itemId], value, "the wording");
    else found.push({ path: [...at, "items", itemId], message: `${name} has no item ${itemId} (${span})` });
  }

  const checkLabels = (path: (string | number)[], labels: Record<string, string | null>, range: Range) => {
    for (const [key, label] of Object.entries(labels)) {
      const value = Number(key);
      if (!/^-?\d+$/.test(key) || value < range.min || value > range.max) {
        found.push({
          path: [...path, key],
          message: `"${key}" is not an answer here: label the whole numbers ${range.min} to ${range.max}`,
        });
      } else text([...path, key], label, "the label");
    }
  };
  checkLabels([...at, "responseLabels"], wording.responseLabels ?? {}, widestRange(definition));
  for (const [itemId, labels] of Object.entries(wording.itemResponseLabels ?? {})) {
    const path = [...at, "itemResponseLabels", itemId];
    if (items.has(itemId)) checkLabels(path, labels, itemRange(definition, itemId));
    else found.push({ path, message: `${name} has no item ${itemId} (${span})` });
  }
  return found;
}

type Range = { min: number; max: number };

/** Shared labels may cover any answer some item allows (CSI item 1 runs to 6, the others to 5). */
function widestRange(definition: InstrumentDefinition): Range {
  const ranges = definition.items.map((itemId) => itemRange(definition, itemId));
  return { min: Math.min(...ranges.map((r) => r.min)), max: Math.max(...ranges.map((r) => r.max)) };
}
