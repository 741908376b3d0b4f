import { z } from "zod";
import { fieldText, firstIssuePerField } from "../../../platform/web/form-post.ts";
import { isValidTimeZone, zoneSpelling } from "../compute-slots.ts";
import { bookingChoiceSchema, crossFieldProblems, visitorDetailsSchema } from "../visitor-details.ts";
import type { DetailsValues } from "./details-page.tsx";

export const kindSchema = z.enum(["individual", "couple", "unsure"]);

/** The times page's choices, each dropped rather than refused when it is not one we know. */
export const timesQuery = z.object({
  kind: kindSchema.optional().catch(undefined),
  zone: z.string().optional().catch(undefined),
  with: z.string().optional().catch(undefined),
  week: z.coerce.number().int().min(0).max(60).optional().catch(undefined),
});

/** The details page's address: the time chosen, in the visitor's zone. */
export const detailsQuery = z.object({
  kind: kindSchema,
  zone: z
    .string()
    .refine(isValidTimeZone)
    .transform((zone) => zoneSpelling(zone) ?? zone),
  start: z.coerce.number().int().positive().max(8_000_000_000_000),
  with: z.string().optional(),
});

const many = (body: unknown, field: string) => {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
};

/** The time, kind and zone chosen on the pages before, carried in the form's hidden fields. */
export function readChoice(body: unknown) {
  return bookingChoiceSchema.safeParse({
    kind: fieldText(body, "kind"),
    start: fieldText(body, "start"),
    zone: fieldText(body, "zone"),
    submissionId: fieldText(body, "submissionId"),
  });
}

/** Whom the visitor chose on the times page; "" (one therapist) reads as no choice. */
export const readWhom = (body: unknown) => fieldText(body, "with") || undefined;

/** What the visitor typed, kept to show again. */
export function readDetails(body: unknown): DetailsValues {
  return {
    name: fieldText(body, "name"),
    email: fieldText(body, "email"),
    phone: fieldText(body, "phone"),
    contactBy: many(body, "contactBy"),
    leaveMessage: fieldText(body, "leaveMessage"),
    meeting: fieldText(body, "meeting"),
    note: fieldText(body, "note"),
    noteConsent: fieldText(body, "noteConsent") === "yes",
    adult: fieldText(body, "adult") === "yes",
    privacy: fieldText(body, "privacy") === "yes",
  };
}

/** The field people never see; automated form-fillers fill it. */
export const readHoneypot = (body: unknown) => ({ website: fieldText(body, "website") });

/**
 * The visitor's details. A filled honeypot is the only problem reported (as `website`); otherwise every
 * field's problem at once, a rule across fields (a phone for a phone call) winning over the field's own.
 */
export const bookingFormSchema = z.custom<DetailsValues & { website: string }>().transform((values, ctx) => {
  if (values.website !== "") {
    ctx.addIssue({ code: "custom", path: ["website"], message: "honeypot" });
    return z.NEVER;
  }
  const parsed = visitorDetailsSchema.safeParse(values);
  const errors = crossFieldProblems(values);
  if (!parsed.success)
    for (const [field, message] of Object.entries(firstIssuePerField(parsed.error)))
      errors[field] ??= message;
  if (parsed.success && Object.keys(errors).length === 0) return parsed.data;
  for (const [field, message] of Object.entries(errors))
    ctx.addIssue({ code: "custom", path: [field], message });
  return z.NEVER;
});
