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
  title: "Consultations",
  description: "Free consultations booked with you.",
  back: "← Your practice",
  intro: (zone: string) =>
    `Free consultations booked with you. Times are in your time zone, ${zone}. Please contact each person only in the ways they chose.`,
  changeSettings: "Change your hours and booking settings",
  pendingHeading: "Waiting for your answer",
  confirmedHeading: "Confirmed, soonest first",
  noneYet: "No consultations are booked yet.",
  cancelledHeading: "Cancelled, still to come",
  cancelledIntro: "These times are free again. Where someone said why they cancelled, their words are here.",
  theirReason: "Their reason",
  noReason: "They did not give a reason.",
  terms: {
    kind: "Who it is for",
    meeting: "How",
    name: "Name",
    email: "Email",
    phone: "Phone",
    contactBy: "Contact them only by",
    messages: "Messages",
    theirTime: "Their own time",
    note: "Their note",
  },
  moveIt: "Move it",
  cancelIt: "Cancel it",
  inviteAsClient: "Invite as a client",
  reflectionLabel: "Their self-check reflection",
  safetyFirstBefore: "Their self-check ended with ",
  safetyFirst: "safety first",
  safetyFirstAfter:
    ": they answered yes to at least one question about fear, harm, control or thoughts of suicide. Please speak with them alone first.",
  hurtPartner:
    "In their self-check they said they have hurt or frightened their partner, or worry that they might. They were shown help for people who use abuse.",
};

/** Words on the therapist's change pages. */
export const changeWords = {
  messageLabel: "A message for them (optional)",
  messageTooLong: `Please keep the message under ${changeMessageMaxLength} characters.`,
  chooseTime: "Please choose the new time.",
  timeTaken: "That time was taken a moment ago. Please choose another.",
  messageHint: (emailed: boolean) =>
    `Shown on their booking page${emailed ? " and in the email" : ""}. For example, why, and whether another time would suit you.`,
  havenEmails: "Haven emails them the change, with an updated calendar invitation and your message.",
  notEmailed: "They asked not to be emailed, so Haven will not tell them.",
  tellThemYourself: (ways: string, phone: string) =>
    `Your message will be on their booking page, but they may not look there: please tell them yourself by ${ways}${phone !== "" ? ` on ${phone}` : ""}.`,
  back: "← Your consultations",
  cancelTitle: "Cancel a consultation",
  cancelHeading: (name: string) => `Cancel the consultation with ${name}`,
  cancel: "Cancel the consultation",
  moveTitle: "Move a consultation",
  moveHeading: (name: string) => `Move the consultation with ${name}`,
  now: (when: string) => `Now: ${when}`,
  noOtherTimes: "There are no other free times in your hours in the coming weeks.",
  shownIn: (zone: string) => `Times are shown in ${zone} time.`,
  move: "Move the consultation",
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
  graceMinutes: "Please give a number of minutes between 0 and 1440 (one day).",
  requestExpiryHours: "Please give a number of hours between 1 and 168 (one week).",
  reminderHours: "Please give a number of hours between 0 and 168 (one week).",
  videoLink: "Please give a full link that starts with https://, or leave it empty.",
  phoneArrangement: "Please keep this under 300 characters.",
  hoursTooLong: "Please write these hours more briefly.",
  notSaved: "Nothing has been changed yet. Please look at the notes beside the fields below.",
  overridePast: "That date has already passed. Please choose today or a later date.",
  overrideFar: "Please choose a date within the next two years.",
  notices: {
    saved: "Saved. Visitors now see times from these settings.",
    "override-saved": "Saved. That date now differs from your usual week.",
    "override-removed": "Removed. That date follows your usual week again.",
  },
};

