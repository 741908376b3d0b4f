import { FormToken, SelectField } from "../../platform/web/form-fields.tsx";
import { practiceMessages as m } from "./messages.ts";

export type TherapistListing = {
  id: string;
  name: string;
  email: string;
  state: string;
  /** Whom their safety alerts go to while they are away; null when they are not away. */
  coverId: string | null;
  /** Has joined (chosen a password): may be named as cover. */
  joined: boolean;
  hasSecondStep: boolean;
};

/** The cover form shown again after a refused choice: for which therapist, what was chosen, why not. */
export type CoverForm = { therapistId: string; value: string; error: string };

/** One therapist on the owner's page: their state, who covers while they are away, a second-step reset. */
export function TherapistCard(props: {
  therapist: TherapistListing;
  all: TherapistListing[];
  viewerId: string;
  token: string;
  coverForm?: CoverForm | undefined;
}) {
  const { therapist: t, all, viewerId, token } = props;
  const shown = props.coverForm?.therapistId === t.id ? props.coverForm : undefined;
  const chosen = shown ? shown.value : (t.coverId ?? "");
  const cover = all.find((other) => other.id === t.coverId);
  return (
    <li class="card stack">
      <p>
        {t.name}{" "}
        <span class="muted">
          — {t.email}, {cover ? m.awayCoveredBy(cover.name) : t.state}
        </span>
      </p>
      {t.joined && (
        <form class="form" method="post" action={`/practice/therapists/${t.id}/cover`} data-busy="…">
          <FormToken token={token} />
          <SelectField
            name="cover"
            id={`cover-${t.id}`}
            label={m.coverLabel(t.name)}
            hint={m.coverHint}
            error={shown?.error}
          >
            <option value="" selected={chosen === ""}>
              {m.notAway}
            </option>
            {all
              .filter((other) => other.id !== t.id && other.joined)
              .map((other) => (
                <option key={other.id} value={other.id} selected={chosen === other.id}>
                  {other.name}
                </option>
              ))}
          </SelectField>
          <button class="button button--quiet" type="submit">
            {m.saveCover}
            <span class="visually-hidden">: {t.name}</span>
          </button>
        </form>
      )}
      {t.hasSecondStep && t.id !== viewerId && (
        <form method="post" action={`/practice/therapists/${t.id}/second-step/reset`} data-busy="…">
          <FormToken token={token} />
          <p class="muted small">{m.resetSecondStepHint}</p>
          <button class="button button--quiet" type="submit">
            {m.resetSecondStep}
            <span class="visually-hidden">: {t.name}</span>
          </button>
        </form>
      )}
    </li>
  );
}
