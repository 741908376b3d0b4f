/** Every word the pages for editing the privacy and accessibility pages say (record 059). */
export const pageEditMessages = {
  pagesHeading: "Privacy and accessibility pages",
  pagesIntro: "Written in Markdown. A saved change shows on the site at once.",
  titles: { privacy: "Privacy", accessibility: "Accessibility" },
  editLink: (title: string) => `Edit the ${title.toLowerCase()} page`,
  heading: (title: string) => `The ${title.toLowerCase()} page`,
  intro:
    "Write in Markdown: a line starting with # is a heading, a blank line starts a new paragraph, and - starts a list item. Preview shows the page as visitors will see it, without saving.",
  text: "The page, in Markdown",
  preview: "Preview",
  save: "Save the page",
  previewHeading: "Preview (not saved yet)",
  empty: "Please write the page: it cannot be empty.",
  tooLong: (limit: string) => `This is longer than Haven keeps (${limit} characters). Please shorten it.`,
  nothingSaved: "Nothing was saved. Please look at the message beside the page.",
  changedMeanwhile:
    "Someone else saved the settings while you were writing. Your words are still here: save again to keep them.",
  saved: "Saved. The page shows your change now.",
} as const;

/** Every word the pages for editing the consent documents say (record 059). */
export const consentEditMessages = {
  heading: "Consent documents",
  intro:
    "What each client reads and accepts. A saved change is a new version: each client who accepted an earlier one is asked to read and accept it at their next visit.",
  editLink: (title: string) => `Edit “${title}”`,
  onlyCouples: "Asked of partners in a couple only.",
  pageHeading: (title: string) => `Consent document: ${title}`,
  pageIntro:
    "Write in Markdown, as for the practice's pages. Preview shows it as clients will read it, without saving.",
  saveWarning:
    "Saving changes the wording clients agree to: every client it applies to will be asked to accept the new version before they reach their space.",
  text: "The document, in Markdown",
  save: "Save as a new version",
  empty: "Please write the document: it cannot be empty.",
  saved: "Saved. Clients will be asked to accept this version at their next visit.",
  unchanged: "Saved. The wording is the same as before, so nobody is asked again.",
} as const;
