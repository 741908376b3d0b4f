import { z } from "zod";

const isoDate = z.iso.date({ message: "must be a date written as YYYY-MM-DD" });

/** The longest page Haven stores (a long privacy notice is about 20,000 characters). */
export const pageTextLimit = 60_000;
const pageText = z.string().trim().min(1).max(pageTextLimit);
/**
 * A consent document's Markdown exactly as written, never trimmed: its hash is the version clients
 * accept, so an unchanged file keeps the version they already accepted (record 059).
 */
const consentText = z
  .string()
  .max(pageTextLimit)
  .refine((text) => text.trim().length > 0, "must not be empty");

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
    /**
     * The privacy and accessibility pages' Markdown as stored in the database (record 059). The files
     * named in `pages` are their first import; from then on the owner edits them in the browser.
     */
    pageTexts: z.strictObject({ privacy: pageText, accessibility: pageText }).optional(),
    /**
     * Each consent document's current Markdown, by its id (record 059). The files named in
     * `consentDocuments` are the first import; from then on the owner edits them in the browser, and
     * each saved text is a new version that clients accept at their next visit.
     */
    consentTexts: z.record(z.string(), consentText).optional(),
    /**
     * How long the practice must keep a client's records after the work ends (set by its regulator
     * or insurer; 7 years is common for adults). Shown to a client who asks for erasure.
     */
    recordRetentionYears: z.number().int().min(0).max(30).default(7),
    /**
     * The practice's instrument pack: the licensed item wording of published measures (see
     * docs/instrument-packs.md), relative to the content directory. Without one, those measures are
     * listed as needing their wording.
     */
    instrumentPack: z.string().min(1).optional(),
    /** Where "Exit this page" goes: an ordinary, neutral site that looks unremarkable in a browser's history. */
    quickExitUrl: z.url({ protocol: /^https$/ }).default("https://www.bbc.co.uk/weather"),
    /**
     * What each client reads and accepts before first use. The practice edits the files; a change to
     * a file is a new version, and Haven records which version each client accepted.
     */
    consentDocuments: z
      .array(
        z.strictObject({
          id: z.string().regex(/^[a-z0-9-]+$/, "must be lower-case letters, digits and dashes"),
          title: z.string().trim().min(1).max(120),
          file: z.string().min(1),
        }),
      )
      .min(1)
      .default([
        { id: "not-monitored", title: "Haven is not monitored", file: "pages/consent/not-monitored.md" },
        {
          id: "secrets-between-partners",
          title: "Secrets between partners",
          file: "pages/consent/secrets-between-partners.md",
        },
        {
          id: "limits-of-confidentiality",
          title: "The limits of confidentiality",
          file: "pages/consent/limits-of-confidentiality.md",
        },
      ]),
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
