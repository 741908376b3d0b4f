import { CheckboxField, FormToken } from "./form-fields.tsx";

/** A step that cannot be undone lightly: one box to tick, beside its words, before the button. */
export function TickToConfirmForm(props: {
  action: string;
  token: string;
  label: string;
  button: string;
  error?: string | undefined;
}) {
  return (
    <form class="form" method="post" action={props.action} data-busy="…" novalidate>
      <FormToken token={props.token} />
      <CheckboxField name="confirm" label={props.label} checked={false} error={props.error} />
      <p>
        <button class="button" type="submit">
          {props.button}
        </button>
      </p>
    </form>
  );
}
