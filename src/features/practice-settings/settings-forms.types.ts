import { z } from "zod";
import { dateFieldSchema } from "../../platform/web/date-field.tsx";
import type { DateInputFormat } from "../../platform/web/date-input.ts";
import { fieldText } from "../../platform/web/form-post.ts";
import { lineKinds } from "./help-line-edits.ts";
import { settingsMessages as m } from "./messages.ts";
import { countryCode, phoneNumber, timeZoneName } from "./settings-fields.ts";

const required = z.string().trim().min(1, m.required);
/** The settings version the form was made from (hidden); a wrong one reads as "changed meanwhile". */
const version = z.coerce.number().int().catch(-1);

export const detailsFields = [
  "version",
  "name",
  "country",
  "timeZone",
  "email",
  "phone",
  "quickExitUrl",
  "recordRetentionYears",
] as const;
export type DetailsValues = Record<(typeof detailsFields)[number], string>;

export const detailsSchema = z.object({
  version,
  name: required.max(80, m.nameLength),
  country: countryCode,
  timeZone: timeZoneName,
  email: z.string().trim().pipe(z.email(m.emailAddress)),
  phone: z.union([
    z
      .string()
      .trim()
      .length(0)
      .transform(() => undefined),
    phoneNumber,
  ]),
  quickExitUrl: z
    .string()
    .trim()
    .pipe(z.url({ protocol: /^https$/, message: m.quickExit })),
  recordRetentionYears: z
    .string()
    .trim()
    .regex(/^\d{1,2}$/, m.retentionYears)
    .transform(Number)
    .pipe(z.number().max(30, m.retentionYears)),
});

export const lineFields = ["version", "country", "kind", "name", "number", "note", "verifiedOn"] as const;
export type LineValues = Record<(typeof lineFields)[number], string>;

/** A help line's form; the date it was checked is typed in the practice's format. */
export const lineSchema = (format: DateInputFormat) =>
  z.object({
    version,
    country: countryCode,
    kind: z.enum(lineKinds, m.kindUnknown),
    name: required.max(120, m.nameLength),
    number: phoneNumber,
    note: z
      .string()
      .trim()
      .max(160)
      .transform((note) => note || undefined),
    verifiedOn: dateFieldSchema(format),
  });

/** What was typed into a form of these fields, kept to show again. */
export function readFields<F extends string>(fields: readonly F[], body: unknown): Record<F, string> {
  return Object.fromEntries(fields.map((field) => [field, fieldText(body, field)])) as Record<F, string>;
}
