/**
 * The spec form, generated from the WorldSpec JSON Schema (GET /api/schema/world-spec): objects
 * become fieldsets, numbers number inputs (min/max/step from the schema, with a slider for 0–1
 * weights), unions of constants selects, a number-or-word union a text field with suggestions,
 * lists of constants multi-selects, booleans checkboxes, strings text fields, and lists of
 * objects (structures, characters, points of interest) JSON text areas. Every input carries
 * `data-path` (its JSON pointer) and the schema's description as its title.
 *
 * The form shows a spec; `readSpec` starts from that spec and overwrites only the fields the
 * designer edited, so fields the form does not know travel untouched.
 */
import type { JsonObject, JsonValue, WorldSpec } from './api-types.ts';
import { h } from './element.ts';
import { readPointer, writePointer } from './json-pointer.ts';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: JsonValue[];
  const?: JsonValue;
  default?: JsonValue;
  description?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  required?: string[];
}

/** Fields the left column already shows above the form. */
const SHOWN_ELSEWHERE = new Set(['/version', '/seed', '/prompt']);

type FieldKind = 'number' | 'integer' | 'boolean' | 'enum' | 'mixed' | 'string' | 'enum-list' | 'json';

export class SpecFormError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

const words = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/-/g, ' ').toLowerCase();

function constants(schema: JsonSchema): JsonValue[] | null {
  if (schema.enum) return schema.enum;
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length && options.every((o) => 'const' in o)) return options.map((o) => o.const as JsonValue);
  return null;
}

function kindOf(schema: JsonSchema): FieldKind | 'object' {
  if (constants(schema)) return 'enum';
  if (schema.anyOf ?? schema.oneOf) return 'mixed';
  if (schema.type === 'object' || schema.properties) return 'object';
  if (schema.type === 'array') {
    const items = schema.items ?? {};
    return constants(items) ? 'enum-list' : 'json';
  }
  if (schema.type === 'integer') return 'integer';
  if (schema.type === 'number') return 'number';
  if (schema.type === 'boolean') return 'boolean';
  return 'string';
}

function stepOf(schema: JsonSchema, kind: FieldKind): string {
  if (kind === 'integer') return '1';
  const span = (schema.maximum ?? Infinity) - (schema.minimum ?? -Infinity);
  if (span <= 1) return '0.01';
  if (span <= 20) return '0.05';
  if (span <= 200) return '0.5';
  return '1';
}

function shown(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value);
}

function markEdited(event: Event): void {
  const target = event.target as HTMLElement;
  const field = target.closest('[data-path]') as HTMLElement | null;
  if (field) {
    field.dataset.edited = '1';
    field.classList.remove('invalid');
    field.closest('.field')?.querySelector('.field-error')?.remove();
  }
}

function control(path: string, schema: JsonSchema, kind: FieldKind, value: unknown): HTMLElement[] {
  const common = { title: schema.description ?? '', dataset: { path, kind } };
  switch (kind) {
    case 'number':
    case 'integer': {
      const input = h('input', { ...common, type: 'number', min: schema.minimum, max: schema.maximum, step: stepOf(schema, kind), value: shown(value) });
      if (schema.minimum === 0 && schema.maximum === 1) {
        const slider = h('input', { type: 'range', class: 'slider', min: 0, max: 1, step: 0.01, value: shown(value ?? 0), tabindex: -1, 'aria-hidden': 'true' });
        slider.addEventListener('input', () => {
          input.value = slider.value;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        });
        input.addEventListener('input', () => (slider.value = input.value || '0'));
        return [slider, input];
      }
      return [input];
    }
    case 'boolean':
      return [h('input', { ...common, type: 'checkbox', checked: value === true })];
    case 'enum': {
      const options = constants(schema) ?? [];
      const select = h('select', common, ...options.map((option) => h('option', { value: JSON.stringify(option), selected: JSON.stringify(option) === JSON.stringify(value) }, shown(option))));
      if (value === undefined) select.insertBefore(h('option', { value: '', selected: true }, '—'), select.firstChild);
      return [select];
    }
    case 'enum-list': {
      const options = constants(schema.items ?? {}) ?? [];
      const chosen = Array.isArray(value) ? value.map((v) => JSON.stringify(v)) : [];
      return [h('select', { ...common, multiple: true, size: Math.min(options.length, 4) }, ...options.map((option) => h('option', { value: JSON.stringify(option), selected: chosen.includes(JSON.stringify(option)) }, shown(option))))];
    }
    case 'mixed': {
      const words = (schema.anyOf ?? schema.oneOf ?? []).filter((o) => 'const' in o).map((o) => shown(o.const));
      const ranges = (schema.anyOf ?? schema.oneOf ?? []).filter((o) => o.type === 'number' || o.type === 'integer');
      const hint = [...words, ...ranges.map((r) => `${r.minimum ?? ''}–${r.maximum ?? ''}`)].join(' | ');
      const listId = `options-${path.replace(/[^a-z0-9]/gi, '-')}`;
      return [
        h('input', { ...common, type: 'text', list: listId, value: shown(value), placeholder: hint, title: `${schema.description ?? ''} (${hint})` }),
        h('datalist', { id: listId }, ...words.map((word) => h('option', { value: word }))),
      ];
    }
    case 'json':
      return [h('textarea', { ...common, rows: 3, spellcheck: false, class: 'json', placeholder: '[]' }, value === undefined ? '' : JSON.stringify(value, null, 1))];
    case 'string':
      return [h('input', { ...common, type: 'text', value: shown(value), pattern: schema.pattern, maxlength: schema.maxLength })];
  }
}

