import { FormProblem, FormToken, RadioGroup, TextField } from "../../platform/web/form-fields.tsx";
import { repairTherapistMessages as m } from "./messages.ts";
import type { Partner } from "./therapist-repair-view.ts";

export const injuryNameLimit = 120;

export type InjuryNameForm = {
  token: string;
  values: { name: string; who: string };
  errors?: Record<string, string> | undefined;
  problem?: string | undefined;
};

/** Naming an injury, or renaming it: neutral words, and who was hurt in it (never who "did" it). */
export function InjuryNameFields(props: {
  action: string;
  partners: Partner[];
  form: InjuryNameForm;
  button: string;
}) {
  const { action, partners, form, button } = props;
  const options = [
    ...partners.map((partner) => ({ value: partner.id, label: m.hurtRole(partner.name) })),
    { value: "each", label: m.eachOfThem },
  ];
  return (
    <form class="form" method="post" action={action} novalidate>
      <FormProblem message={form.problem} />
      <FormToken token={form.token} />
      <TextField
        name="name"
        label={m.nameLabel}
        hint={m.nameHint}
        value={form.values.name}
        error={form.errors?.name}
      />
      <RadioGroup
        name="who"
        legend={m.whoLegend}
        options={options}
        value={form.values.who}
        error={form.errors?.who}
      />
      <p>
        <button class="button" type="submit">
          {button}
        </button>
      </p>
    </form>
  );
}
