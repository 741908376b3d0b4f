// Words the client side of accounts shows: invitations, sign-in links, the client's own space.
export const clientMessages = {
  inviteTitle: "Invite a client",
  inviteIntro:
    "Each person gets their own email with a private link, valid for 7 days. Partners never see each other's email address or private words.",
  kindLegend: "Who are you inviting?",
  kindIndividual: "One person, for individual work",
  kindCouple: "A couple: two people, each with their own invitation",
  personLegend: (n: number) => `Person ${n}`,
  name: "Their name, as you'd like to see it",
  email: "Their email address",
  inviteButton: "Send the invitation",
  nameMissing: "Please enter their name.",
  emailIncomplete: "That email address looks incomplete — please check it.",
  sameEmail: "Each partner needs their own email address, so their spaces stay private.",
  emailInUse:
    "This address can't be invited. Please check it with the person; if it is right, the practice's owner can help.",
  kindMissing: "Please choose one person or a couple.",
  invited: (count: number) =>
    count === 2 ? "Both invitations are on their way." : "The invitation is on its way.",
  inviteEmail: (practice: string, link: string) =>
    `Hello,\n\n${practice} has invited you to Haven, a private space to use between your sessions.\n\nTo accept, open this link within 7 days:\n${link}\n\nIf you weren't expecting this, you can ignore this message.\n`,
  welcomeTitle: "Welcome",
  welcomeIntro: (practice: string) =>
    `${practice} has invited you to a private space for the time between your sessions. Before you start, please read these short notes. They explain what this space is and isn't.`,
  accept: "I have read this and accept it",
  acceptMissing: "Please read this and tick the box to continue.",
  adult: "I am 18 or over",
  adultMissing: "Haven is for adults. Please confirm you are 18 or over.",
  acceptButton: "Accept and continue",
  invitationUnusable:
    "This invitation has expired or has already been used. Please ask your therapist to send a new one.",
  linkTitle: "Sign in",
  clientSignInIntro:
    "Are you a client? Enter the email address your therapist invited, and we'll send you a link to sign in.",
  sendLink: "Email me a sign-in link",
  linkSent:
    "If that address belongs to a client of the practice, a sign-in link is on its way. It works once, for 15 minutes. It can take a minute or two to arrive.",
  linkEmail: (practice: string, link: string) =>
    `Hello,\n\nHere is your link to sign in to your private space with ${practice}. It works once, within 15 minutes:\n${link}\n\nIf you didn't ask for it, you can ignore this message: nobody can sign in without opening the link.\n`,
  linkPageIntro: "Press the button to sign in on this device.",
  linkButton: "Sign in",
  linkUnusable:
    "This sign-in link has expired or has already been used. Links work once, for 15 minutes. You can ask for a new one below.",
  spaceTitle: "Your space",
  spaceGreeting: (name: string) => `Hello, ${name}.`,
  nobodyReadsLead: "Nobody reads this space live. If you need help now, ",
  findHelpNow: "find help now",
  yourNotes: "Your notes",
  yourRepair: "Your repair work",
  yourCycle: "Your cycle",
  yourTriggers: "Your trigger log",
  yourPath: "Your own path",
  yourMeasures: "Questionnaires from your therapist",
  measuresWaiting: (count: number) =>
    count === 1 ? " (one waiting for you)" : ` (${count} waiting for you)`,
  yourData: "What Haven holds about you",
  yourSignIns: "Your sign-ins",
  addSecondStep: "Add a second step to signing in",
  addSecondStepWhy: " — worth doing if anyone else can read your email",
};

/** Words of the page that asks a client to accept a consent document's new wording (record 060). */
export const consentMessages = {
  title: "Before you carry on",
  intro: (practice: string) =>
    `${practice} has changed some of what you agreed to when you joined. Please take a moment to read the new wording. Once you have accepted it, your space is just as you left it.`,
  changed: "This has changed since you last accepted it.",
  added: "This is new since you joined.",
  accept: "I have read this and accept it",
  acceptMissing: "Please read this and tick the box to continue.",
  changedWhileReading:
    "The practice changed this wording while you were reading. Please read it again; nothing was saved yet.",
  nothingSaved: "Nothing was saved. Please look at the message beside each document.",
  button: "Accept and go to my space",
  notSure:
    "If you are not sure about any of it, you can talk it through with your therapist first. Until then you can still see, download or ask to erase ",
  yourData: "what Haven holds about you",
};

/** Words of a client's rights over their data: seeing it, downloading it, having it erased. */
export const clientRightsMessages = {
  dataTitle: "What Haven holds about you",
  dataDescription: "Your data.",
  backToSpace: "← Your space",
  dataIntro:
    "This is everything Haven keeps about you, except answers to the private safety questions: your therapist can give you those after checking it is really you. Nothing here comes from your partner.",
  download: "Download it as a file (JSON)",
  nothing: "Nothing.",
  yes: "yes",
  no: "no",
  erasingHeading: "Erasing your data",
  askToErase: "Ask for your data to be erased",
  eraseTitle: "Erase your data",
  eraseDescription: "Erase your data.",
  backToData: "← What Haven holds about you",
  eraseIntro: "This closes your account. Your partner's own space is not affected and they are not told.",
  erasedNow: "Erased straight away",
  keptUntil: (day: string) => `Kept until ${day}`,
  keptWhy:
    "The practice must keep these for its records for a fixed time after your work ends. They stay encrypted, nobody uses them for anything else, and they are deleted on that date.",
  erasing: "Erasing…",
  confirmLabel: "I understand that this closes my account",
  eraseButton: "Erase my data and close my account",
  confirmMissing: "Please tick the box to confirm.",
  erasedTitle: "Your data has been erased",
  erased: (until: string) =>
    `Your account is closed and what could be erased now has gone. The practice keeps its required records, encrypted, until ${until}, and then deletes them.`,
};
