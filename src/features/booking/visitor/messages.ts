// Words the visitor reads while booking and managing a consultation, in one place so they can be
// translated later.
import type { BookingStatus } from "../request-expiry.ts";
import type { Kind } from "./times-page.tsx";

export const kindWords: Record<Kind, string> = {
  individual: "For me alone",
  couple: "For us as a couple",
  unsure: "Not sure yet",
};

/**
 * What a visitor reads about a request on their manage page, at each step (record 038). The page is the
 * one place every visitor is told, whatever contact they allowed; email repeats it only where allowed.
 */
export const requestWords = {
  status: {
    requested: "Requested — not yet confirmed.",
    confirmed: undefined,
    declined: "This time could not be offered.",
    expired: "This request lapsed before it could be confirmed.",
    cancelled: "This consultation is cancelled.",
  } satisfies Record<BookingStatus, string | undefined>,
  waiting: (practice: string, deadline: string) =>
    `${practice} will confirm or decline it by ${deadline}. You will see the answer on this page, and by email if you chose email.`,
  ifNoAnswer:
    "If there is no answer by then, the request lapses and the time is let go. You would be welcome to choose another.",
  calendarLater: "Once it is confirmed, you can add it to your calendar from this page.",
  declinedLead: (practice: string) => `${practice} can't offer a consultation at this time. We're sorry.`,
  theirMessage: "Their message",
  expiredLead:
    "We're sorry — the request could not be confirmed in time, so the time was let go. Nothing is booked.",
  bookAnother: "Book another time",
};

/** What the visitor's manage page says after each change they made. */
export const manageNotices = {
  booked: "Your consultation is booked. A confirmation is on its way if you chose email.",
  requested:
    "Thank you — your request is sent. It is not confirmed yet: the answer will be on this page, and in an email if you chose email.",
  moved: "Your consultation has moved to the new time.",
  "request-moved": "Your request has moved to the new time. It is still waiting for an answer.",
  cancelled: "Your consultation is cancelled.",
  withdrawn: "Your request is withdrawn.",
};

/** Problems the booking flow's answers show. */
export const visitorMessages = {
  manageExpired: "This page had been open a long time. Please press the button again.",
  rescheduleExpired: "This page had been open a long time. Please choose again.",
  chooseTime: "Please choose a time.",
  rescheduleTaken: "Sorry — that time was just taken. Here are the nearest times still free.",
  therapistGone:
    "The therapist you chose isn't taking bookings online just now. You can choose someone else, or contact the practice.",
  noLongerFree: "That time is no longer free. Please choose another.",
  notAPerson: "Something about that didn't work. Please check your details and try again.",
  tooManyForEmail:
    "We couldn't book this time for that email address. If you already have a consultation booked, the link in its confirmation lets you change it; or please contact the practice.",
  justTaken:
    "Sorry — someone booked that time a moment ago. Here are the nearest free times; everything you typed is kept.",
  notOffered: "That time isn't one we offer. Please choose one of these.",
};

/** The first pages: who the consultation is for, then the times. */
export const timesMessages = {
  kindTitle: "Book a free consultation",
  kindDescription: "Book a free 20-minute consultation.",
  kindIntro:
    "A free 20-minute conversation, by phone or video, to talk about what is happening and whether working together would help. There is no commitment.",
  kindLegend: "Who is the consultation for?",
  seeTimes: "See the times",
  inDanger: "If you are in danger now, please don't wait for a consultation:",
  findHelp: "find help now",
  whoHeading: "Who would you like to see?",
  firstAvailable: "First available",
  firstAvailableHint:
    "The times of every therapist together; yours is whoever is free then, shared out in turn.",
  title: "Choose a time",
  description: "Times for a free consultation.",
  zoneLabel: "Times are shown in this time zone",
  showTimes: "Show times",
  nextAvailable: "Next available:",
  noTimes: "There are no free times in the coming weeks. Please get in touch with the practice instead.",
  thisWeek: "This week",
  week: (n: number) => `Week ${n}`,
  noTimesThisWeek: "No free times this week.",
  goToNext: "Go to the next available time",
  weeks: "Weeks",
  earlier: "← Earlier times",
  later: "Later times →",
  yourCurrentTime: "your current time",
};

