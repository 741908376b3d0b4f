import { SignOutForm } from "../../accounts/sign-out-form.tsx";
import { practiceMessages as m } from "../messages.ts";

/** Where the rest of the practice lives: consultations, measures, the therapist's account. */
export function PracticeLinksSection(props: { isOwner: boolean; token: string }) {
  return (
    <>
      <h2>{m.freeConsultations}</h2>
      <ul>
        <li>
          <a href="/practice/consultations">{m.upcomingConsultations}</a>
        </li>
        <li>
          <a href="/practice/booking">{m.hoursAndSettings}</a>
        </li>
      </ul>
      <h2>{m.measuresHeading}</h2>
      <p>
        <a href="/practice/measures">{m.measuresLink}</a>
      </p>
      <h2>{m.yourAccount}</h2>
      <ul>
        <li>
          <a href="/account/sign-ins">{m.yourSignIns}</a>
        </li>
        <li>
          <a href="/account/two-step">{m.moveSecondStep}</a>
        </li>
        {props.isOwner && (
          <>
            <li>
              <a href="/practice/therapists">{m.therapistsAndDemo}</a>
            </li>
            <li>
              <a href="/practice/settings">{m.practiceSettings}</a>
            </li>
            <li>
              <a href="/practice/articles">{m.articlesLink}</a>
            </li>
            <li>
              <a href="/practice/audit">{m.auditLog}</a>
            </li>
          </>
        )}
      </ul>
      <SignOutForm token={props.token} />
    </>
  );
}
