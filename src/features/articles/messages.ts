// Words the articles feature shows, in one place so they can be translated later.
export const articleMessages = {
  listTitle: "Articles",
  listIntro:
    "Writing from the practice about the moments that shake trust between two people, and how they can heal.",
  allTopics: "All topics",
  filteredBy: (tag: string) => `Articles about ${tag}`,
  noArticles: "There are no articles here yet.",
  minutesToRead: (minutes: number) => `${minutes} min read`,
  by: (author: string) => `By ${author}`,
  updated: (date: string) => `Updated ${date}`,
  references: "References",
  relatedHeading: "You may also find these helpful",
  previous: "Previous article",
  next: "Next article",
  ctaHeading: "Talk it through with us",
  ctaBody:
    "A free 20-minute consultation is a calm first conversation about what has happened and whether individual or couples work would fit. There is no obligation to go further.",
  ctaButton: "Book a free consultation",
  topics: "Topics",
};

/** "when-you-were-hurt" → "when you were hurt" for display. */
export function tagLabel(tag: string): string {
  return tag.replace(/-/g, " ");
}
