import { z } from "zod";

/**
 * An instrument as data: the FACTS of a measure (items, response scale, reverse keys, subscales,
 * cut-offs, citation, licence), never the wording of a published instrument — that comes from a
 * practice's instrument pack (DOMAIN.md §5). Only Haven's own reflections carry their wording here.
 */

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lower-case letters, digits and single hyphens");
const text = z.string().trim().min(1, "must not be empty");

// Words that turn a continuous score into a verdict about a person. Haven never shows them.
const labelling = /\b(types?|diagnos\w*|disorders?|you have|you are)\b/i;
const noLabel = text.refine((value) => !labelling.test(value), {
  message: "describe a range, never a type, a diagnosis or a verdict about the person",
});

const range = z.object({ min: z.number().int(), max: z.number().int() });

const cutOffSchema = z.object({
  id,
  subscale: id,
  value: z.number(),
  direction: z.enum(["below", "at-or-above"]),
  /** What the person or therapist reads when the score is on that side, e.g. "in the range often seen…". */
  wording: noLabel,
  /** Where the figure is not yet checked against its primary source (DOMAIN.md marks it "verify"). */
  verify: z.literal(true).optional(),
  verifyNote: text.optional(),
  /** Accuracy facts from the source, e.g. sensitivity and specificity and in whom they were measured. */
  evidence: text.optional(),
});

const citationSchema = z.object({
  authors: z.array(text).min(1),
  year: z.number().int().min(1900),
  title: text,
  journal: text,
  volume: z.number().int().positive(),
  issue: z.number().int().positive().optional(),
  pages: z.string().regex(/^\d+(–\d+)?$/, "write pages as 350–365 (with an en dash)"),
  doi: z
    .string()
    .regex(/^10\.\d{4,}\/\S+$/, "a DOI starts with 10.")
    .optional(),
});

const ownWordingSchema = z.object({
  /** Shown with the reflection every time: it is a reflection, not a validated test. */
  notice: text,
  instructions: text,
  items: z.record(z.string(), text),
  responseLabels: z.record(z.string(), text),
  /** Labels of one item whose scale differs from the rest (a yes/no question among ratings). */
  itemResponseLabels: z.record(z.string(), z.record(z.string(), text)).default({}),
});

