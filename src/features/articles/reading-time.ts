/** Unhurried reading pace for long-form prose, in words per minute. */
const wordsPerMinute = 200;

/** Whole minutes to read a Markdown text, never less than one. */
export function readingMinutes(markdown: string): number {
  const words = markdown
    .replace(/[#>*_`[\]()|:-]+/g, " ")
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  return Math.max(1, Math.round(words / wordsPerMinute));
}
