import { z } from "zod";
import type { ReflectionSummary } from "../assessments/self-check/reflection-summary.ts";
import { isValidTimeZone, zoneSpelling } from "./compute-slots.ts";

/** Words beside each field of the booking form. */
export const bookingMessages = {
  name: "Please tell us your name (a first name is fine).",
  email: "That email address looks incomplete — please check it.",
  phone: "Please give a phone number we can use, with digits only (spaces and + are fine).",
  phoneNeeded: "We need a phone number for a phone consultation, or to call or text you.",
  contactBy: "Please choose at least one way we may contact you.",
  leaveMessage: "Please tell us whether we may leave a message.",
  meeting: "Please choose phone or video.",
  note: "Please keep the note under 1,000 characters.",
  noteConsent: "To send a note, please tick the box that lets us keep it. Or leave the note empty.",
  adult: "Haven is for adults. Please confirm you are 18 or over.",
  privacy: "Please confirm you have read how we look after your information.",
};

const m = bookingMessages;

export const contactChannels = ["email", "phone", "text"] as const;

export const visitorDetailsSchema = z.object({
  name: z.string().trim().min(1, m.name).max(120, m.name),
  email: z.string().trim().toLowerCase().pipe(z.email(m.email)),
  phone: z
    .string()
    .trim()
    .max(30, m.phone)
    .refine((v) => v === "" || /^\+?[0-9][0-9 ()-]{5,}$/.test(v), m.phone),
  contactBy: z.array(z.enum(contactChannels)).min(1, m.contactBy),
  leaveMessage: z.enum(["yes", "no"], { message: m.leaveMessage }),
  meeting: z.enum(["video", "phone"], { message: m.meeting }),
  note: z.string().trim().max(1000, m.note),
  noteConsent: z.boolean(),
  adult: z.literal(true, { message: m.adult }),
  privacy: z.literal(true, { message: m.privacy }),
});

/**
 * Rules across fields, checked on what was typed even when other fields are wrong, so every problem
 * shows at once (a schema's refinements only run once each field is valid).
 */
export function crossFieldProblems(v: {
  phone?: string;
  contactBy?: string[];
  meeting?: string;
  note?: string;
  noteConsent?: boolean;
}): Record<string, string> {
  const problems: Record<string, string> = {};
  const contactBy = v.contactBy ?? [];
  const needsPhone = v.meeting === "phone" || contactBy.includes("phone") || contactBy.includes("text");
  if (needsPhone && (v.phone ?? "").trim() === "") problems.phone = m.phoneNeeded;
  if ((v.note ?? "").trim() !== "" && !v.noteConsent) problems.noteConsent = m.noteConsent;
  return problems;
}

export type VisitorDetails = z.infer<typeof visitorDetailsSchema>;

/** What is stored, encrypted, about the visitor: only what they gave, and the note only with consent. */
export type StoredVisitor = {
  name: string;
  email: string;
  phone: string;
  contactBy: (typeof contactChannels)[number][];
  leaveMessage: boolean;
  note: string;
  /** The self-check reflection the visitor chose to share with this booking, if any. */
  reflection?: ReflectionSummary;
};

export const bookingChoiceSchema = z.object({
  kind: z.enum(["individual", "couple", "unsure"]),
  // Epoch milliseconds; the bound keeps a made-up number from becoming an invalid date.
  start: z.coerce.number().int().positive().max(8_000_000_000_000),
  zone: z
    .string()
    .refine(isValidTimeZone)
    .transform((zone) => zoneSpelling(zone) ?? zone),
  submissionId: z.uuid(),
});
