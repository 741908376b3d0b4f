import type { InstrumentDefinition } from "./instrument-definition.ts";
import type { InstrumentPack } from "./instrument-pack.ts";

export type CatalogueStatus = "ready" | "needs its wording" | "ready (placeholder wording)";

export type CatalogueEntry = {
  id: string;
  title: string;
  shortTitle: string;
  nature: InstrumentDefinition["nature"];
  visibility: InstrumentDefinition["visibility"];
  intendedUse: InstrumentDefinition["intendedUse"];
  status: CatalogueStatus;
};

/** Whether the pack holds non-empty wording for every item of the instrument. */
function hasWording(definition: InstrumentDefinition, pack: InstrumentPack | undefined): boolean {
  const wording = pack?.instruments[definition.id];
  return !!wording && definition.items.every((itemId) => (wording.items[itemId] ?? "").trim() !== "");
}

/** Each instrument and whether it can be used: a published one needs its wording from a pack. */
export function catalogue(
  definitions: readonly InstrumentDefinition[],
  pack: InstrumentPack | undefined,
): CatalogueEntry[] {
  return definitions.map((definition) => {
    let status: CatalogueStatus = "ready";
    if (definition.requiresPack) {
      if (!hasWording(definition, pack)) status = "needs its wording";
      else if (pack?.pack.placeholder) status = "ready (placeholder wording)";
    }
    return {
      id: definition.id,
      title: definition.title,
      shortTitle: definition.shortTitle,
      nature: definition.nature,
      visibility: definition.visibility,
      intendedUse: definition.intendedUse,
      status,
    };
  });
}
