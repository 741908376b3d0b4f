import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config.ts";
import { type ConsentDocument, consentDocument } from "../features/accounts/clients/consent-documents.ts";
import type { ArticleFile } from "../features/articles/article-file.types.ts";
import { loadArticleFiles } from "../features/articles/load-article-files.ts";
import { renderMarkdown } from "../features/articles/render-markdown.ts";
import { loadInstrumentDefinitions } from "../features/assessments/instruments/definitions/index.ts";
import type { InstrumentDefinition } from "../features/assessments/instruments/instrument-definition.ts";
import { type InstrumentPack, loadPack } from "../features/assessments/instruments/instrument-pack.ts";
import { loadPathPieces, type PathPiece } from "../features/path/path-piece.ts";
import { loadPracticeSettings } from "../features/practice-settings/load-practice-settings.ts";
import type { PracticeSettings } from "../features/practice-settings/practice-settings.types.ts";
import { loadPieces } from "../features/repair/pieces/load-pieces.ts";
import type { Piece } from "../features/repair/pieces/piece.ts";
import type { PracticePagesHtml } from "../features/site/site-routes.tsx";

export type StartupFiles = {
  practice: PracticeSettings;
  articleFiles: ArticleFile[];
  pages: PracticePagesHtml;
  /** The same pages' Markdown: the first import into the database (record 059). */
  pageTexts: PracticePagesHtml;
  consentDocuments: ConsentDocument[];
  instruments: InstrumentDefinition[];
  instrumentPack: InstrumentPack | undefined;
  /** The repair space's pieces of preparation and reflection (content/repair). */
  repairPieces: Piece[];
  /** The individual path's pieces (content/path). */
  pathPieces: PathPiece[];
};

function readMarkdown(contentDir: string, relative: string, setting: string): string {
  const file = path.join(contentDir, relative);
  if (!fs.existsSync(file)) {
    throw new Error(`Practice settings: ${setting} names ${relative}, which is not in ${contentDir}`);
  }
  return fs.readFileSync(file, "utf8");
}

/** Every file Haven reads at start, checked before the database is touched: bad files stop start-up. */
export function loadStartupFiles(config: Config): StartupFiles {
  const practice = loadPracticeSettings(config.practiceFile);
  // A wrong definition or a bad pack stops start-up, naming each problem.
  const instruments = loadInstrumentDefinitions();
  const packFile = practice.instrumentPack && path.join(config.contentDir, practice.instrumentPack);
  const pageTexts = {
    privacy: readMarkdown(config.contentDir, practice.pages.privacy, "pages.privacy"),
    accessibility: readMarkdown(config.contentDir, practice.pages.accessibility, "pages.accessibility"),
  };
  return {
    instruments,
    instrumentPack: packFile ? loadPack(packFile, instruments) : undefined,
    practice,
    articleFiles: loadArticleFiles(config.contentDir),
    repairPieces: loadPieces(config.contentDir),
    pathPieces: loadPathPieces(config.contentDir),
    pages: {
      privacy: renderMarkdown(pageTexts.privacy).html,
      accessibility: renderMarkdown(pageTexts.accessibility).html,
    },
    pageTexts,
    consentDocuments: practice.consentDocuments.map((document, index) => {
      const markdown = readMarkdown(config.contentDir, document.file, `consentDocuments[${index}].file`);
      return consentDocument(document.id, document.title, markdown);
    }),
  };
}
