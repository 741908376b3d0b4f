import { renderMarkdown } from "../articles/render-markdown.ts";
import type { PracticePagesHtml } from "../site/site-routes.tsx";
import type { LivePracticeSettings } from "./live-practice-settings.ts";

export type PracticePage = keyof PracticePagesHtml;
export const practicePages: readonly PracticePage[] = ["privacy", "accessibility"];

/**
 * The privacy and accessibility pages as HTML, rendered from the stored Markdown (record 059). They ride
 * on the settings' version: rendered again only when it changes, on this instance or another.
 */
export function livePracticePages(
  settings: LivePracticeSettings,
  fromFiles: PracticePagesHtml,
): PracticePagesHtml {
  let held: { version: number; pages: PracticePagesHtml } | undefined;
  const current = (): PracticePagesHtml => {
    if (held?.version !== settings.version) {
      const texts = settings.current.pageTexts;
      const pages = texts
        ? {
            privacy: renderMarkdown(texts.privacy).html,
            accessibility: renderMarkdown(texts.accessibility).html,
          }
        : fromFiles;
      held = { version: settings.version, pages };
    }
    return held.pages;
  };
  return {
    get privacy() {
      return current().privacy;
    },
    get accessibility() {
      return current().accessibility;
    },
  };
}
