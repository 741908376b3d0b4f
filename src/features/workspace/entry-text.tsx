import type { Entry } from "./entries.ts";
import { workspaceMessages as m } from "./messages.ts";

/**
 * What someone wrote, as every page shows it: an answer to a question of the repair material keeps its
 * question above it, for the author, for the partner it was shared with and for the therapist alike.
 * `clip` shortens a long body in lists; the entry's own page shows it whole.
 */
export function EntryText({ entry, clip }: { entry: Entry; clip?: number }) {
  const body = clip !== undefined && entry.body.length > clip ? `${entry.body.slice(0, clip)}…` : entry.body;
  return (
    <>
      {entry.question && <p class="entry-question">{m.answering(entry.question)}</p>}
      <p class="entry-body">{body}</p>
    </>
  );
}
