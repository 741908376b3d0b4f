import { type CoachView, checkField } from "./coach-check.ts";
import { suggestionFor } from "./coach-rules.ts";
import { coachMessages as m } from "./messages.ts";

/** On the form element: the mode, for the browser's live suggestions (coach-client.ts). */
export const coachFormAttributes = (coach: CoachView | undefined) =>
  coach ? { "data-coach": coach.mode } : {};

/** "Check my words": posts the form to be shown again with suggestions; never saves, never blocks. */
export function CoachButton({ coach }: { coach: CoachView | undefined }) {
  if (!coach) return null;
  return (
    <button class="button button--quiet" type="submit" name={checkField.name} value={checkField.value}>
      {m.check}
    </button>
  );
}

/**
 * Under the form: what a check found, each with its phrase and one sentence, then what might help.
 * With JavaScript the same place is kept up to date as the person writes (hidden until then).
 */
export function CoachFindings({ coach }: { coach: CoachView | undefined }) {
  if (!coach) return null;
  const findings = coach.findings;
  // The hidden attribute sits on a plain wrapper: a card's own display rule would override it.
  return (
    <>
      <script type="module" src={coach.scriptUrl} />
      <div id="coach-findings" aria-live="polite" data-coach-findings hidden={!findings}>
        {findings && (
          <section class="card stack coach" aria-labelledby="coach-heading">
            <h2 id="coach-heading">{m.heading}</h2>
            <p class="muted">{m.intro}</p>
            {findings.length === 0 && <p>{m.nothingMarked}</p>}
            {findings.length > 0 && (
              <>
                <ul class="coach__marks">
                  {findings.map((finding, index) => (
                    <li key={`${finding.field}-${index}`}>
                      <strong>{m.phrase(finding.phrase)}</strong> <span class="muted">{finding.field}</span>
                      <br />
                      {finding.explanation}
                    </li>
                  ))}
                </ul>
                <p>{suggestionFor(coach.mode)}</p>
                {coach.mode === "hurt" && (
                  <p class="muted">
                    {m.feelingsLabel} {m.feelings.join(", ")}
                  </p>
                )}
              </>
            )}
          </section>
        )}
      </div>
    </>
  );
}
