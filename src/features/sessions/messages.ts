// Words about therapy sessions, for the therapist, the clients and their emails. Emails and calendar
// titles never say what the appointment is for: someone else may read the inbox or the lock screen.

export const sessionEmailWords = {
  scheduled: (practice: string, when: string[]) =>
    `Hello,\n\n${practice} has booked ${when.length === 1 ? "an appointment" : "appointments"} with you:\n\n${when.join("\n")}\n\nThe calendar file adds ${when.length === 1 ? "it" : "them"} to your calendar. You can also see ${when.length === 1 ? "it" : "them"} when you sign in to Haven.\n`,
  moved: (practice: string, from: string, to: string) =>
    `Hello,\n\n${practice} has moved your appointment on ${from}.\n\nThe new time is ${to}.\n\nThe calendar file updates your calendar.\n`,
  cancelled: (practice: string, when: string) =>
    `Hello,\n\n${practice} has cancelled your appointment on ${when}.\n\nThe calendar file removes it from your calendar.\n`,
  reminder: (practice: string, when: string) =>
    `Hello,\n\nA reminder of your appointment with ${practice} on ${when}.\n`,
  description: (practice: string) => `An appointment with ${practice}.`,
};

export const sessionPageWords = {
  title: "Sessions",
  recordLink: "Sessions: book, move or cancel",
  description: "Sessions booked with a client or couple.",
  back: "← Their record",
  intro: (zone: string) =>
    `Times are in your time zone, ${zone}. Sessions must be in your hours and clear of consultations, other sessions and busy times in your calendars.`,
  notRecord:
    "Haven keeps the times only: it is not your clinical or financial record. Notes and payments stay in your own systems.",
  scheduleHeading: "Book sessions",
  forWhom: "Who the session is for",
  forCouple: "The couple together",
  forAlone: (name: string) => `${name} alone`,
  aloneHint: "Their partner will not see a session booked for one of them alone.",
  date: "Date of the first session",
  time: "Start time",
  timeHint: "For example, 14:00",
  duration: "Length in minutes",
  weeks: "How many weeks",
  weeksHint: "1 for a single session; more for the same day and time each week.",
  button: "Book the sessions",
  upcomingHeading: "Coming up",
  none: "No sessions are booked.",
  together: "Together",
  alone: "Alone",
  moveLink: "Move",
  cancelButton: "Cancel this session",
  notices: {
    scheduled: "The sessions are booked and the client has been emailed.",
    cancelled: "The session is cancelled and the client has been emailed.",
    moved: "The session is moved and the client has been emailed.",
  } as Record<string, string>,
  problemWhenInvalid: "Nothing was booked. Please check the highlighted fields.",
  errors: {
    time: "Please enter a time such as 14:00.",
    duration: "Please enter a length between 15 and 240 minutes.",
    weeks: "Please enter a number of weeks between 1 and 52.",
    forWhom: "Please choose who the session is for.",
    past: "That date and time has already passed. Please choose a time ahead.",
    outsideHours: (dates: string) => `This is outside your hours on ${dates}.`,
    clash: (dates: string) => `This clashes with a consultation, another session or a busy time on ${dates}.`,
    justTaken: "That time was taken a moment ago. Please choose another.",
  },
  moveTitle: "Move a session",
  moveButton: "Move it",
  moveBack: "← Their sessions",
};

export const mySessionWords = {
  heading: "Your upcoming appointments",
  none: "No appointments are booked yet.",
  together: "with your partner",
  consultation: "Free consultation",
  calendarFile: "Add these times to your calendar (.ics file)",
  notRecord: "Your therapist keeps their own records; this is a reminder of the times only.",
  zone: (zone: string) => `Times are in ${zone}.`,
};
