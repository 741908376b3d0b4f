import { FormToken } from "../../platform/web/form-fields.tsx";
import { jointWorkMessages as m } from "./messages.ts";

export const jointWorkFormName = "joint-work";

export type JointWorkView = {
  clientId: string;
  open: boolean;
  ready: boolean;
  sharedBeforeOpening: boolean;
  partners: { clientId: string; name: string; screenedOn: string | null }[];
  token: string;
};

/** One button that opens or closes joint work, with a line on what that does. */
function OpenOrClose({ action, token, open }: { action: string; token: string; open: boolean }) {
  return (
    <form method="post" action={action} data-busy={m.busy}>
      <FormToken token={token} />
      <input type="hidden" name="open" value={open ? "yes" : "no"} />
      <p class="muted">{open ? m.openHint : m.closeHint}</p>
      <button class={open ? "button" : "button button--quiet"} type="submit">
        {open ? m.open : m.close}
      </button>
    </form>
  );
}

/** On a couple's client record: each partner's private screen, and opening or closing joint work. */
export function JointWorkSection({ view }: { view: JointWorkView }) {
  const base = `/practice/clients/${view.clientId}`;
  return (
    <section class="card stack" id="joint-work" aria-labelledby="joint-work-heading">
      <h2 id="joint-work-heading">{m.heading}</h2>
      <p>{view.open ? m.isOpen : m.isClosed}</p>
      <ul>
        {view.partners.map((partner) => (
          <li key={partner.clientId}>
            {partner.screenedOn ? (
              m.screenedOn(partner.name, partner.screenedOn)
            ) : (
              <form method="post" action={`${base}/screened`} data-busy={m.busy}>
                <FormToken token={view.token} />
                <input type="hidden" name="partner" value={partner.clientId} />
                {m.notScreened(partner.name)}{" "}
                <button class="button button--quiet" type="submit">
                  {m.recordScreen(partner.name)}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {view.sharedBeforeOpening && <p class="muted">{m.sharedBefore}</p>}
      {view.open ? (
        <OpenOrClose action={`${base}/joint-work`} token={view.token} open={false} />
      ) : view.ready ? (
        <OpenOrClose action={`${base}/joint-work`} token={view.token} open={true} />
      ) : (
        <p class="muted">{m.notReady}</p>
      )}
    </section>
  );
}
