/**
 * The DOM helpers every sidebar and dialog page shares. Text from the sheet only ever goes in as
 * textContent, a title or an input's value, never as markup.
 */
export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`The page has no #${id}.`);
  return el as T;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.append(...children);
  return node;
}

export function option(value: string, text: string): HTMLOptionElement {
  const node = el('option', text);
  node.value = value;
  return node;
}

export function checkbox(
  name: string,
  value: string,
  text: Node | string,
  title: string,
  inactive = false,
): HTMLLabelElement {
  const input = el('input');
  input.type = 'checkbox';
  input.name = name;
  input.value = value;
  const label = el('label', input, el('span', text));
  label.title = title;
  if (inactive) label.classList.add('inactive');
  return label;
}

export function checked(box: HTMLElement): string[] {
  return [...box.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((i) => i.value);
}

export function setChecked(box: HTMLElement, values: readonly string[]): void {
  for (const input of box.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))
    input.checked = values.includes(input.value);
}

/** A notice box with its text, shown. */
export function show(box: HTMLElement, text: string, kind?: 'ok' | 'error'): void {
  if (kind) box.className = `notice notice-${kind}`;
  box.textContent = text;
  box.hidden = false;
}

/**
 * Each error in the box beside its field (`[data-error="field"]` inside `scope`), its control marked
 * invalid; the first one's control takes the focus.
 */
export function showFieldErrors(
  scope: HTMLElement,
  errors: readonly { field: string; message: string }[],
  control: (field: string) => HTMLElement | undefined,
  boxOf: (field: string) => string = (field) => field,
): void {
  for (const box of scope.querySelectorAll<HTMLElement>('[data-error]')) box.textContent = '';
  for (const input of scope.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  for (const error of errors) {
    const box = scope.querySelector<HTMLElement>(`[data-error="${boxOf(error.field)}"]`);
    if (box) box.textContent = box.textContent ? `${box.textContent} ${error.message}` : error.message;
    control(error.field)?.setAttribute('aria-invalid', 'true');
  }
  const first = errors[0];
  if (first) control(first.field)?.focus();
}
