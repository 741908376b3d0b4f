import { FormProblem } from "../../../platform/web/form-fields.tsx";
import { Layout } from "../../../platform/web/layout.tsx";
import { TickToConfirmForm } from "../../../platform/web/tick-to-confirm-form.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { clientListMessages as m } from "./messages.ts";

/** Closing a client's account: what it does, a tick to confirm, and the way back. */
export function CloseClientPage(props: {
  site: SiteContext;
  clientId: string;
  name: string;
  closed: boolean;
  retainedUntil: string;
  token: string;
  error?: string | undefined;
  problem?: string | undefined;
}) {
  const { site, clientId, name, token } = props;
  const record = `/practice/clients/${clientId}`;
  return (
    <Layout site={site} meta={{ title: m.closeTitle(name), description: m.description, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href={record}>{m.closeBack}</a>
        </p>
        <h1>{m.closeTitle(name)}</h1>
        {props.closed ? (
          <p>{m.alreadyClosed(name)}</p>
        ) : (
          <>
            <p>{m.closeIntro(name, props.retainedUntil)}</p>
            <FormProblem message={props.problem} />
            <TickToConfirmForm
              action={`${record}/close`}
              token={token}
              label={m.closeConfirm}
              button={m.closeButton}
              error={props.error}
            />
          </>
        )}
      </div>
    </Layout>
  );
}
