import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import { fieldText } from "../../platform/web/form-post.ts";
import { sessionPageWords } from "./messages.ts";

const e = sessionPageWords.errors;

export type ScheduleValues = { forWhom: string; date: string; time: string; duration: string; weeks: string };

const realDate = (text: string) => {
  try {
    Temporal.PlainDate.from(text, { overflow: "reject" });
    return /^\d{4}-\d{2}-\d{2}$/.test(text);
  } catch {
    return false;
  }
};
const wholeBetween = (low: number, high: number, message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, message)
    .transform(Number)
    .refine((n) => n >= low && n <= high, message);

export const dateField = z.string().trim().refine(realDate, e.date);
export const timeField = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, e.time);

/** The booking form's shape; whether the times are free is the use case's to say. */
export const scheduleSchema = z.object({
  forWhom: z.enum(["alone", "couple"], { error: e.forWhom }),
  date: dateField,
  time: timeField,
  duration: wholeBetween(15, 240, e.duration),
  weeks: wholeBetween(1, 52, e.weeks),
});

export const readSchedule = (body: unknown): ScheduleValues => ({
  forWhom: fieldText(body, "forWhom"),
  date: fieldText(body, "date"),
  time: fieldText(body, "time"),
  duration: fieldText(body, "duration"),
  weeks: fieldText(body, "weeks"),
});

export const moveSchema = z.object({ date: dateField, time: timeField });
export type MoveValues = { date: string; time: string };
export const readMove = (body: unknown): MoveValues => ({
  date: fieldText(body, "date"),
  time: fieldText(body, "time"),
});
