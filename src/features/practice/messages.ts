// Words the therapist's side of the practice shows, in one place so they can be translated later.
export const practiceMessages = {
  backToPractice: "← Your practice",
  homeTitle: "Your practice",
  homeDescription: "Your clients and invitations.",
  signedInAs: (name: string) => `Signed in as ${name}.`,
  inviteClient: "Invite a client",
  yourClients: "Your clients",
  allClients: "Find a client or couple",
  noClients: "No clients yet. Invite someone, or a couple, to give them a private space between sessions.",
  couple: "Couple",
  caseload: (couples: number, individuals: number) =>
    `You see ${couples === 1 ? "1 couple" : `${couples} couples`} and ${
      individuals === 1 ? "1 person" : `${individuals} people`
    } on their own.`,
  clientStatus: {
    invited: "invited, not yet accepted",
    active: "active",
    paused: "paused",
    closed: "closed",
  },
  freeConsultations: "Free consultations",
  upcomingConsultations: "Upcoming consultations",
  hoursAndSettings: "Your hours and booking settings",
  measuresHeading: "Measures",
  measuresLink: "The measures available, and which need their wording",
  yourAccount: "Your account",
  yourSignIns: "Your sign-ins",
  moveSecondStep: "Move your second step to a new phone",
  practiceSettings: "Practice settings and help lines",
  therapistsAndDemo: "Therapists and demo data",
  auditLog: "Audit log",
  articlesLink: "Articles: write, schedule and publish",

  recordDescription: "A client's record.",
  accountStatus: (status: string) => `Account ${status}.`,
  closeAccount: "Close this account",
  openCycle: "The cycle map",
  openTriggers: "Trigger log: what was shared with you",
  openRepair: "The repair: injuries, the map and what is open for whom",
  coupleWith: "Seen as a couple with ",
  sharedHeading: "Shared with you",
  onlyShared: (name: string) =>
    `Only what ${name} chose to share with you appears here. Private notes are never shown.`,
  nothingShared: "Nothing shared yet.",
  sharedOn: (day: string) => `Shared on ${day}`,

  measuresTitle: "Measures",
  measuresDescription: "The measures available.",
  measuresIntro:
    "Published measures need their item wording from an instrument pack the practice holds a licence for (see docs/instrument-packs.md). Scores are shown as numbers with plain meanings, never as labels or types.",
  placeholderIntro:
    "Haven's placeholder pack holds stand-in text, not the real questions. In the demo a measure with that wording can be tried out: it is marked as example wording and never scored. Outside the demo it is not offered to clients until the practice's own licensed pack replaces the placeholder.",
  needsWording: "Needs its wording",
  ready: "Ready",
  readyPlaceholder: "Ready — placeholder wording, not for real use",
  notOffered: "Not offered to clients — placeholder wording only",
  published: "Published measure",
  ownReflection: "Haven's own reflection, not a validated test",
  usedAt: (uses: string) => `· used at ${uses} ·`,
  uses: { intake: "intake", weekly: "weekly", review: "review", end: "end of work" } as Record<
    string,
    string
  >,
  therapistOnly: "seen by the therapist only",
  clientAndTherapist: "seen by the client and therapist",

  assignChoose: "Choose the questionnaire to ask for.",
  assignNotSent: "This page was open for a long time, so nothing was sent. Please choose again.",
  assignClosed: (name: string) => `${name}'s account is closed, so they cannot be asked for a questionnaire.`,
  assignPaused: (name: string) =>
    `${name}'s work is paused, so they cannot be asked for a questionnaire until you resume it.`,
  assignRefused: (
    title: string,
    reason: "already-waiting" | "not-ready" | "example-wording" | "already-scheduled",
  ) =>
    ({
      "already-waiting": `${title} is already waiting to be answered. It can be asked for again once it is.`,
      "already-scheduled": `${title} is already asked for every week. Stop that first to choose another day.`,
      "not-ready": `${title} needs its wording from the practice's instrument pack before a client can be asked.`,
      "example-wording": `${title} has only placeholder wording, not the real questions, so it cannot be given to a client.`,
    })[reason],

  therapistsTitle: "Therapists",
  therapistsDescription: "The practice's therapists.",
  therapistsHeading: "The practice's therapists",
  inviteTherapist: "Invite a therapist",
  inviteTherapistIntro:
    "They get an email with a link to choose a password, valid for 7 days. Each therapist sees only their own clients.",
  sending: "Sending…",
  theirName: "Their name, as clients will see it",
  theirEmail: "Their email address",
  sendInvitation: "Send the invitation",
  demoHeading: "Demo data",
  demoIntro:
    "The demo therapist, their hours and the demo articles show how Haven works. Remove them before you welcome real clients. Your own accounts, clients and articles are not touched.",
  demoForcedOn:
    "This server is started with HAVEN_DEMO=1, so the demo data will come back at the next start until that setting is removed.",
  removing: "Removing…",
  removeDemo: "Remove the demo data",
  therapistsNotices: {
    invited: "The invitation is on its way.",
    "demo-removed": "The demo data has been removed.",
    cover: "Saved who covers.",
    "second-step-reset": "Their second step is reset. They will set up a new one when they next sign in.",
  },
  coverLabel: (name: string) => `While ${name} is away, their safety alerts go to`,
  coverHint: "The cover sees who, what kind and when, and can mark each seen. Nothing else of the caseload.",
  notAway: "Nobody: not away",
  saveCover: "Save",
  awayCoveredBy: (name: string) => `away, covered by ${name}`,
  coverProblems: {
    unknown: "Please choose one of the practice's therapists who has joined.",
    self: "Please choose someone else to cover: a therapist cannot cover their own alerts while away.",
    coverAway: "That therapist is away too. Please choose someone who is here.",
  },
  resetSecondStep: "Reset their second step",
  resetSecondStepHint:
    "For a therapist who lost their phone and their recovery codes. Confirm it is really them, in person or by phone, before you reset. They are signed out everywhere and set up a new second step at their next sign-in.",
  therapistStates: {
    owner: "owns the practice",
    invited: "invited, not yet joined",
    noSecondStep: "second step not set up yet",
    active: "active",
  },
};