/** The details form. */
export const detailsMessages = {
  title: "Your details",
  description: "Book a free consultation.",
  chooseAnother: "← Choose another time",
  inDanger: "If you are in danger or thinking of ending your life, please don't wait for a consultation.",
  nobodyReads: "Nobody reads this form live.",
  findHelp: "Find help now",
  nearestLegend: "Choose one of the nearest free times",
  consultation: (kind: string) => `Free consultation, 20 minutes · ${kind}`,
  name: "Your name",
  email: "Your email address",
  phone: "Phone number (optional unless we call or text you)",
  contactLegend: "How can we contact you safely?",
  contactHint:
    "If someone else may see your messages or hear your phone, tell us here. We will only use what you tick.",
  channels: { email: "By email", phone: "By phone call", text: "By text message" },
  leaveMessageLegend: "May we leave a message or voicemail?",
  yes: "Yes",
  noPlease: "No, please don't",
  meetingLegend: "How would you like to talk?",
  video: "Video call",
  phoneCall: "Phone call",
  note: "Anything you'd like us to know beforehand (optional)",
  noteHint: "Only if you want to. Please don't include anything you wouldn't want written down.",
  noteConsent:
    "If I wrote a note, I agree that the practice keeps it (encrypted) to prepare for our conversation",
  reflectionShared:
    "Your self-check reflection will be shared with the therapist with this booking, as you chose. Nothing from the safety questions is in it.",
  adult: "I am 18 or over",
  privacy: "I have read how the practice looks after my information",
  privacyLink: "How the practice looks after your information",
  leaveEmpty: "Leave this empty",
  confirmsPersonally:
    "The practice confirms each consultation personally. Your time is held for you while they decide, and the next page, and an email if you chose email, tell you the answer.",
  request: "Request this time",
  book: "Book the consultation",
  booking: "Booking…",
};

/** The visitor's manage page and choosing another time. */
export const manageMessages = {
  title: "Your consultation",
  summary: (kind: string, meeting: "video" | "phone") =>
    `Free consultation, 20 minutes · ${kind} · ${meeting === "video" ? "Video call" : "Phone call"}`,
  with: (name: string) => `With ${name}`,
  messageFrom: (name: string) => `A message from ${name}:`,
  keepPrivate: "Keep this page's address to yourself: anyone with it can change this booking.",
  chooseAnother: "Choose another time",
  changeOrWithdraw: "Change or withdraw",
  withdrawing: "Withdrawing…",
  withdraw: "Withdraw the request",
  addToCalendar: "Add it to your calendar",
  calendarTitled: "The calendar entry is titled with the practice's name only.",
  calendarFile: "Calendar file (Apple Calendar, Outlook and others)",
  changeOrCancel: "Change or cancel",
  cancelling: "Cancelling…",
  cancel: "Cancel the consultation",
  tooLate: (hours: number) =>
    `It is less than ${hours} hours before the consultation, so it can't be moved here. You can still cancel it.`,
  moveByContact: "To find another time, please contact the practice:",
  inGrace: (until: string) =>
    `You booked this only a few minutes ago, so if the time isn't right you can still move it here until ${until}.`,
  or: "or",
  joinVideo: "To join the video call:",
  coupleHeading: "Coming as a couple",
  partnerJoinsVideo: (requested: boolean) =>
    `Your partner joins the same call, at the same time, with the same video link${requested ? " (it will be on this page once the time is confirmed)" : ""}. You can sit together at one screen, or each join from your own — whichever feels easier.`,
  partnerJoinsPhone:
    "It is one call for you both. If you can, be together for it, with the phone on speaker.",
  partnerNotThisPage: (meeting: "video" | "phone") =>
    `Please send your partner the time${meeting === "video" ? " and the video link" : ""}, not this page's address: anyone with the address can change the booking.`,
  whatHappens: (therapist: string) =>
    `In the consultation, ${therapist} will ask a little about what brings you both and listen to each of you in turn. You can ask anything about how the work goes.`,
  afterwards:
    "Afterwards there is nothing to decide on the spot. You can talk it over together first, and get in touch if and when you want to go on.",
  rescheduleDescription: "Move your consultation.",
  back: "← Your consultation",
  shownIn: (zone: string) => `Times are shown in ${zone} time.`,
  noOtherTimes: "There are no other free times in the coming weeks.",
  nearestLegend: "The nearest free times",
  moving: "Moving…",
  currentTime: "Your current time:",
};

