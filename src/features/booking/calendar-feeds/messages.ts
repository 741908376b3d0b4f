// Words the calendar-import feature shows the therapist, in one place so they can be translated later.
// They explain what went wrong with the address or the calendar in plain terms, never in protocol jargon.
export const calendarFeedMessages = {
  // Reading the calendar file
  empty: "This address returned an empty page, not a calendar.",
  webPage: "This address did not return a calendar (it looks like a web page).",
  notACalendar: "This address did not return a calendar.",
  unreadable: "Haven could not read this calendar: the file is damaged or not in the iCalendar format.",

  // Checking the address before fetching it
  notAnAddress: "This is not a web address Haven can read. Please copy the whole address again.",
  unsupportedScheme:
    "Haven can only fetch calendar addresses that start with https://, http:// or webcal://.",
  credentialsInAddress:
    "This address has a user name or password written into it, which Haven does not accept. Please use the calendar's secret sharing address instead.",
  hostNotFound: "Haven could not find this address. Please check that it was copied in full.",
  privateNetwork: "This address points inside a private network, so Haven will not fetch it.",

  // Fetching
  httpStatus: (status: number, reason: string) =>
    `The calendar address answered ${status}${reason === "" ? "" : ` ${reason}`}.`,
  tooSlow: "The calendar took too long to answer.",
  tooLarge: (limit: string) => `The calendar is too large for Haven to import (more than ${limit}).`,
  tooManyRedirects: "The calendar address sent Haven to other addresses too many times.",
  redirectWithoutTarget: "The calendar address sent Haven elsewhere without saying where.",
  badRedirect: "The calendar address sent Haven to another address that is not valid.",
  unknownEncoding: "The calendar address answered in a compressed form Haven cannot read.",
  couldNotConnect: "Haven could not connect to the calendar address. Please try again later.",
  certificateProblem:
    "The calendar address's security certificate could not be verified, so Haven did not trust it.",
};

/** Words on the therapist's calendars page and in its answers. */
export const calendarsMessages = {
  notices: {
    added: "Added and read. Its busy times now block consultation times.",
    "added-failed": "Added, but it could not be read yet: see below.",
    checked: "Read again just now.",
    "check-failed": "It could not be read: see below.",
    removed: "Removed. Its busy times no longer block anything.",
    "subscription-made": "Your private address is ready. Any older address has stopped working.",
    "subscription-stopped": "Stopped. The address no longer works; calendars subscribed to it will empty.",
    "expired-form": "This page was open for a long time, so nothing was changed. Please try again.",
  },
  addExpired: "This page was open for a long time, so nothing was saved. Please add it again.",
  buttonExpired: "This page was open for a long time. Please try again.",
  labelMissing: "Please give it a name, e.g. “Work calendar”.",
  labelTooLong: "Please keep the name under 80 characters.",
  urlMissing: "Please paste the calendar's private address.",
  urlTooLong: "This address is too long to be a calendar's address.",
  title: "Your calendars",
  back: "← Booking settings",
  intro:
    "Haven reads your own calendar every 10 minutes and offers no consultation time that clashes with it. Only when you are busy is kept — never titles, places or who you are meeting. Events marked “free” or cancelled are ignored.",
  readHeading: "Calendars Haven reads",
  noneYet: "None yet.",
  addHeading: "Add a calendar",
  copyAddress: "Copy your calendar's private address:",
  whereToCopy: [
    "Google Calendar: Settings → your calendar → Integrate calendar → “Secret address in iCal format”.",
    "Outlook: Settings → Calendar → Shared calendars → Publish a calendar → the ICS link.",
    "Apple Calendar (iCloud): share the calendar as a public calendar and copy its link. Anyone with that link can read the calendar, so keep it as private as a password.",
  ],
  labelLabel: "A name for it",
  labelHint: "For you only, e.g. “Work calendar”.",
  urlLabel: "Its private address",
  urlHint: "It starts with https:// or webcal://",
  add: "Add and read it now",
  from: (host: string) => `From ${host}`,
  lastReadFailed: "The last read failed:",
  lastReadOk: (when: string) =>
    `Last read successfully ${when}. Until it can be read again, the busy times from that read still block consultation times.`,
  neverRead: "It has never been read successfully, so it does not block any times yet.",
  readSummary: (when: string, busy: number) =>
    `Read ${when}: ${busy} ${busy === 1 ? "busy time" : "busy times"} in the coming year.`,
  stale: " (This is older than it should be; Haven will try again soon.)",
  notReadYet: "Not read yet. Haven reads it within a few minutes.",
  checkNow: "Check now",
  remove: "Remove",
};
