import { Layout } from "../../../platform/web/layout.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { cancelMessages as c } from "./messages.ts";

/**
 * The answer to a cancellation whose reason held words that may mean the visitor is in danger: help first,
 * in this response only (the booking's page, which a shared inbox's link reopens, never repeats it), then
 * the way on. The therapist is told without the words (change-booking.ts).
 */
export function CancelledWithHelpPage(props: { site: SiteContext; requested: boolean; manageUrl: string }) {
  const { site, requested, manageUrl } = props;
  const heading = requested ? c.withdrawnHeading : c.cancelledHeading;
  return (
    <Layout site={site} meta={{ title: heading, description: c.description, noindex: true }}>
      <div class="prose-width section stack">
        <h1>{heading}</h1>
        <div id="crisis-panel" class="crisis-panel" role="status">
          <p>
            <strong>{c.inDanger}</strong> <a href="/help-now">{c.findHelp}</a>.
          </p>
          <p>{c.nobodyReads}</p>
        </div>
        <p>
          <a class="button" href={manageUrl}>
            {c.continue}
          </a>
        </p>
      </div>
    </Layout>
  );
}
