// Words the therapist's side of the practice shows, in one place so they can be translated later.
export const practiceMessages = {
  therapistsNotices: {
    invited: "The invitation is on its way.",
    "demo-removed": "The demo data has been removed.",
  },
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
  "audit-log.viewed": "Audit log viewed",
  "client.erasure-requested": "Client asked for their data to be erased",
  "client.exported": "Client downloaded their data",
  "client.invitation-accepted": "Client accepted their invitation",
  "client.invited": "Client invited",
  "client.read": "Client record read",
  "client.sign-in": "Client signed in",
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