export const instrumentDefinitionSchema = z
  .object({
    id,
    title: text,
    shortTitle: text,
    /** "published": a measure from the literature; "reflection": written by Haven, not a validated test. */
    nature: z.enum(["published", "reflection"]),
    citation: citationSchema.optional(),
    licenceNote: text,
    /** The author's written permission is needed outside research: the pack must record it. */
    permissionRequired: z.boolean().default(false),
    intendedUse: z.array(z.enum(["intake", "weekly", "review", "end"])).min(1),
    visibility: z.enum(["therapist-only", "client-and-therapist"]),
    timeFrame: text.optional(),
    items: z.array(id).min(1),
    responseScale: range.extend({
      kind: z.enum(["rating", "yes-no"]).default("rating"),
      overrides: z.record(z.string(), range).default({}),
    }),
    reverseKeyed: z.array(id).default([]),
    /**
     * Yes/no questions about thoughts of suicide, self-harm or harming someone (DOMAIN.md §4): never
     * scored, charted, exported or shown again; a "yes" shows help at once and tells the therapist.
     */
    safetyItems: z.array(id).default([]),
    subscales: z
      .array(
        z.object({
          id,
          title: noLabel,
          items: z.array(id).min(1),
          method: z.enum(["mean", "sum"]),
          /** The range the source publishes; checked against the range the items give. */
          publishedRange: range.optional(),
        }),
      )
      .min(1),
    overall: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("dimensional") }),
      z.object({ kind: z.literal("total"), subscale: id }),
      z.object({ kind: z.literal("screen"), cutOff: id }),
    ]),
    cutOffs: z.array(cutOffSchema).default([]),
    /** 0: every item of a subscale must be answered before it is scored. */
    missingRule: z.object({ maxMissingPerSubscale: z.number().int().min(0) }),
    requiresPack: z.boolean(),
    ownWording: ownWordingSchema.optional(),
  })
  .superRefine((d, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: "custom", path, message });
    const items = new Set(d.items);
    const known = (itemId: string) => items.has(itemId);

    if (items.size !== d.items.length) issue(["items"], "each item id must appear once");
    const rangeOf = (itemId: string) => d.responseScale.overrides[itemId] ?? d.responseScale;

    if (d.responseScale.min >= d.responseScale.max) issue(["responseScale"], "min must be below max");
    if (d.responseScale.kind === "yes-no" && (d.responseScale.min !== 0 || d.responseScale.max !== 1)) {
      issue(["responseScale"], "a yes/no scale is scored no = 0, yes = 1");
    }
    for (const [itemId, r] of Object.entries(d.responseScale.overrides)) {
      if (!known(itemId))
        issue(["responseScale", "overrides", itemId], `"${itemId}" is not one of the items`);
      if (r.min >= r.max) issue(["responseScale", "overrides", itemId], "min must be below max");
    }
    d.safetyItems.forEach((itemId, i) => {
      if (!known(itemId)) issue(["safetyItems", i], `"${itemId}" is not one of the items`);
      const r = rangeOf(itemId);
      if (r.min !== 0 || r.max !== 1)
        issue(["safetyItems", i], "a safety question is answered no = 0, yes = 1");
      if (d.subscales.some((s) => s.items.includes(itemId)))
        issue(["safetyItems", i], "a safety question is never part of a score");
    });
    d.reverseKeyed.forEach((itemId, i) => {
      if (!known(itemId)) issue(["reverseKeyed", i], `"${itemId}" is not one of the items`);
    });

    const subscaleIds = new Set<string>();
    d.subscales.forEach((s, i) => {
      if (subscaleIds.has(s.id)) issue(["subscales", i, "id"], `subscale "${s.id}" appears twice`);
      subscaleIds.add(s.id);
      s.items.forEach((itemId, j) => {
        if (!known(itemId)) issue(["subscales", i, "items", j], `"${itemId}" is not one of the items`);
      });
      if (s.method === "sum" && d.missingRule.maxMissingPerSubscale > 0) {
        issue(["missingRule"], `subscale "${s.id}" is a sum: a sum with missing answers would read too low`);
      }
      if (s.publishedRange && s.items.every(known)) {
        const { min, max } = subscaleRange(s.method, s.items.map(rangeOf));
        if (min !== s.publishedRange.min || max !== s.publishedRange.max) {
          issue(
            ["subscales", i, "publishedRange"],
            `the items give ${min}–${max}, but the source publishes ${s.publishedRange.min}–${s.publishedRange.max}`,
          );
        }
      }
    });

    d.cutOffs.forEach((c, i) => {
      if (!subscaleIds.has(c.subscale)) {
        issue(["cutOffs", i, "subscale"], `"${c.subscale}" is not one of the subscales`);
      }
      if (c.verify && !c.verifyNote) issue(["cutOffs", i, "verifyNote"], "say what is still to be verified");
    });
    const overall = d.overall;
    if (overall.kind === "total" && !subscaleIds.has(overall.subscale)) {
      issue(["overall", "subscale"], `"${overall.subscale}" is not one of the subscales`);
    }
    if (overall.kind === "screen" && !d.cutOffs.some((c) => c.id === overall.cutOff)) {
      issue(["overall", "cutOff"], `"${overall.cutOff}" is not one of the cut-offs`);
    }

    if (d.nature === "published") {
      if (!d.requiresPack) issue(["requiresPack"], "a published instrument's wording must come from a pack");
      if (!d.citation) issue(["citation"], "a published instrument needs its citation");
      if (d.ownWording) issue(["ownWording"], "Haven does not ship the wording of a published instrument");
    } else {
      if (d.requiresPack) issue(["requiresPack"], "a reflection carries its own wording");
      if (d.cutOffs.length > 0)
        issue(["cutOffs"], "a reflection is not a validated test: it has no cut-offs");
      if (!d.ownWording) issue(["ownWording"], "a reflection needs the wording Haven wrote for it");
      for (const itemId of d.items) {
        if (d.ownWording && !d.ownWording.items[itemId]) {
          issue(["ownWording", "items", itemId], `the wording for "${itemId}" is missing`);
        }
      }
    }
  });

export type InstrumentDefinitionInput = z.input<typeof instrumentDefinitionSchema>;
export type InstrumentDefinition = z.output<typeof instrumentDefinitionSchema>;
export type Subscale = InstrumentDefinition["subscales"][number];
export type CutOff = InstrumentDefinition["cutOffs"][number];

/** The response range of one item, with its override if it has one. */
export function itemRange(definition: InstrumentDefinition, itemId: string): { min: number; max: number } {
  const { min, max } = definition.responseScale.overrides[itemId] ?? definition.responseScale;
  return { min, max };
}

/** The lowest and highest score a subscale can give. */
export function subscaleRange(
  method: "mean" | "sum",
  ranges: { min: number; max: number }[],
): { min: number; max: number } {
  const min = ranges.reduce((total, r) => total + r.min, 0);
  const max = ranges.reduce((total, r) => total + r.max, 0);
  if (method === "sum") return { min, max };
  return { min: meanTo2(min, ranges.length), max: meanTo2(max, ranges.length) };
}

/**
 * A mean of whole numbers to 2 decimals, half up. Dividing total × 100 (exact) once avoids the
 * drift of rounding an already-divided float (the 1.005 problem).
 */
export function meanTo2(total: number, count: number): number {
  return Math.round((total * 100) / count) / 100;
}

/** An item id from its number in the source's order: itemId("ecrr", 9) → "ecrr-09". */
export function itemId(prefix: string, number: number): string {
  return `${prefix}-${String(number).padStart(2, "0")}`;
}

/** Item ids in order: itemIds("ecrr", 1, 3) → ["ecrr-01", "ecrr-02", "ecrr-03"]. */
export function itemIds(prefix: string, from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => itemId(prefix, from + i));
}
