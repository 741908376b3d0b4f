import { dates } from "../../platform/web/date-time-formats.ts";
import { Layout } from "../../platform/web/layout.tsx";
import type { MeasureChart } from "../assessments/charts/measure-charts.ts";
import {
  type AssignForm,
  type TherapistMeasure,
  TherapistMeasuresSection,
} from "../assessments/measures/therapist-measures-section.tsx";
import { CoachSettingSection, type CoachSettingView } from "../language-coach/coach-setting-section.tsx";
import { pathTherapistMessages } from "../path/messages.ts";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { JointWorkSection, type JointWorkView } from "../safety/joint-work-section.tsx";
import { sessionPageWords } from "../sessions/messages.ts";
import type { Entry } from "../workspace/entries.ts";
import { EntryText } from "../workspace/entry-text.tsx";
import { practiceMessages as m } from "./messages.ts";
import { pauseMessages } from "./pause/messages.ts";
import { timelineMessages } from "./timeline/messages.ts";

const day = dates.long;

/** A client as their therapist sees them: only what the client chose to share with the therapist. */
export function ClientRecordPage(props: {
  site: SiteContext;
  clientId: string;
  name: string;
  status: string;
  partner?: { id: string; name: string } | undefined;
  shared: Entry[];
  measures: TherapistMeasure[];
  /** The client's measures over time; the partner's line where both partners agreed. */
  charts?: MeasureChart[];
  assignForm: AssignForm;
  timeZone: string;
  /** For a client in a couple: each partner's private screen and the joint-work gate. */
  jointWork?: JointWorkView | undefined;
  /** Whether the language coach is on for this client, and the button that changes it. */
  coach: CoachSettingView;
}) {
  const { site, clientId, name, status, partner, shared, measures, assignForm, timeZone } = props;
  return (
    <Layout site={site} meta={{ title: name, description: m.recordDescription, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href="/practice">{m.backToPractice}</a>
        </p>
        <h1>{name}</h1>
        <p class="muted">
          {m.accountStatus(status)}{" "}
          <a href={`/practice/clients/${clientId}/pause`}>{pauseMessages.recordLink}</a>{" "}
          <a href={`/practice/clients/${clientId}/close`}>{m.closeAccount}</a>
        </p>
        {partner && (
          <p>
            {m.coupleWith}
            <a href={`/practice/clients/${partner.id}`}>{partner.name}</a>.
          </p>
        )}
        {props.jointWork && <JointWorkSection view={props.jointWork} />}
        {props.jointWork && (
          <ul>
            <li>
              <a href={`/practice/clients/${clientId}/repair`}>{m.openRepair}</a>
            </li>
            <li>
              <a href={`/practice/clients/${clientId}/cycle`}>{m.openCycle}</a>
            </li>
          </ul>
        )}
        <p>
          <a href={`/practice/clients/${clientId}/triggers`}>{m.openTriggers}</a>
        </p>
        <p>
          <a href={`/practice/clients/${clientId}/path`}>{pathTherapistMessages.recordLink}</a>
        </p>
        <p>
          <a href={`/practice/clients/${clientId}/timeline`}>{timelineMessages.recordLink}</a>
        </p>
        <p>
          <a href={`/practice/clients/${clientId}/sessions`}>{sessionPageWords.recordLink}</a>
        </p>
        <CoachSettingSection view={props.coach} />
        <h2 id="shared">{m.sharedHeading}</h2>
        <p class="muted">{m.onlyShared(name)}</p>
        {shared.length === 0 ? (
          <p>{m.nothingShared}</p>
        ) : (
          <ul class="client-list">
            {shared.map((entry) => (
              <li class="card" key={entry.id}>
                <EntryText entry={entry} />
                <p class="muted">
                  {m.sharedOn(day(entry.sharedWithTherapistAt ?? entry.createdAt, timeZone))}
                </p>
              </li>
            ))}
          </ul>
        )}
        <TherapistMeasuresSection
          clientId={clientId}
          clientName={name}
          measures={measures}
          charts={props.charts ?? []}
          partnerName={partner?.name ?? ""}
          form={assignForm}
          timeZone={timeZone}
        />
      </div>
    </Layout>
  );
}
