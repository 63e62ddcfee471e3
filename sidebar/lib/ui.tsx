/**
 * The small components every sidebar and dialog page shares. Text from the sheet only ever goes in
 * as a child, a title or an input's value, which Preact sets as text, never as markup.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';

/** The field's messages, one box each: '' is the form as a whole. */
export type Errors = Readonly<Record<string, string>>;

/** The messages of each box, those of one box joined, in the order given. */
export function errorsOf(
  errors: readonly { field: string; message: string }[],
  boxOf: (field: string) => string = (field) => field,
): Errors {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const box = boxOf(e.field);
    out[box] = out[box] ? `${out[box]} ${e.message}` : e.message;
  }
  return out;
}

export function ErrorBox({ errors, field }: { errors: Errors; field: string }) {
  return (
    <div class="error" data-error={field}>
      {errors[field] ?? ''}
    </div>
  );
}

/** aria-invalid for a control whose field has a message. */
export function invalid(errors: Errors, field: string): 'true' | undefined {
  return errors[field] ? 'true' : undefined;
}

/** The value of the input, select or textarea an event came from. */
export function valueOf(event: Event): string {
  return (event.currentTarget as HTMLInputElement).value;
}

export function checkedOf(event: Event): boolean {
  return (event.currentTarget as HTMLInputElement).checked;
}

export interface Notice {
  readonly kind: 'ok' | 'error' | '';
  readonly text: string;
}

export const NO_NOTICE: Notice = { kind: '', text: '' };

// @i18n-exempt: CSS classes, not words
export const ERROR_NOTICE = 'notice notice-error';

/** A status line: announced politely, hidden while there is nothing to say. */
export function StatusLine({ id, notice }: { id: string; notice: Notice }) {
  return (
    <div
      id={id}
      class={notice.kind === '' ? 'notice' : `notice notice-${notice.kind}`}
      role="status"
      aria-live="polite"
      hidden={notice.text === ''}
    >
      {notice.text}
    </div>
  );
}

export function Options({ values, labels }: { values: readonly string[]; labels?: (value: string) => string }) {
  return (
    <>
      {values.map((v) => (
        <option key={v} value={v}>
          {labels ? labels(v) : v}
        </option>
      ))}
    </>
  );
}

export interface CheckItem {
  readonly value: string;
  readonly text: ComponentChildren;
  readonly title: string;
  /** Not a member on the day: shown, but marked. */
  readonly inactive?: boolean;
  readonly hidden?: boolean;
}

/** A box of checkboxes named `name`, those in `checked` ticked; a change gives the new list, in the box's order. */
export function Checks(props: {
  id: string;
  name: string;
  items: readonly CheckItem[];
  checked: readonly string[];
  onChange(values: string[]): void;
  class?: string;
  hidden?: boolean;
}) {
  const toggle = (value: string, on: boolean) =>
    props.onChange(props.items.map((i) => i.value).filter((v) => (v === value ? on : props.checked.includes(v))));
  return (
    <div id={props.id} class={props.class ?? 'checks'} hidden={props.hidden}>
      {props.items.map((item) => (
        <label key={item.value} title={item.title} class={item.inactive ? 'inactive' : undefined} hidden={item.hidden}>
          <input
            type="checkbox"
            name={props.name}
            value={item.value}
            checked={props.checked.includes(item.value)}
            onChange={(e) => toggle(item.value, checkedOf(e))}
          />
          <span>{item.text}</span>
        </label>
      ))}
    </div>
  );
}

/**
 * Moves the focus to the element the selector finds once the page has rendered: after an error (its
 * field), an added row (its first input) or a removed one. Asking twice for the same one focuses twice.
 */
export function useFocus(): (selector: string) => void {
  const [wanted, setWanted] = useState<{ selector: string } | null>(null);
  // In the commit that renders the error or the row, not after the next paint: a keystroke made as soon
  // as the error shows (a person typing on, a test) would otherwise land on the control left behind.
  useLayoutEffect(() => {
    if (wanted) document.querySelector<HTMLElement>(wanted.selector)?.focus();
  }, [wanted]);
  return (selector: string) => setWanted({ selector });
}

export function closeDialog(): void {
  (globalThis as { google?: { script?: { host?: { close(): void } } } }).google?.script?.host?.close();
}

/** A field: its label, its control (the children), and the box of its messages. */
export function Field(props: {
  id: string;
  label: ComponentChildren;
  field: string;
  errors: Errors;
  hidden?: boolean;
  /** The IDs of the field's box and label, where something else refers to them. */
  boxId?: string;
  labelId?: string;
  children: ComponentChildren;
}) {
  return (
    <div class="field" id={props.boxId} hidden={props.hidden}>
      <label for={props.id} id={props.labelId}>
        {props.label}
      </label>
      {props.children}
      <ErrorBox errors={props.errors} field={props.field} />
    </div>
  );
}

/** A text or date input bound to a value, marked invalid while its field has a message. */
export function Input(props: {
  id: string;
  value: string;
  onValue(value: string): void;
  type?: 'text' | 'date';
  name?: string;
  invalid?: boolean;
  maxLength?: number;
  placeholder?: string | undefined;
  min?: string;
  max?: string;
  required?: boolean;
  inputMode?: 'url';
  describedBy?: string;
}) {
  return (
    <input
      type={(props.type ?? 'text') as 'text'}
      id={props.id}
      name={props.name}
      autocomplete="off"
      required={props.required}
      maxLength={props.maxLength}
      placeholder={props.placeholder}
      min={props.min}
      max={props.max}
      inputMode={props.inputMode}
      aria-describedby={props.describedBy}
      value={props.value}
      aria-invalid={props.invalid ? 'true' : undefined}
      onInput={(e) => props.onValue(valueOf(e))}
    />
  );
}
