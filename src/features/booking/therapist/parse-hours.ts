// Pure: a day's hours as a therapist types them ("09:00-12:30, 13:30-17:00") and back again.
// Minutes from local midnight, as weekly_hours and date_overrides store them.

export type HoursRange = { startMinute: number; endMinute: number };

export type ParsedHours = { ok: true; ranges: HoursRange[] } | { ok: false; message: string };

/** More than this in one day is a typing slip, not a working day. */
export const maxRangesPerDay = 12;

export const hoursMessages = {
  example: "For example: 09:00-12:30, 13:30-17:00",
  notATime: (time: string) => `“${time}” is not a time. Please write times like 9:00 or 17:30.`,
  onlyAnEnd: (time: string) => `“${time}” can only end a range, as the end of the day.`,
  notARange: (piece: string) =>
    `“${piece}” is not a range of times. Please write a start and an end, like 09:00-12:30.`,
  backwards: (piece: string) => `“${piece}”: each range must end after it starts.`,
  overlap: (a: string, b: string) =>
    `Two ranges overlap: “${a}” and “${b}”. Please join them into one, or move one of them.`,
  tooMany: `Please keep to ${maxRangesPerDay} ranges or fewer in a day.`,
};

const timePattern = /^(\d{1,2})(?::(\d{2}))?$/;

/** Minutes from midnight for "9", "09", "9:30" or "09:30"; 24:00 only as an end. */
function parseTime(
  text: string,
  isEnd: boolean,
): { ok: true; minute: number } | { ok: false; message: string } {
  const match = timePattern.exec(text);
  if (!match) return { ok: false, message: hoursMessages.notATime(text) };
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? "0");
  if (hour === 24 && minute === 0) {
    return isEnd ? { ok: true, minute: 1440 } : { ok: false, message: hoursMessages.onlyAnEnd(text) };
  }
  if (hour > 23 || minute > 59) return { ok: false, message: hoursMessages.notATime(text) };
  return { ok: true, minute: hour * 60 + minute };
}

/**
 * Reads a day's hours: ranges separated by commas or semicolons, each a start and an end joined by
 * "-" or "–". Empty text means no hours that day. Ranges come back sorted; touching ranges are
 * allowed, overlapping ones are refused (they are almost always a typing slip).
 */
export function parseHours(text: string): ParsedHours {
  const pieces = text
    .split(/[,;]/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== "");
  if (pieces.length > maxRangesPerDay) return { ok: false, message: hoursMessages.tooMany };
  const ranges: (HoursRange & { piece: string })[] = [];
  for (const piece of pieces) {
    const ends = piece.split(/[-–]/).map((end) => end.trim());
    if (ends.length !== 2 || ends[0] === "" || ends[1] === "")
      return { ok: false, message: hoursMessages.notARange(piece) };
    const start = parseTime(ends[0] as string, false);
    if (!start.ok) return start;
    const end = parseTime(ends[1] as string, true);
    if (!end.ok) return end;
    if (end.minute <= start.minute) return { ok: false, message: hoursMessages.backwards(piece) };
    ranges.push({ startMinute: start.minute, endMinute: end.minute, piece });
  }
  ranges.sort((a, b) => a.startMinute - b.startMinute);
  for (let i = 1; i < ranges.length; i++) {
    const previous = ranges[i - 1] as (typeof ranges)[number];
    const current = ranges[i] as (typeof ranges)[number];
    if (current.startMinute < previous.endMinute)
      return { ok: false, message: hoursMessages.overlap(previous.piece, current.piece) };
  }
  return { ok: true, ranges: ranges.map(({ startMinute, endMinute }) => ({ startMinute, endMinute })) };
}

const clock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** The inverse of parseHours: "09:00-12:30, 13:30-17:00", sorted; "" for no hours. */
export function formatHours(ranges: readonly HoursRange[]): string {
  return [...ranges]
    .sort((a, b) => a.startMinute - b.startMinute)
    .map((range) => `${clock(range.startMinute)}-${clock(range.endMinute)}`)
    .join(", ");
}
