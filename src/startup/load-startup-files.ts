import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config.ts";
import type { ArticleFile } from "../features/articles/article-file.types.ts";
import { loadArticleFiles } from "../features/articles/load-article-files.ts";
import { renderMarkdown } from "../features/articles/render-markdown.ts";
import { loadPracticeSettings } from "../features/practice-settings/load-practice-settings.ts";
import type { PracticeSettings } from "../features/practice-settings/practice-settings.types.ts";
import type { PracticePagesHtml } from "../features/site/site-routes.tsx";

export type StartupFiles = {
  practice: PracticeSettings;
  articleFiles: ArticleFile[];
  pages: PracticePagesHtml;
};

function readPage(contentDir: string, relative: string, setting: string): string {
  const file = path.join(contentDir, relative);
  if (!fs.existsSync(file)) {
    throw new Error(`Practice settings: pages.${setting} names ${relative}, which is not in ${contentDir}`);
  }
  return renderMarkdown(fs.readFileSync(file, "utf8")).html;
}

/** Every file Haven reads at start, checked before the database is touched: bad files stop start-up. */
export function loadStartupFiles(config: Config): StartupFiles {
  const practice = loadPracticeSettings(config.practiceFile);
  return {
    practice,
    articleFiles: loadArticleFiles(config.contentDir),
    pages: {
      privacy: readPage(config.contentDir, practice.pages.privacy, "privacy"),
      accessibility: readPage(config.contentDir, practice.pages.accessibility, "accessibility"),
    },
  };
}
