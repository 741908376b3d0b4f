// Words the therapist reads on their booking pages.
import type { Kind } from "../visitor/times-page.tsx";
import { changeMessageMaxLength, declineMessageMaxLength } from "./message-limits.ts";

/** Words on the therapist's list. */
export const consultationWords = {
  kind: { individual: "For them alone", couple: "As a couple", unsure: "Not sure yet" } satisfies Record<
    Kind,
    string
  >,
  meeting: { video: "Video call", phone: "Phone call" },
  channel: { email: "email", phone: "phone call", text: "text message" },
  noMessages: "Do not leave a message or voicemail.",
  noMessagesWhy: "They asked for no messages. Someone else may hear or read them.",
  messagesOk: "A message or voicemail may be left.",
};

/** Words on the therapist's change pages. */
export const changeWords = {
  messageLabel: "A message for them (optional)",
  messageTooLong: `Please keep the message under ${changeMessageMaxLength} characters.`,
  chooseTime: "Please choose the new time.",
  timeTaken: "That time was taken a moment ago. Please choose another.",
  notices: {
    "practice-cancelled": "Cancelled. The time is free again.",
    "practice-moved": "Moved. The new time is in the list below.",
    "too-late": "That consultation has already started, so it can no longer be changed here.",
    "not-active": "That consultation had already been cancelled, so nothing was changed.",
  },
};

/** Words for answering requests. */
export const answerWords = {
  answerBy: (deadline: string) =>
    `Waiting for your answer by ${deadline}. After that it lapses and the time is freed.`,
  approve: "Approve",
  decline: "Decline",
  messageLabel: "A short message to them (optional)",
  messageHint:
    "Shown on their booking page, and emailed only if they chose email. For example, other days that suit you.",
  messageTooLong: `Please keep the message under ${declineMessageMaxLength} characters.`,
  notices: {
    approved: "Approved. They can see it is confirmed, and have a calendar invitation if they chose email.",
    declined: "Declined, and the time is free again. They can see this on their booking page.",
    expired:
      "That request had already lapsed, so nothing was confirmed. Its time is free and they have been told.",
    "already-answered": "That request had already been answered.",
    withdrawn: "They withdrew that request, so there is nothing to answer.",
  },
};

/** Words beside the booking settings' fields. */
export const settingsMessages = {
  timeZone: "Please choose a time zone from the list.",
  durationMinutes: "Please give a length between 5 and 240 minutes.",
  buffer: "Please give a number of minutes between 0 and 240.",
  minimumNoticeHours: "Please give a number of hours between 0 and 720 (30 days).",
  horizonDays: "Please give a number of days between 1 and 365.",
  intervalMinutes: "Please give a number of minutes between 5 and 240.",
  maxPerDay: "Please give a number between 1 and 50, or leave it empty for no limit.",
  cancellationCutoffHours: "Please give a number of hours between 0 and 336 (two weeks).",
  requestExpiryHours: "Please give a number of hours between 1 and 168 (one week).",
  reminderHours: "Please give a number of hours between 0 and 168 (one week).",
  videoLink: "Please give a full link that starts with https://, or leave it empty.",
  phoneArrangement: "Please keep this under 300 characters.",
  hoursTooLong: "Please write these hours more briefly.",
  notSaved: "Nothing has been changed yet. Please look at the notes beside the fields below.",
  overrideDate: "Please give a date like 2026-12-24.",
  overridePast: "That date has already passed. Please choose today or a later date.",
  overrideFar: "Please choose a date within the next two years.",
  notices: {
    saved: "Saved. Visitors now see times from these settings.",
    "override-saved": "Saved. That date now differs from your usual week.",
    "override-removed": "Removed. That date follows your usual week again.",
  },
};
