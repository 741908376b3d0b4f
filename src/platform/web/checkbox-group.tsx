/**
 * A group of checkboxes under one legend ("choose any that fit"), with the group's error under the
 * legend and the person's choices kept. The radio group's twin (form-fields.tsx), for many answers.
 */
export function CheckboxGroup(props: {
  name: string;
  legend: string;
  hint?: string | undefined;
  options: readonly { value: string; label: string }[];
  values: readonly string[];
  error?: string | undefined;
}) {
  const { name, legend, hint, options, values, error } = props;
  const hintId = `field-${name}-hint`;
  const errorId = `field-${name}-error`;
  const describedBy = [hint ? hintId : "", error ? errorId : ""].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint && (
        <p class="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
      {options.map((option) => (
        <div class="choice" key={option.value}>
          <input
            type="checkbox"
            id={`field-${name}-${option.value}`}
            name={name}
            value={option.value}
            checked={values.includes(option.value)}
          />
          <label for={`field-${name}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
