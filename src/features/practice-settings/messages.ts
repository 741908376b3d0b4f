/** Every word the practice-settings pages say. */
export const settingsMessages = {
  title: "Practice settings",
  description: "The practice's details, its help lines and its quick-exit site.",
  heading: "Practice settings",
  intro: "What you change here shows on Haven at once, for everyone. Nothing needs a restart.",
  backToPractice: "Back to the practice",
  detailsHeading: "The practice",
  name: "Practice name",
  country: "Country",
  countryHint: "The two-letter code, such as GB, IE or US. Its help lines are shown first.",
  timeZone: "Time zone",
  timeZoneHint: "Such as Europe/London. Times in Haven are shown in this zone.",
  email: "Contact email",
  phone: "Contact phone (optional)",
  quickExitUrl: "Quick-exit site",
  quickExitHint:
    "Where “Exit this page” goes: an ordinary site that looks unremarkable in a browser's history. It must start with https://.",
  retention: "Years records are kept after the work ends",
  retentionHint:
    "Set by your regulator or insurer (7 years is common for adults). A client who asks for erasure is told the date their records may be deleted.",
  saveDetails: "Save the practice's details",
  saving: "Saving…",
  helpLinesHeading: "Help lines",
  helpLinesIntro:
    "Shown on every page's help-now link. Check each number against the service's own site, then change its checked date.",
  checkedOn: (date: string) => `checked ${date}`,
  change: "Change",
  changeLine: (name: string) => `Change ${name}`,
  addLine: "Add a help line",
  addLineHeading: "Add a help line",
  changeLineHeading: "Change a help line",
  lineCountry: "Country it serves",
  lineCountryHint: "The two-letter code, such as GB.",
  lineKind: "Kind of help",
  kinds: {
    emergency: "Emergency services",
    crisis: "Crisis and emotional support",
    domesticAbuse: "Domestic abuse",
    forPeopleWhoUseAbuse: "For people who use abuse",
    youth: "For young people",
  },
  lineName: "Name of the service",
  lineNumber: "Number",
  lineNumberHint: "As it is dialled, such as 116 123 or +44 808 2000 247.",
  lineNote: "Note (optional)",
  lineNoteHint: "Such as “Free, day or night” or “Call or text”.",
  lineCheckedOn: "Date it was last checked",
  saveLine: "Save this help line",
  removeLine: "Remove this help line",
  removing: "Removing…",
  notices: {
    saved: "Saved. Haven shows the change now.",
    lineSaved: "The help line is saved and shows on help-now now.",
    lineRemoved: "The help line is removed.",
  },
  staleHeading: "Help lines to check",
  staleIntroOwner:
    "These numbers have not been checked for a year or more. Please check each against the service's own site, then save it with today's date.",
  staleIntroOther:
    "These numbers have not been checked for a year or more. The practice's owner can check and update them.",
  mailHeading: "Email",
  mailIntro:
    "Haven sends sign-in links, booking emails and notices through the practice's mail server. Send yourself a test to see that it works.",
  sendTestEmail: "Send me a test email",
  sending: "Sending…",
  testEmailText:
    "This is the test email you asked for from Haven's practice settings.\n\nIf it reached you, email from Haven works. Nothing else needs doing.",
  testEmailAccepted: (email: string, answer: string) =>
    `The mail server accepted the test email for ${email}. Its answer: “${answer}”. If it does not arrive, check the spam folder.`,
  testEmailRefused: (answer: string) =>
    `The test email was not sent. The mail server's answer: “${answer}”. Please check SMTP_URL with whoever runs the server.`,
  testEmailOutbox:
    "No mail server is set (SMTP_URL), so the test email went to the outbox folder in Haven's data folder, as every email does now.",
  // Problems, each beside its field.
  required: "Please fill this in.",
  nameLength: "Please keep the name to 80 characters or fewer.",
  emailAddress: "That email address looks incomplete — please check it.",
  countryCode: "Please write a two-letter country code, such as GB or IE.",
  phoneNumber: "That number looks wrong — use digits, spaces or dashes, with + first if you like.",
  checkedDate: "Please give the date as a real day, such as 2026-11-01.",
  timeZoneUnknown: "Haven does not know that time zone — please write one such as Europe/London.",
  quickExit: "Please give a full web address starting with https://.",
  retentionYears: "Please give a whole number of years from 0 to 30.",
  kindUnknown: "Please choose a kind of help from the list.",
  noHelpLinesForCountry: (code: string) =>
    `Please add help lines for ${code} first: the practice's own country must have them.`,
  emergencyExists:
    "This country already has an emergency number — change that one instead of adding another.",
  emergencyFirst: "Please add this country's emergency number first, then its other lines.",
  emergencyStays: "An emergency number stays an emergency number of its country. Add a new line instead.",
  emergencyNeeded:
    "Each country needs its emergency number while it has other lines — remove those first, or change this one.",
  ownCountryNeeded:
    "The practice's own country must keep its help lines. Change the practice's country first.",
  lineGone: "That help line is no longer there — someone may have just removed it.",
  changedMeanwhile:
    "Someone saved the settings while you were editing. Here they are now — please make your change again.",
  nothingSaved: "Nothing was saved — please check the fields marked below.",
};