function group(path: string, key: string, schema: JsonSchema, spec: JsonObject, depth: number): HTMLElement {
  const fieldset = h('fieldset', { class: `group depth-${depth}`, dataset: { groupPath: path }, title: schema.description ?? '' });
  const legend = h('legend', {}, words(key));
  if (depth === 0) legend.addEventListener('click', () => fieldset.classList.toggle('collapsed'));
  fieldset.append(legend);
  for (const [childKey, childSchema] of Object.entries(schema.properties ?? {})) fieldset.append(field(`${path}/${childKey}`, childKey, childSchema, spec, depth + 1));
  return fieldset;
}

function field(path: string, key: string, schema: JsonSchema, spec: JsonObject, depth: number): HTMLElement {
  const kind = kindOf(schema);
  if (kind === 'object') return group(path, key, schema, spec, depth);
  const value = readPointer(spec, path) ?? schema.default;
  const wide = kind === 'json' || kind === 'enum-list';
  return h('label', { class: `field ${wide ? 'wide' : ''}`, title: schema.description ?? '' }, h('span', { class: 'field-name' }, words(key)), ...control(path, schema, kind, value));
}

/** Fills `form` with one field per schema property, showing `spec`'s values (else the defaults). */
export function renderSpecForm(form: HTMLElement, schema: JsonSchema, spec: JsonObject): void {
  const fields: HTMLElement[] = [];
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    if (SHOWN_ELSEWHERE.has(`/${key}`)) continue;
    fields.push(field(`/${key}`, key, child, spec, 0));
  }
  form.replaceChildren(...fields);
  form.oninput = markEdited;
  form.onchange = markEdited;
}

function valueOf(input: HTMLElement): JsonValue | undefined {
  const kind = input.dataset.kind as FieldKind;
  const path = input.dataset.path ?? '';
  if (input instanceof HTMLInputElement && kind === 'boolean') return input.checked;
  if (input instanceof HTMLSelectElement) {
    if (kind === 'enum-list') return [...input.selectedOptions].map((o) => JSON.parse(o.value) as JsonValue);
    return input.value === '' ? undefined : (JSON.parse(input.value) as JsonValue);
  }
  const text = (input as HTMLInputElement | HTMLTextAreaElement).value.trim();
  if (text === '') return undefined;
  if (kind === 'number' || kind === 'integer') {
    const number = Number(text);
    if (!Number.isFinite(number)) throw new SpecFormError(path, `${path}: "${text}" is not a number.`);
    return number;
  }
  if (kind === 'mixed') return Number.isFinite(Number(text)) ? Number(text) : text;
  if (kind === 'json') {
    try {
      return JSON.parse(text) as JsonValue;
    } catch (error) {
      throw new SpecFormError(path, `${path}: not valid JSON (${(error as Error).message}).`);
    }
  }
  return text;
}

/** The spec the form now says: `base` with every edited field overwritten (an emptied one removed). */
export function readSpec(form: HTMLElement, base: WorldSpec): WorldSpec {
  const spec = structuredClone(base);
  for (const input of form.querySelectorAll<HTMLElement>('[data-path][data-edited]')) writePointer(spec, input.dataset.path!, valueOf(input));
  return spec;
}

/** Marks the field at `path` (or the group holding it) invalid and puts the message beside it. */
export function showFieldError(form: HTMLElement, path: string, message: string): boolean {
  let at = path;
  while (at) {
    const target = form.querySelector<HTMLElement>(`[data-path="${CSS.escape(at)}"], [data-group-path="${CSS.escape(at)}"]`);
    if (target) {
      target.classList.add('invalid');
      const holder = target.closest('.field') ?? target;
      holder.querySelector(':scope > .field-error')?.remove();
      holder.append(h('span', { class: 'field-error' }, message));
      target.closest('fieldset.depth-0')?.classList.remove('collapsed');
      target.scrollIntoView({ block: 'nearest' });
      return true;
    }
    at = at.slice(0, at.lastIndexOf('/'));
  }
  return false;
}

export function clearFieldErrors(form: HTMLElement): void {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('.invalid').forEach((e) => e.classList.remove('invalid'));
}