/** The step that confirms a move: from the time held now to the one chosen, and one button. */
export const moveMessages = {
  title: "Move your consultation",
  chooseAnother: "← Choose another time",
  from: "Your current time:",
  to: "The new time:",
  whatHappens: (therapist: string) =>
    `Your current time is let go at once. ${therapist} will be told, and you will get a short email with the new time if you chose email.`,
  whatHappensRequest: (therapist: string) =>
    `It stays a request at the new time, and ${therapist} will answer it as before. You will get a short email with the new time if you chose email.`,
  zoneFromNow: (zone: string) => `From now on, this booking's times will be shown in ${zone} time.`,
  move: "Move to this time",
  keep: "Keep the current time",
};

/** The step before cancelling or withdrawing: what will happen, and an optional reason. */
export const cancelMessages = {
  title: "Cancel your consultation",
  withdrawTitle: "Withdraw your request",
  description: "Cancel your consultation.",
  whatHappens: (therapist: string) =>
    `If you cancel, the time is let go at once, so someone else can have it. ${therapist} will be told, and you will get a short email saying so if you chose email.`,
  whatHappensRequest: (therapist: string) =>
    `If you withdraw it, the time is let go at once and ${therapist} will not need to answer. You will get a short email saying so if you chose email.`,
  welcomeBack: "You would be welcome to book again whenever it feels right.",
  reasonLabel: "Would you like to say why? (optional)",
  reasonHint: (max: string) =>
    `Only the practice reads this. There is no need to give a reason. Up to ${max} characters.`,
  reasonTooLong: (max: string, length: string) =>
    `That is ${length} characters — please shorten it to ${max} or fewer. Your words are kept below.`,
  confirm: "Yes, cancel the consultation",
  confirmWithdraw: "Yes, withdraw the request",
  keep: "Keep the consultation",
  keepRequest: "Keep the request",
  inDanger: "If you are in danger or thinking of ending your life, please don't wait:",
  findHelp: "find help now",
  nobodyReads:
    "Nobody reads this form live. The practice will be told that you may need support — not what you wrote — when they next open Haven.",
  cancelledHeading: "Your consultation is cancelled",
  withdrawnHeading: "Your request is withdrawn",
  continue: "See your consultation",
};

/** When the flow cannot go on: nobody takes bookings online, or a manage link that does not work. */
export const unavailableMessages = {
  noBookingTitle: "Book a free consultation",
  noBookingDescription: "Contact the practice.",
  notOpen:
    "Online booking isn't open at the moment. Please get in touch and the practice will offer you a time.",
  email: "Email:",
  phone: "Phone:",
  tellUsHow:
    "Tell us how to contact you safely — for example, whether we may leave a voicemail — and we will keep to it.",
  linkTitle: "This link doesn't work",
  linkPartly:
    "It may have been copied only in part, or changed. The full link is in your confirmation email. If you can't find it, please contact the practice:",
  bookConsultation: "Book a consultation",
};
