/** One of the practice's consent documents, read at start from the file the settings name. */
export type ConsentDocument = { id: string; title: string; html: string; version: string; markdown: string };
