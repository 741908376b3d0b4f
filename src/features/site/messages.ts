// Words the public site shows, in one place so they can be translated later.
export const siteMessages = {
  waysInHeading: "Where are you in this?",
  waysInIntro:
    "Start from where you are. Each path leads to writing that may help, and to a first conversation.",
  waysIn: [
    {
      title: "I was hurt",
      body: "Someone you relied on wasn't there when it mattered most, and it still hurts when something reminds you.",
      tag: "when-you-were-hurt",
      kind: undefined,
    },
    {
      title: "I caused the hurt",
      body: "You have apologised, maybe many times, and it doesn't seem to reach. You want to understand and put it right.",
      tag: "when-you-caused-hurt",
      kind: undefined,
    },
    {
      title: "We both feel it",
      body: "The same argument keeps coming back, and you both end up lonely on opposite sides of it.",
      tag: "when-you-both-feel-it",
      kind: "couple",
    },
    {
      title: "An old wound from my past",
      body: "Something from childhood or an earlier relationship still shapes how safe closeness feels.",
      tag: "old-wounds",
      kind: "individual",
    },
  ] as const,
  readForThis: "Read about this",
  bookForThis: "Book a free consultation",
  latestHeading: "Recent articles",
  consultationHeading: "A free 20-minute consultation",
  consultationBody:
    "A short, unhurried call to talk about what has happened and to find out whether individual or couples work would fit. Nothing is decided on the call unless you want it to be.",
  helpNowTitle: "Help now",
  helpNowIntro: (practice: string) =>
    `${practice} is not a crisis service and nobody reads or watches it in real time. If you are in danger or thinking about ending your life, please contact one of these services now.`,
  helpNowPicker: "Show numbers for",
  helpNowListedGroup: "Countries with the practice's help lines",
  helpNowOtherGroup: "Other countries (emergency number only)",
  dangerNowCall: "If you are in danger now, call",
  dangerNowLocal: "If you are in danger now, call your local emergency number.",
  emergencyServices: "Emergency services",
  notListed: (practice: string, country: string) => `${practice} has not listed help lines for ${country}.`,
  notListedEmergency:
    "The emergency number below is the quickest way to reach help there. A doctor or local health service can point you to crisis and support lines near you.",
  notListedNoEmergency: (country: string) =>
    `We don't have the emergency number for ${country}, so please call your local emergency number if you are in danger. A doctor or local health service can point you to crisis and support lines near you.`,
  emergencyNotChecked:
    "The country's general emergency number, from Haven's own list; the practice has not checked it.",
  helpNowOtherCountries: "You can choose another country above to see the lines the practice lists there.",
  helpNowPickerButton: "Show these numbers",
  emergency: "In an emergency",
  crisis: "To talk to someone now",
  domesticAbuse: "If you are afraid of your partner",
  forPeopleWhoUseAbuse: "If you are worried about how you treat your partner",
  youth: "For young people",
  checkedOn: (date: string) => `Number last checked ${date}`,
  helpNowPrivateBrowsing:
    "If someone else may look at this device, a private or incognito window keeps this visit out of the browser's history. Pages you have already opened stay in the history until you clear it.",
  heroLede:
    "When the person you needed most wasn't there, trust can go quiet. Therapists call that moment an attachment injury. It can heal, with time and the right help.",
  whatIsInjury: "What is an attachment injury?",
  notSureLead: "Not sure where you fit? ",
  takeSelfCheck: "Take a private self-check",
  notSureTail: " — a few minutes of reflection, saved nowhere.",
  teamHeading: "Who you would talk to",
  allArticles: "All articles",
  helpNowDangerCall: "If you are in danger now, call",
};
