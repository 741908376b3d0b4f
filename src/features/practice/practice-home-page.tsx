import { Layout } from "../../platform/web/layout.tsx";
import { NeedsYouSection } from "../notifications/needs-you-section.tsx";
import { SafetyAlertsSection } from "../notifications/safety-alerts-section.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { StaleHelpLinesSection } from "../practice-settings/stale-help-lines-section.tsx";
import { CaseloadSection } from "./home/caseload-section.tsx";
import { ConsultationsThisWeekSection } from "./home/consultations-this-week-section.tsx";
import { FailuresSection } from "./home/failures-section.tsx";
import { MeasuresDueSection } from "./home/measures-due-section.tsx";
import { PracticeLinksSection } from "./home/practice-links-section.tsx";
import { RequestsWaitingSection } from "./home/requests-waiting-section.tsx";
import { ScreenFlagsSection } from "./home/screen-flags-section.tsx";
import { StaleInvitationsSection } from "./home/stale-invitations-section.tsx";
import { practiceMessages as m } from "./messages.ts";
import type { PracticeHome } from "./practice-home-data.ts";

/**
 * The day at a glance, phone first: one column of sections in the order a therapist needs them. Safety
 * alerts always come first (DOMAIN.md §4); each section is its own small component.
 */
export function PracticeHomePage(props: {
  site: SiteContext;
  home: PracticeHome;
  needsYouToken: string;
  notice?: string | undefined;
  token: string;
}) {
  const { site, home, notice } = props;
  const zone = home.timeZone;
  return (
    <Layout site={site} meta={{ title: m.homeTitle, description: m.homeDescription, noindex: true }}>
      <div class="prose-width section stack">
        <h1>{m.homeTitle}</h1>
        <p>{m.signedInAs(home.therapistName)}</p>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        <SafetyAlertsSection items={home.safetyAlerts} timeZone={zone} token={props.needsYouToken} />
        <NeedsYouSection
          items={home.needsYou}
          timeZone={zone}
          token={props.needsYouToken}
          notifyByEmail={home.notifyByEmail}
        />
        <ConsultationsThisWeekSection items={home.consultations} todayEnds={home.todayEnds} timeZone={zone} />
        <RequestsWaitingSection waiting={home.booking.waitingRequests} />
        <StaleInvitationsSection items={home.staleInvitations} timeZone={zone} />
        <MeasuresDueSection items={home.measuresDue} timeZone={zone} />
        <ScreenFlagsSection clients={home.screenFlags} />
        <FailuresSection
          failingCalendars={home.booking.failingCalendars}
          undeliveredEmails={home.undeliveredEmails}
          timeZone={zone}
        />
        <StaleHelpLinesSection site={site} isOwner={home.isOwner} />
        <CaseloadSection caseload={home.caseload} />
        <PracticeLinksSection isOwner={home.isOwner} token={props.token} />
      </div>
    </Layout>
  );
}
