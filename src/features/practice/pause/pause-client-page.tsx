import { FormProblem, FormToken } from "../../../platform/web/form-fields.tsx";
import { Layout } from "../../../platform/web/layout.tsx";
import { TickToConfirmForm } from "../../../platform/web/tick-to-confirm-form.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { pauseMessages as m } from "./messages.ts";

/** Pausing a client: what it does, a tick to confirm; or, when paused, the button that resumes. */
export function PauseClientPage(props: {
  site: SiteContext;
  clientId: string;
  name: string;
  status: string;
  token: string;
  error?: string | undefined;
  problem?: string | undefined;
}) {
  const { site, clientId, name, token } = props;
  const record = `/practice/clients/${clientId}`;
  return (
    <Layout site={site} meta={{ title: m.title(name), description: m.description, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href={record}>{m.back}</a>
        </p>
        <h1>{m.title(name)}</h1>
        <FormProblem message={props.problem} />
        {props.status === "paused" ? (
          <form class="form" method="post" action={`${record}/resume`} data-busy="…">
            <p>{m.pausedNow(name)}</p>
            <FormToken token={token} />
            <button class="button" type="submit">
              {m.resumeButton}
            </button>
          </form>
        ) : props.status === "active" ? (
          <>
            <p>{m.intro(name)}</p>
            <TickToConfirmForm
              action={`${record}/pause`}
              token={token}
              label={m.confirm}
              button={m.pauseButton}
              error={props.error}
            />
          </>
        ) : (
          <p>{m.notOpen(name)}</p>
        )}
      </div>
    </Layout>
  );
}