/** The owner's audit log. */
export const auditLogMessages = {
  title: "Audit log",
  description: "Who did what in Haven, and when.",
  back: "← Your practice",
  intro:
    "Sign-ins, invitations, downloads and erasures are written here as they happen. Nothing here can be changed or removed, and each look at this page is written here too.",
  filtersHeading: "Choose what to show",
  action: "What happened",
  anyAction: "Anything",
  actor: "Who did it",
  anyone: "Anyone",
  actorKinds: {
    therapist: "A therapist",
    client: "A client",
    anonymous: "Someone not signed in",
    other: "Set-up link, command line or Haven itself",
  },
  subject: "About",
  subjectHint: "A reference such as client:… — or choose “All entries about this” in the table.",
  from: "From",
  to: "To",
  show: "Show entries",
  clear: "Clear the filters",
  leftOut: "Not every filter could be used. The note beside each one says why.",
  entriesHeading: "Entries",
  caption: (zone: string) => `Entries, newest first. Times are shown in ${zone}.`,
  columns: ["When", "Who", "What", "About", "Detail"],
  noMatch: "No entries match these filters.",
  showAll: "Show every entry",
  nothingYet: "Nothing has been recorded yet.",
  older: "Older entries",
  newest: "Back to the newest entries",
  allAbout: "All entries about this",
  clientOf: (name: string, ref: string) => `A client of ${name || "another therapist"} (ref ${ref})`,
  unknownClient: (ref: string) => `A client (ref ${ref})`,
  unknownTherapist: (ref: string) => `A therapist (ref ${ref})`,
  yes: "yes",
  no: "no",
  none: "none",
};

/** Human words for each kind of entry; an action not listed here is shown as it is stored. */
export const auditActionWords: Record<string, string> = {
  "article-image.uploaded": "Picture for an article uploaded",
  "article.published": "Article published",
  "article.restored": "Earlier version of an article restored",
  "article.saved-as-draft": "Article saved as a draft",
  "article.scheduled": "Article scheduled",
  "audit-log.viewed": "Audit log viewed",
  "client.erasure-requested": "Client asked for their data to be erased",
  "client.exported": "Client downloaded their data",
  "client.invitation-accepted": "Client accepted their invitation",
  "client.invited": "Client invited",
  "client.read": "Client record read",
  "client.sign-in": "Client signed in",
  "retention.purged": "Old records deleted, as the retention rules require (a count, never what)",
  "therapist.created": "Therapist account created",
  "therapist.second-factor-enrolled": "Therapist set up their second sign-in step",
  "therapist.second-factor-failed": "Therapist's sign-in code refused",
  "therapist.sign-in": "Therapist signed in",
  "therapist.sign-in-failed": "Therapist sign-in refused",
};

/** Actors that are not a person's account. */
export const auditFixedActors: Record<string, string> = {
  anonymous: "Someone not signed in",
  "setup-link": "The first-run set-up link",
  cli: "The command line",
  system: "Haven itself",
};
