import type { ComponentChildren, InputHTMLAttributes } from "preact";
import { formTokenField } from "./form-security.ts";

type FieldProps = {
  name: string;
  /** Only when one page has two fields of the same name (two forms). */
  id?: string;
  label: string;
  type?: "text" | "email" | "password" | "datetime-local";
  /** Most fields must be filled; an optional one says so in its label and passes false. */
  required?: boolean;
  value?: string | undefined;
  error?: string | undefined;
  autocomplete?: string;
  hint?: string;
  inputmode?: "numeric" | "email" | "text";
};

/** The ids a field's hint and error carry, for its aria-describedby. */
export function describedByFor(
  id: string,
  hint: string | undefined,
  error: string | undefined,
): string | undefined {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

/** A field's label, hint and error around its control: the one place this markup is written. */
export function FieldFrame(props: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ComponentChildren;
}) {
  const { id, label, hint, error, children } = props;
  return (
    <div class={error ? "field field--error" : "field"}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

/** A labelled input with its error beside it (announced with the field) and the person's text kept. */
export function TextField(props: FieldProps) {
  const { name, label, type = "text", value, error, autocomplete, hint, inputmode, required = true } = props;
  const id = props.id ?? `field-${name}`;
  const describedBy = describedByFor(id, hint, error);
  // Built as one object: Preact's input types narrow per `type`, which a shared component cannot know.
  const inputAttributes = {
    id,
    name,
    type,
    value: type === "password" ? undefined : value,
    autocomplete,
    inputmode,
    "aria-invalid": error ? "true" : undefined,
    "aria-describedby": describedBy,
    required,
  } as InputHTMLAttributes;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input {...inputAttributes} />
    </FieldFrame>
  );
}

/** A labelled select with its hint and error beside it; the options (an "any" first, groups) are the caller's. */
export function SelectField(props: {
  name: string;
  /** By default `field-<name>`. */
  id?: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ComponentChildren;
}) {
  const { name, label, hint, error, children } = props;
  const id = props.id ?? `field-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={name}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedByFor(id, hint, error)}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

export function FormToken({ token }: { token: string }) {
  return <input type="hidden" name={formTokenField} value={token} />;
}

/** A problem with the form as a whole (an expired form, a refused sign-in), read out when the page loads. */
export function FormProblem({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <div class="form-problem" role="alert">
      <p>{message}</p>
    </div>
  );
}

/** A checkbox whose label is the statement being agreed to, with its error beside it; never pre-ticked by us. */
export function CheckboxField(props: {
  name: string;
  value?: string;
  label: string;
  checked: boolean;
  error?: string | undefined;
}) {
  const { name, value = "yes", label, checked, error } = props;
  const id = `field-${name}-${value}`;
  return (
    <div class={error ? "field field--check field--error" : "field field--check"}>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <input
        id={id}
        type="checkbox"
        name={name}
        value={value}
        checked={checked}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />{" "}
      <label for={id}>{label}</label>
    </div>
  );
}

/** A labelled multi-line field, with its error beside it and the person's words kept. */
export function TextAreaField(props: {
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string;
  rows?: number;
  maxLength?: number;
}) {
  const { name, label, value, error, hint, rows = 6, maxLength } = props;
  const id = `field-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedByFor(id, hint, error)}
      >
        {value ?? ""}
      </textarea>
    </FieldFrame>
  );
}

/** A group of radio buttons with a legend; the error sits under the legend. */
export function RadioGroup(props: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value?: string | undefined;
  error?: string | undefined;
}) {
  const { name, legend, options, value, error } = props;
  const errorId = `field-${name}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
      {options.map((option) => (
        <div class="choice" key={option.value}>
          <input
            type="radio"
            id={`field-${name}-${option.value}`}
            name={name}
            value={option.value}
            checked={value === option.value}
          />
          <label for={`field-${name}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
