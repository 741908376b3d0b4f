/**
 * The address to link to, only when the text is a plain web address (http or https, no password in it):
 * anything else a setting might hold (`javascript:`, a typo, words) is shown as text, never as a link.
 */
export function webLink(text: string | null | undefined): string | undefined {
  const trimmed = (text ?? "").trim();
  if (trimmed === "" || /\s/.test(trimmed) || !URL.canParse(trimmed)) return undefined;
  const url = new URL(trimmed);
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  if (url.hostname === "" || url.username !== "" || url.password !== "") return undefined;
  return url.href;
}
