import { z } from "zod";

const isoDate = z.iso.date({ message: "must be a date written as YYYY-MM-DD" });

const helpLine = z.strictObject({
  name: z.string().trim().min(1),
  /** As dialled, e.g. "116 123" or "988". */
  number: z
    .string()
    .trim()
    .regex(/^[0-9+][0-9 -]*$/, "must be digits, spaces or dashes"),
  note: z.string().trim().min(1).optional(),
  /** When someone last checked the number against the service's own site. */
  verifiedOn: isoDate,
});

const countryHelp = z.strictObject({
  code: z.string().regex(/^[A-Z]{2}$/, "must be a two-letter country code such as GB"),
  name: z.string().trim().min(1),
  emergency: helpLine,
  crisis: z.array(helpLine).default([]),
  domesticAbuse: z.array(helpLine).default([]),
  forPeopleWhoUseAbuse: z.array(helpLine).default([]),
  youth: z.array(helpLine).default([]),
});

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, "must be a time zone such as Europe/London");

export const practiceSettingsSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(80),
    tagline: z.string().trim().min(1).max(160),
    country: z.string().regex(/^[A-Z]{2}$/, "must be a two-letter country code such as GB"),
    timeZone,
    locale: z.string().default("en-GB"),
    contact: z.strictObject({
      email: z.email(),
      phone: z.string().trim().min(1).optional(),
      address: z.string().trim().min(1).optional(),
    }),
    therapists: z
      .array(
        z.strictObject({
          name: z.string().trim().min(1),
          role: z.string().trim().min(1),
          bio: z.string().trim().min(1),
        }),
      )
      .min(1),
    helpLines: z.array(countryHelp).min(1),
    /** Markdown files, relative to the content directory. */
    pages: z
      .strictObject({
        privacy: z.string().default("pages/privacy.md"),
        accessibility: z.string().default("pages/accessibility.md"),
      })
      .prefault({}),
  })
  .superRefine((settings, ctx) => {
    if (!settings.helpLines.some((c) => c.code === settings.country)) {
      ctx.addIssue({
        code: "custom",
        path: ["helpLines"],
        message: `must include the practice's own country (${settings.country})`,
      });
    }
  });

export type PracticeSettings = z.infer<typeof practiceSettingsSchema>;
export type CountryHelp = PracticeSettings["helpLines"][number];
export type HelpLine = CountryHelp["emergency"];
