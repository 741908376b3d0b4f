import { z } from "zod";
import { dateFieldSchema } from "../../../platform/web/date-field.tsx";
import type { DateInputFormat } from "../../../platform/web/date-input.ts";
import { fieldText } from "../../../platform/web/form-post.ts";
import { isValidTimeZone } from "../compute-slots.ts";
import { settingsMessages as m } from "./messages.ts";
import { type HoursRange, parseHours } from "./parse-hours.ts";

/** ISO weekdays, as Temporal counts them: 1 = Monday … 7 = Sunday. */
export const isoWeekdays = [1, 2, 3, 4, 5, 6, 7] as const;
export type HoursField = `hours${(typeof isoWeekdays)[number]}`;
/** The usual week's field for a weekday: `hours1` (Monday) … `hours7` (Sunday). */
export const hoursFieldOf = (weekday: (typeof isoWeekdays)[number]): HoursField => `hours${weekday}`;

/** The form's text fields, as typed. */
export const settingsTextFields = [
  "timeZone",
  "durationMinutes",
  "bufferBeforeMinutes",
  "bufferAfterMinutes",
  "minimumNoticeHours",
  "horizonDays",
  "intervalMinutes",
  "maxPerDay",
  "cancellationCutoffHours",
  "graceMinutes",
  "requestExpiryHours",
  "reminderHours",
  "videoLink",
  "phoneArrangement",
  ...isoWeekdays.map(hoursFieldOf),
] as const;

export type SettingsValues = Record<(typeof settingsTextFields)[number], string> & {
  acceptsBookings: boolean;
  approvalRequired: boolean;
};
export type OverrideValues = { overrideDate: string; overrideHours: string };

/** A whole number typed in a field, within the range the database's check constraint allows. */
const whole = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));

const hoursField = z
  .string()
  .max(300, m.hoursTooLong)
  .transform((text, ctx): HoursRange[] => {
    const parsed = parseHours(text);
    if (parsed.ok) return parsed.ranges;
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  });

const isHttpsLink = (text: string) => {
  if (text === "") return true;
  if (/\s/.test(text) || !URL.canParse(text)) return false;
  const url = new URL(text);
  return url.protocol === "https:" && url.hostname !== "" && url.username === "" && url.password === "";
};

const weekFields = Object.fromEntries(
  isoWeekdays.map((weekday) => [hoursFieldOf(weekday), hoursField]),
) as Record<HoursField, typeof hoursField>;

export const settingsSchema = z.object({
  timeZone: z.string().refine(isValidTimeZone, m.timeZone),
  durationMinutes: whole(5, 240, m.durationMinutes),
  bufferBeforeMinutes: whole(0, 240, m.buffer),
  bufferAfterMinutes: whole(0, 240, m.buffer),
  minimumNoticeHours: whole(0, 720, m.minimumNoticeHours),
  horizonDays: whole(1, 365, m.horizonDays),
  intervalMinutes: whole(5, 240, m.intervalMinutes),
  maxPerDay: z
    .string()
    .trim()
    .pipe(z.union([z.literal("").transform(() => null), whole(1, 50, m.maxPerDay)], { error: m.maxPerDay })),
  cancellationCutoffHours: whole(0, 336, m.cancellationCutoffHours),
  graceMinutes: whole(0, 1440, m.graceMinutes),
  requestExpiryHours: whole(1, 168, m.requestExpiryHours),
  reminderHours: whole(0, 168, m.reminderHours),
  videoLink: z.string().trim().max(500, m.videoLink).refine(isHttpsLink, m.videoLink),
  phoneArrangement: z.string().trim().max(300, m.phoneArrangement),
  ...weekFields,
});

export type ValidSettings = z.output<typeof settingsSchema> & {
  acceptsBookings: boolean;
  approvalRequired: boolean;
};

/** What the therapist typed, kept to show again; the two boxes are ticked or not. */
export function readSettings(body: unknown): SettingsValues {
  return {
    ...Object.fromEntries(settingsTextFields.map((field) => [field, fieldText(body, field)])),
    acceptsBookings: fieldText(body, "acceptsBookings") === "yes",
    approvalRequired: fieldText(body, "approvalRequired") === "yes",
  } as SettingsValues;
}

/** A date that differs from the usual week, typed in the practice's format. */
export const overrideSchema = (format: DateInputFormat) =>
  z.object({
    overrideDate: dateFieldSchema(format),
    overrideHours: hoursField,
  });

export function readOverride(body: unknown): OverrideValues {
  return { overrideDate: fieldText(body, "overrideDate"), overrideHours: fieldText(body, "overrideHours") };
}
