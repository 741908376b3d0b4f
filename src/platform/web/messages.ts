// Words the platform's web pieces show, in one place so they can be translated later.
export const webMessages = {
  /** Any form whose token is missing, forged or too old: the page again, with what was typed kept. */
  formExpired:
    "This form had been open a long time, so we couldn't accept it. Please press the button again.",

  /** A date typed in the practice's format (date-field.tsx); `example` is Christmas Eve in that format. */
  dateInput: {
    hint: (order: "dmy" | "mdy" | "ymd", example: string) =>
      `${{ dmy: "Day, month and year", mdy: "Month, day and year", ymd: "Year, month and day" }[order]}, for example ${example}.`,
    empty: (example: string) => `Please enter a date, for example ${example}.`,
    unreadable: (example: string) => `We couldn't read that as a date. Please write it like ${example}.`,
    noSuchDay: (day: number, monthAndYear: string) =>
      `${monthAndYear} has no day ${day}. Please check the date.`,
  },

  // The frame of every page.
  skipToContent: "Skip to content",
  feedTitle: (practice: string) => `${practice} articles`,
  mainNav: "Main",
  footerNav: "Footer",
  nav: {
    articles: "Articles",
    book: "Book a consultation",
    helpNow: "Help now",
    signIn: "Sign in",
    privacy: "Privacy",
    accessibility: "Accessibility",
    feed: "Articles feed",
    signOut: "Sign out",
    yourSpace: "Your space",
    today: "Today",
    clients: "Clients",
    consultations: "Consultations",
    practiceArticles: "Articles",
    settings: "Settings",
  },
  demoBanner: "This is a demonstration practice. The therapist, times and articles are examples.",
  notCrisisService: (practice: string) =>
    `${practice} is not a crisis service and nobody watches it in real time.`,
  dangerCall: (number: string, country: string) =>
    `If you are in danger now, call ${number} (${country}) — elsewhere, your local emergency number.`,
  dangerLocal: "If you are in danger now, call your local emergency number.",
  findHelpNow: "Find help now",
  opensInNewTab: " (opens in a new tab)",
  madeWithHaven: "Made with Haven, open-source software for therapy practices.",

  // The quick exit on sensitive pages.
  exitThisPage: "Exit this page",
  howItWorks: "How it works",
  quickExitHelp: (signsOut: boolean) =>
    `Leaves at once for a weather site${signsOut ? " and signs you out" : ""} (or press Shift three times). Pages you visited before stay in this browser's history; a private or incognito window keeps them out of it.`,

  // Error pages: what happened, and somewhere to go.
  errors: {
    404: {
      title: "We couldn't find that page",
      body: "The link may be old, or the address may have a small typo. The articles and the home page are good places to start again.",
    },
    413: {
      title: "That was more than we can accept",
      body: "What you sent was too large. Please shorten it and try again.",
    },
    429: {
      title: "Please wait a moment",
      body: "There have been a lot of attempts in a short time. Please wait a minute, then try again.",
    },
  } as Record<number, { title: string; body: string }>,
  clientError: {
    title: "Something about that request didn't work",
    body: "Please go back and try again. If it keeps happening, the practice would like to hear about it.",
  },
  serverError: {
    title: "Something went wrong on our side",
    body: "This is not your doing. Please try again in a little while. Nothing you typed has been shared with anyone.",
  },
  homePage: "Go to the home page",
  readArticles: "Read the articles",

  /** Under a text field with a limit, once most of the room is used (shown by enhance.ts). */
  charactersLeft: (left: number) => (left === 1 ? "1 character left" : `${left} characters left`),
  /** A form post that met the database unavailable: the page again, with what was typed kept. */
  tryAgainInAMinute:
    "We couldn't save this just now because part of our system is briefly unavailable. Everything you typed is still here: please try again in a minute.",
  /** The page shown (503) while the database is unavailable. */
  unavailableTitle: "We'll be back in a minute",
  unavailableBody:
    "Part of our system is briefly unavailable, so this page can't be shown just now. This is not your doing, and nothing has been lost. Please try again in a minute.",
  /** Beside the button that sends a form again, on that page, when a form post met the outage. */
  resendKept:
    "What you sent has been kept on this page. Please wait a minute, then press the button to send it again (a password, if there was one, will need typing again).",
  resendButton: "Send it again",
};
