import { z } from "zod";
import { type DateInputFormat, dateInputExample, type ParsedDate, parseDateInput } from "./date-input.ts";
import { TextField } from "./form-fields.tsx";
import { webMessages } from "./messages.ts";

const m = webMessages.dateInput;

/** The hint every date field ends with: the order of the parts and an example in the practice's format. */
export const dateFormatHint = (format: DateInputFormat) => m.hint(format.order, dateInputExample(format));

/** One sentence for what was wrong with a typed date, with the example to follow. */
export function dateProblemMessage(
  parsed: Exclude<ParsedDate, { ok: true }>,
  format: DateInputFormat,
): string {
  const example = dateInputExample(format);
  if (parsed.problem === "empty") return m.empty(example);
  if (parsed.problem === "unreadable") return m.unreadable(example);
  const monthAndYear = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
  return m.noSuchDay(parsed.day, monthAndYear.format(Date.UTC(parsed.year, parsed.month - 1, 1)));
}

/**
 * The schema of a date field: what was typed, read in the practice's format, becomes an ISO date
 * ("2026-12-24"), the form the rest of Haven stores and computes with. An optional field left empty is "".
 */
export function dateFieldSchema(
  format: DateInputFormat,
  options: { required?: boolean; emptyMessage?: string } = {},
) {
  const { required = true, emptyMessage } = options;
  return z.string().transform((text, ctx) => {
    const parsed = parseDateInput(text, format);
    if (parsed.ok) return parsed.isoDate;
    if (parsed.problem === "empty" && !required) return "";
    // A form may say which date it wants ("the date of the session"); the format's example follows.
    const message =
      parsed.problem === "empty" && emptyMessage
        ? `${emptyMessage} ${dateFormatHint(format)}`
        : dateProblemMessage(parsed, format);
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  });
}

/**
 * A date typed as text in the practice's format (never the browser's own date input, which follows the
 * browser's language), with the format in its hint, its problem beside it and what was typed kept.
 */
export function DateField(props: {
  name: string;
  /** By default `field-<name>`. */
  id?: string;
  label: string;
  format: DateInputFormat;
  /** Said before the format, when the field needs more explaining. */
  hint?: string;
  value?: string | undefined;
  error?: string | undefined;
  required?: boolean;
}) {
  const { name, label, format, value, error, required = true } = props;
  const hint = props.hint ? `${props.hint} ${dateFormatHint(format)}` : dateFormatHint(format);
  // Plain text, with no inputmode="numeric": a phone's digits-only keypad has no "/", and the date needs its
  // separators.
  return (
    <TextField
      name={name}
      {...(props.id ? { id: props.id } : {})}
      label={label}
      hint={hint}
      value={value}
      error={error}
      autocomplete="off"
      required={required}
    />
  );
}
