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
