import { FormToken } from "../../platform/web/form-fields.tsx";
import { Layout } from "../../platform/web/layout.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import type { Entry } from "../workspace/entries.ts";
import { day } from "../workspace/entry-pages.tsx";
import { EntryText } from "../workspace/entry-text.tsx";
import { pathTherapistMessages as m } from "./messages.ts";
import type { PathPiece } from "./path-piece.ts";

export type PieceState = { piece: PathPiece; state: "open" | "closed" | "never" };

function PieceRow({ clientId, item, token }: { clientId: string; item: PieceState; token: string }) {
  const { piece, state } = item;
  const open = state === "open";
  return (
    <li class="card stack" key={piece.id}>
      <h3>{piece.title}</h3>
      <p class="muted">
        {open ? m.isOpen : state === "closed" ? m.wasOpen : m.notOpened} {m.questions(piece.questions.length)}
        {piece.coach && <> {m.withCoach}</>}
      </p>
      <form method="post" action={`/practice/clients/${clientId}/path/${piece.id}`}>
        <FormToken token={token} />
        <input type="hidden" name="open" value={open ? "no" : "yes"} />
        <button class={open ? "button button--quiet" : "button"} type="submit">
          {open ? m.close : m.open}
        </button>
      </form>
    </li>
  );
}

/** A client's own path as their therapist sees it: each piece, open or not, and what was shared. */
export function TherapistPathPage(props: {
  site: SiteContext;
  clientId: string;
  name: string;
  pieces: PieceState[];
  shared: Entry[];
  token: string;
  timeZone: string;
  notice?: string | undefined;
}) {
  const { site, clientId, name, pieces, shared, token, timeZone, notice } = props;
  return (
    <Layout site={site} meta={{ title: m.title(name), description: m.title(name), noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href={`/practice/clients/${clientId}`}>{m.backToRecord}</a>
        </p>
        <h1>{m.title(name)}</h1>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        <p class="muted">{m.intro}</p>
        <section class="stack" aria-labelledby="pieces-heading">
          <h2 id="pieces-heading">{m.piecesHeading}</h2>
          <ul class="client-list">
            {pieces.map((item) => (
              <PieceRow key={item.piece.id} clientId={clientId} item={item} token={token} />
            ))}
          </ul>
        </section>
        <section class="stack" aria-labelledby="shared-heading">
          <h2 id="shared-heading">{m.sharedHeading}</h2>
          {shared.length === 0 ? (
            <p class="muted">{m.nothingShared}</p>
          ) : (
            <ul class="client-list">
              {shared.map((entry) => (
                <li class="card stack" key={entry.id}>
                  <EntryText entry={entry} />
                  {entry.sharedWithTherapistAt && (
                    <p class="muted">{m.sharedOn(day(entry.sharedWithTherapistAt, timeZone))}</p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </Layout>
  );
}