/** The ISO week in order, Monday (1) first. */
export const weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** The booking settings page: its headings, labels and hints. */
export const settingsPageMessages = {
  title: "Booking settings",
  description: "How visitors book a consultation.",
  back: "← Your practice",
  intro: "How visitors book a free consultation with you.",
  seeConsultations: "See the consultations booked with you",
  busyNeverOffered: "Times your own calendar shows as busy are never offered.",
  connectCalendars: "Connect your calendars",
  acceptsBookings: "Visitors can book a consultation with me",
  timeZoneLabel: "Your time zone",
  timeZoneHint:
    "Your hours are in this zone, and consultations are shown to you in it. Visitors see times in their own zone.",
  weekLegend: "Your usual week",
  weekHint: (example: string) =>
    `The hours you offer consultations, in your time zone. ${example}. Leave a day empty for no consultations that day.`,
  numbers: {
    durationMinutes: ["Length of a consultation, in minutes", "Between 5 and 240."],
    intervalMinutes: [
      "Minutes between start times",
      "For example, 30 offers 9:00, 9:30, 10:00 and so on. Between 5 and 240.",
    ],
    bufferBeforeMinutes: [
      "Free time before each consultation, in minutes",
      "Kept clear so consultations are not back to back. Between 0 and 240.",
    ],
    bufferAfterMinutes: ["Free time after each consultation, in minutes", "Between 0 and 240."],
    minimumNoticeHours: [
      "Shortest notice, in hours",
      "How long before a consultation a visitor may book it. Between 0 and 720.",
    ],
    horizonDays: ["How far ahead visitors may book, in days", "Between 1 and 365."],
    cancellationCutoffHours: [
      "Visitors may move a consultation until this many hours before",
      "After that, they are asked to contact the practice to move it. They can always cancel, which frees your time. Between 0 and 336.",
    ],
    graceMinutes: [
      "Minutes after booking when it can still be moved",
      "Even inside the time above, so a visitor who chose the wrong day can put it right at once. 0 for none. Between 0 and 1440.",
    ],
    reminderHours: [
      "Reminder email, in hours before",
      "Sent once, only to visitors who chose email as a safe way to reach them. 0 sends none. Between 0 and 168.",
    ],
    requestExpiryHours: [
      "Hours you have to answer a request",
      "Between 1 and 168 (one week). Requests already made keep the time they were given.",
    ],
  } satisfies Record<string, [label: string, hint: string]>,
  maxPerDayLabel: "Most consultations in one day",
  maxPerDayHint: "Leave it empty for no limit, or give a number between 1 and 50.",
  approvalLegend: "Approve each booking first",
  approvalHint: (lapsesHoursBefore: number, earliestHours: number) =>
    `When this is on, a booking arrives as a request. It holds its time while you decide, and the visitor sees that it is not confirmed yet. You approve or decline it on your consultations page. If you do neither in time, the request lapses, the time is freed, and the visitor is told. A request always lapses at least ${lapsesHoursBefore} hours before its start, so visitors can then book no sooner than ${earliestHours} hours ahead.`,
  approvalRequired: "I approve each booking before it is confirmed",
  videoLinkLabel: "Video link",
  videoLinkHint: "The link visitors use to join a video consultation. It starts with https://.",
  phoneLabel: "How phone consultations work",
  phoneHint: "For example: I will call you on the number you gave.",
  save: "Save booking settings",
  saving: "Saving…",
  overridesHeading: "Dates that differ from your usual week",
  overridesIntro:
    "A day off, a holiday, or different hours on one date. The hours replace that day's usual hours.",
  noOverrides: "No dates set.",
  dayOff: "day off",
  remove: "Remove",
  removing: "Removing…",
  dateLabel: "Date",
  overrideHoursLabel: "Hours that day",
  overrideHoursHint: (example: string) => `${example}. Leave it empty for a day off.`,
  saveDate: "Save this date",
};

/** Words when a consultation becomes an invitation. */
export const inviteFromConsultationWords = {
  checkNote: (moment: string) =>
    `These details come from the consultation on ${moment}. Please check them with the person before sending. For a couple, add the partner's name and email: Haven never asks a visitor for them.`,
};
