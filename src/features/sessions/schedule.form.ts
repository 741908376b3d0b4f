import { z } from "zod";
import { dateFieldSchema } from "../../platform/web/date-field.tsx";
import type { DateInputFormat } from "../../platform/web/date-input.ts";
import { fieldText } from "../../platform/web/form-post.ts";
import { sessionPageWords } from "./messages.ts";

const e = sessionPageWords.errors;

export type ScheduleValues = { forWhom: string; date: string; time: string; duration: string; weeks: string };

const wholeBetween = (low: number, high: number, message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, message)
    .transform(Number)
    .refine((n) => n >= low && n <= high, message);

export const timeField = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, e.time);

/**
 * The booking form's shape, the date in the practice's format; whether the times are free is the use
 * case's to say.
 */
export const scheduleSchema = (format: DateInputFormat) =>
  z.object({
    forWhom: z.enum(["alone", "couple"], { error: e.forWhom }),
    date: dateFieldSchema(format),
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

export const moveSchema = (format: DateInputFormat) =>
  z.object({ date: dateFieldSchema(format), time: timeField });
export type MoveValues = { date: string; time: string };
export const readMove = (body: unknown): MoveValues => ({
  date: fieldText(body, "date"),
  time: fieldText(body, "time"),
});
