// When a visitor's reminder email is due. Pure: callers pass `now` and the booking's facts.

const HOUR = 3_600_000;

/**
 * The moment the reminder goes out: the therapist's hours before the start. None when the therapist has
 * turned reminders off (0 hours), when the visitor did not choose email (DOMAIN.md: never contact someone
 * in a way they said is unsafe), or when the consultation is confirmed after that moment has passed — the
 * confirmation they have just been sent is their reminder.
 */
export function reminderAt(input: {
  start: number;
  now: number;
  reminderHours: number;
  contactByEmail: boolean;
}): Date | null {
  if (input.reminderHours <= 0 || !input.contactByEmail) return null;
  const at = input.start - input.reminderHours * HOUR;
  return at > input.now ? new Date(at) : null;
}
