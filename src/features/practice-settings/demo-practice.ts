import type { z } from "zod";
import type { practiceSettingsSchema } from "./practice-settings.types.ts";

/**
 * The demo practice, used when no settings file is given.
 * Help lines follow DOMAIN.md's table; a real practice re-checks each number and date before use.
 */
export const demoPractice: z.input<typeof practiceSettingsSchema> = {
  name: "Haven demo practice",
  tagline: "Couples and individual therapy for the moments that broke trust",
  country: "GB",
  timeZone: "Europe/London",
  contact: { email: "hello@example.org", phone: "020 7946 0000" },
  therapists: [
    {
      name: "Demo Therapist",
      role: "Couples and individual therapist",
      bio: "Works with couples and individuals on the moments that shook their trust, at a pace that feels safe.",
    },
  ],
  helpLines: [
    {
      code: "GB",
      name: "United Kingdom",
      emergency: { name: "Emergency services", number: "999", verifiedOn: "2026-11-01" },
      crisis: [
        { name: "Samaritans", number: "116 123", note: "Free, day or night", verifiedOn: "2026-11-01" },
      ],
      domesticAbuse: [
        {
          name: "National Domestic Abuse Helpline",
          number: "0808 2000 247",
          note: "Free, day or night",
          verifiedOn: "2026-11-01",
        },
      ],
      forPeopleWhoUseAbuse: [
        { name: "Respect Phoneline", number: "0808 802 4040", verifiedOn: "2026-11-01" },
      ],
    },
    {
      code: "IE",
      name: "Ireland",
      emergency: { name: "Emergency services", number: "112", note: "or 999", verifiedOn: "2026-11-01" },
      crisis: [{ name: "Samaritans", number: "116 123", verifiedOn: "2026-11-01" }],
      domesticAbuse: [{ name: "Women's Aid", number: "1800 341 900", verifiedOn: "2026-11-01" }],
    },
    {
      code: "US",
      name: "United States",
      emergency: { name: "Emergency services", number: "911", verifiedOn: "2026-11-01" },
      crisis: [
        {
          name: "988 Suicide & Crisis Lifeline",
          number: "988",
          note: "Call or text",
          verifiedOn: "2026-11-01",
        },
      ],
      domesticAbuse: [
        { name: "National Domestic Violence Hotline", number: "1-800-799-7233", verifiedOn: "2026-11-01" },
      ],
    },
    {
      code: "CA",
      name: "Canada",
      emergency: { name: "Emergency services", number: "911", verifiedOn: "2026-11-01" },
      crisis: [
        {
          name: "988 Suicide Crisis Helpline",
          number: "988",
          note: "Call or text",
          verifiedOn: "2026-11-01",
        },
      ],
    },
    {
      code: "AU",
      name: "Australia",
      emergency: { name: "Emergency services", number: "000", verifiedOn: "2026-11-01" },
      crisis: [{ name: "Lifeline", number: "13 11 14", verifiedOn: "2026-11-01" }],
      domesticAbuse: [{ name: "1800RESPECT", number: "1800 737 732", verifiedOn: "2026-11-01" }],
    },
  ],
  pages: {},
  // The demo uses the obviously placeholder pack, so the pack path runs end to end.
  instrumentPack: "instrument-packs/placeholder.yaml",
};
