export type RelatableArticle = { slug: string; tags: string[]; publishedOn: string };

/**
 * "You may also enjoy": most tags in common first, then the most recent; never the article itself,
 * and never one that shares nothing with it.
 */
export function relatedArticles<T extends RelatableArticle>(
  current: RelatableArticle,
  all: T[],
  limit = 3,
): T[] {
  const tags = new Set(current.tags);
  return all
    .filter((candidate) => candidate.slug !== current.slug)
    .map((candidate) => ({ candidate, shared: candidate.tags.filter((tag) => tags.has(tag)).length }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared || b.candidate.publishedOn.localeCompare(a.candidate.publishedOn))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** Previous (older) and next (newer) by publication date; the list is sorted newest first. */
export function neighbours<T extends RelatableArticle>(
  current: RelatableArticle,
  newestFirst: T[],
): { previous: T | undefined; next: T | undefined } {
  const index = newestFirst.findIndex((a) => a.slug === current.slug);
  if (index === -1) return { previous: undefined, next: undefined };
  return { previous: newestFirst[index + 1], next: index > 0 ? newestFirst[index - 1] : undefined };
}
