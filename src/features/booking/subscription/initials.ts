/**
 * "Bea Birch" → "B. B.": what the therapist's own calendar shows of a visitor. Phones show calendars on
 * lock screens and share them with family, so a name never goes there; initials are enough to tell two
 * consultations apart. The first and last words only, so a long name gives no more away.
 */
export function initials(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((word) => /\p{L}/u.test(word));
  const first = words[0];
  if (!first) return "?";
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const letter = (word: string) => `${(word.match(/\p{L}/u)?.[0] ?? "").toLocaleUpperCase()}.`;
  return last ? `${letter(first)} ${letter(last)}` : letter(first);
}
