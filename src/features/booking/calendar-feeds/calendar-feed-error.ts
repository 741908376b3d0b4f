// The one error busyTimesFromIcal throws for a bad feed. Its message is written for the therapist (it can be
// shown next to the address they pasted); `code` lets callers branch without matching on words.
export type CalendarFeedErrorCode = "empty" | "web-page" | "not-a-calendar" | "unreadable";

export class CalendarFeedError extends Error {
  override readonly name = "CalendarFeedError";

  constructor(
    readonly code: CalendarFeedErrorCode,
    message: string,
  ) {
    super(message);
  }
}
