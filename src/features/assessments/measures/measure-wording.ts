import type { InstrumentDefinition } from "../instruments/instrument-definition.ts";
import { itemRange } from "../instruments/instrument-definition.ts";
import type { InstrumentPack } from "../instruments/instrument-pack.ts";

export type MeasureItem = { id: string; text: string; options: { value: number; label: string }[] };

/** Everything a client reads while answering one measure. */
export type MeasureWording = {
  title: string;
  /** Said above a reflection every time: it is not a validated test. */
  notice?: string;
  instructions?: string;
  items: MeasureItem[];
  /** The pack the wording came from, recorded with the answers. */
  source: { name: string; version: string; placeholder: boolean } | { name: "Haven"; version: "own" };
};

/**
 * A screen for harm from a partner is titled neutrally for the client: their screen may be seen by
 * the very person it asks about (DOMAIN.md §4).
 */
export function clientTitle(definition: InstrumentDefinition): string {
  return definition.overall.kind === "screen" ? "A few private questions" : definition.title;
}

/** A screen's answers, and whether it was given at all, stay between the client and their therapist. */
export function isSafetyScreen(definition: InstrumentDefinition): boolean {
  return definition.overall.kind === "screen";
}

function optionsFor(
  definition: InstrumentDefinition,
  itemId: string,
  labels: Record<string, string> | undefined,
): MeasureItem["options"] {
  const { min, max } = itemRange(definition, itemId);
  const yesNo = definition.responseScale.kind === "yes-no";
  const options: MeasureItem["options"] = [];
  // Yes first: the answer people look for in a yes/no question.
  for (let value = yesNo ? max : min; yesNo ? value >= min : value <= max; value += yesNo ? -1 : 1) {
    const fallback = yesNo ? (value === 1 ? "Yes" : "No") : String(value);
    options.push({ value, label: labels?.[String(value)] ?? fallback });
  }
  return options;
}

/**
 * The wording of a measure, from Haven's own text for a reflection or from the practice's pack for a
 * published instrument; undefined when the pack lacks it (the measure then "needs its wording").
 */
export function measureWording(
  definition: InstrumentDefinition,
  pack: InstrumentPack | undefined,
): MeasureWording | undefined {
  if (definition.ownWording) {
    const own = definition.ownWording;
    return {
      title: clientTitle(definition),
      notice: own.notice,
      instructions: own.instructions,
      items: definition.items.map((id) => ({
        id,
        text: own.items[id] ?? id,
        options: optionsFor(definition, id, own.itemResponseLabels[id] ?? own.responseLabels),
      })),
      source: { name: "Haven", version: "own" },
    };
  }
  const wording = pack?.instruments[definition.id];
  if (!pack || !wording || definition.items.some((id) => !wording.items[id]?.trim())) return undefined;
  return {
    title: clientTitle(definition),
    instructions: wording.instructions,
    items: definition.items.map((id) => ({
      id,
      text: wording.items[id] ?? id,
      options: optionsFor(definition, id, wording.itemResponseLabels[id] ?? wording.responseLabels),
    })),
    source: { name: pack.pack.name, version: pack.pack.version, placeholder: pack.pack.placeholder },
  };
}

/**
 * Wording from a pack marked as placeholder: stand-in text for trying Haven out, not the questions of
 * any real instrument. Answers to it mean nothing, so they are never scored.
 */
export function isExampleWording(source: MeasureWording["source"] | null | undefined): boolean {
  return !!source && "placeholder" in source && source.placeholder;
}

/** Whether a measure can be given to a client now. */
export type MeasureReadiness =
  | { kind: "ready"; wording: MeasureWording }
  /** A published measure whose wording is not in the practice's pack. */
  | { kind: "needs-wording" }
  /** Placeholder wording outside demo mode: it must never reach a real client. */
  | { kind: "example-wording" };

/** Placeholder wording is for the demo only: outside it, such a measure is neither given nor opened. */
export function measureReadiness(
  definition: InstrumentDefinition,
  pack: InstrumentPack | undefined,
  demo: boolean,
): MeasureReadiness {
  const wording = measureWording(definition, pack);
  if (!wording) return { kind: "needs-wording" };
  if (isExampleWording(wording.source) && !demo) return { kind: "example-wording" };
  return { kind: "ready", wording };
}
