import { invalid, type FieldProblem } from './errors.js';

/**
 * Reads an OSCAL catalog (JSON, https://pages.nist.gov/OSCAL/) into the flat list of controls the
 * register keeps: catalog → groups (nested groups allowed) → controls → nested controls
 * (enhancements, subcategories). Strict: a document that is not an OSCAL catalog is refused with
 * the reason, and nothing is read from it.
 */
export interface OscalControl {
  /** The OSCAL control id (`ac-2.1`, `GV.OC-01`). */
  id: string;
  /** What people call it: the `label` prop when it is a short code (`AC-2(1)`), else the id. Unique in the catalog. */
  ref: string;
  label: string | null;
  title: string;
  /** The statement part's prose, sub-items on their own lines with their labels, parameters written out. */
  description: string;
  class: string | null;
  /** Title of the group the control sits in ('' for controls outside any group). */
  family: string;
  /** ref of the control this one enhances or refines; null at the top. */
  parent_ref: string | null;
  /** Document order, from 0. */
  position: number;
  /** `props: status=withdrawn`: kept by NIST for history, not to be implemented. */
  withdrawn: boolean;
}

export interface OscalCatalog {
  uuid: string;
  title: string;
  version: string | null;
  oscal_version: string | null;
  controls: OscalControl[];
}

/** The most controls one catalog may hold (SP 800-53 Rev. 5 has 1,189 with enhancements). */
export const OSCAL_CONTROL_LIMIT = 20_000;
export const CONTROL_TITLE_MAX = 500;
export const CONTROL_DESCRIPTION_MAX = 100_000;
const MAX_PROBLEMS = 20;
const MAX_DEPTH = 20;

type Obj = Record<string, unknown>;
const isObject = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** OSCAL documents that are not catalogs, by their root key, and what to do instead. */
const OTHER_MODELS: Record<string, string> = {
  profile: 'an OSCAL profile, not a catalog: resolve it into a catalog first (NIST publishes each SP 800-53 baseline resolved, as …-resolved-profile_catalog.json)',
  'component-definition': 'an OSCAL component definition, not a catalog',
  'system-security-plan': 'an OSCAL system security plan, not a catalog',
  'assessment-plan': 'an OSCAL assessment plan, not a catalog',
  'assessment-results': 'OSCAL assessment results, not a catalog',
  'plan-of-action-and-milestones': 'an OSCAL plan of action and milestones, not a catalog',
};

function refuse(reason: string, errors: FieldProblem[]): never {
  throw invalid(`Not an OSCAL catalog: ${reason}.`, errors);
}

/** The `name` prop's value, if any. */
function prop(item: Obj, name: string): string | null {
  for (const p of list(item.props)) if (isObject(p) && p.name === name && typeof p.value === 'string') return p.value;
  return null;
}

/** The label: the one without a class when there are several (SP 800-53 5.1 adds `zero-padded` and `sp800-53a` variants). */
function labelOf(item: Obj): string | null {
  const labels = list(item.props).filter((p): p is Obj => isObject(p) && p.name === 'label' && typeof p.value === 'string');
  return ((labels.find((p) => p.class === undefined) ?? labels[0])?.value as string | undefined) ?? null;
}

/** Every parameter of the catalog by id: how `{{ insert: param, … }}` is written out. */
function collectParams(catalog: Obj): Map<string, Obj> {
  const params = new Map<string, Obj>();
  const visit = (item: Obj, depth: number) => {
    if (depth > MAX_DEPTH) return;
    for (const p of list(item.params)) if (isObject(p) && typeof p.id === 'string') params.set(p.id, p);
    for (const child of [...list(item.groups), ...list(item.controls)]) if (isObject(child)) visit(child, depth + 1);
  };
  visit(catalog, 0);
  return params;
}

const INSERT = /\{\{\s*insert:\s*([\w-]+)\s*,\s*([^\s}]+)\s*\}\}/g;

/** A parameter as SP 800-53 prints it: `[Assignment: organization-defined frequency]`, `[Selection (one or more): a; b]`. */
function writeParam(param: Obj | undefined, id: string, params: Map<string, Obj>, depth: number): string {
  if (!param) return `[Assignment: ${id}]`;
  const values = list(param.values).filter((v): v is string => typeof v === 'string');
  if (values.length) return values.join(', ');
  if (isObject(param.select)) {
    const choices = list(param.select.choice).filter((c): c is string => typeof c === 'string').map((c) => withParams(c, params, depth + 1));
    return `[Selection${param.select['how-many'] === 'one-or-more' ? ' (one or more)' : ''}: ${choices.join('; ')}]`;
  }
  return `[Assignment: ${text(param.label) ?? id}]`;
}

function withParams(prose: string, params: Map<string, Obj>, depth = 0): string {
  if (depth > 3) return prose;
  return prose.replace(INSERT, (_all, kind: string, id: string) => (kind === 'param' ? writeParam(params.get(id), id, params, depth) : id));
}

/** A statement part and its items as lines: `a. Develop …`, sub-items indented under their parent. */
function flattenPart(part: Obj, params: Map<string, Obj>, depth: number, lines: string[]): void {
  if (depth > MAX_DEPTH) return;
  const label = labelOf(part);
  const prose = typeof part.prose === 'string' ? withParams(part.prose, params).replace(/\s+/g, ' ').trim() : '';
  const line = [label, prose].filter(Boolean).join(' ');
  if (line) lines.push(`${'  '.repeat(Math.max(0, depth - 1))}${line}`);
  for (const child of list(part.parts)) if (isObject(child) && (child.name === 'item' || child.name === undefined)) flattenPart(child, params, depth + 1, lines);
}

function statementOf(control: Obj, params: Map<string, Obj>): string {
  const statement = list(control.parts).find((p): p is Obj => isObject(p) && p.name === 'statement');
  if (!statement) return '';
  const lines: string[] = [];
  flattenPart(statement, params, 0, lines);
  return lines.join('\n').slice(0, CONTROL_DESCRIPTION_MAX);
}

/** A label usable as a ref: a short code without spaces (`AC-2(1)`, `GV.OC-01`), not a sentence. */
const CODE_LIKE = /^[A-Za-z0-9][\w.\-()]{0,39}$/;

/** Reads and checks an OSCAL catalog document; throws a 400 naming every problem (up to 20) otherwise. */
export function readOscalCatalog(document: unknown): OscalCatalog {
  if (!isObject(document)) refuse('an OSCAL catalog is a JSON object with a top-level "catalog"', [{ path: '', message: 'expected a JSON object' }]);
  const other = Object.keys(document).find((key) => key in OTHER_MODELS);
  if (!isObject(document.catalog)) {
    if (other) refuse(`this is ${OTHER_MODELS[other]}`, [{ path: other, message: 'not a catalog' }]);
    refuse('the document has no top-level "catalog" object', [{ path: 'catalog', message: 'required' }]);
  }
  const catalog = document.catalog;
  const problems: FieldProblem[] = [];
  const uuid = text(catalog.uuid);
  if (!uuid) problems.push({ path: 'catalog.uuid', message: 'required: every OSCAL catalog has a uuid' });
  const metadata = isObject(catalog.metadata) ? catalog.metadata : null;
  const title = metadata ? text(metadata.title) : null;
  if (!title) problems.push({ path: 'catalog.metadata.title', message: 'required: the catalog is stored under its title' });
  if (!Array.isArray(catalog.groups) && !Array.isArray(catalog.controls)) problems.push({ path: 'catalog.groups', message: 'an OSCAL catalog lists its controls in "groups" or "controls"' });
  if (problems.length) refuse(problems.map((p) => `${p.path} is missing`).join(', '), problems);

  const params = collectParams(catalog);
  const controls: OscalControl[] = [];
  const refs = new Map<string, string>();
  const ids = new Set<string>();
  let tooMany = false;
  const problem = (path: string, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ path, message });
  };

  const readControl = (item: unknown, path: string, family: string, parentRef: string | null, depth: number) => {
    if (controls.length >= OSCAL_CONTROL_LIMIT) {
      tooMany = true;
      return;
    }
    if (!isObject(item)) return problem(path, 'a control is an object');
    const id = text(item.id);
    const controlTitle = text(item.title);
    if (!id) problem(`${path}.id`, 'every control needs an id');
    if (!controlTitle) problem(`${path}.title`, 'every control needs a title');
    if (!id || !controlTitle) return;
    if (ids.has(id)) return problem(`${path}.id`, `the id "${id}" is used twice`);
    ids.add(id);
    const label = text(labelOf(item));
    const ref = label && CODE_LIKE.test(label) && !refs.has(label) ? label : id;
    if (refs.has(ref)) return problem(`${path}.id`, `"${ref}" names two controls`);
    refs.set(ref, id);
    controls.push({
      id,
      ref,
      label,
      title: controlTitle.slice(0, CONTROL_TITLE_MAX),
      description: statementOf(item, params),
      class: text(item.class),
      family,
      parent_ref: parentRef,
      position: controls.length,
      withdrawn: prop(item, 'status') === 'withdrawn',
    });
    if (depth >= MAX_DEPTH) return;
    list(item.controls).forEach((child, i) => readControl(child, `${path}.controls.${i}`, family, ref, depth + 1));
  };

  const readGroup = (group: unknown, path: string, depth: number) => {
    if (!isObject(group)) return problem(path, 'a group is an object');
    const family = text(group.title) ?? text(group.id) ?? '';
    if (depth >= MAX_DEPTH) return;
    list(group.controls).forEach((control, i) => readControl(control, `${path}.controls.${i}`, family, null, depth + 1));
    list(group.groups).forEach((child, i) => readGroup(child, `${path}.groups.${i}`, depth + 1));
  };

  list(catalog.controls).forEach((control, i) => readControl(control, `catalog.controls.${i}`, '', null, 0));
  list(catalog.groups).forEach((group, i) => readGroup(group, `catalog.groups.${i}`, 0));

  if (tooMany) refuse(`it holds more than ${OSCAL_CONTROL_LIMIT} controls`, [{ path: 'catalog', message: `at most ${OSCAL_CONTROL_LIMIT} controls` }]);
  if (problems.length) refuse(`${problems.length === MAX_PROBLEMS ? 'at least ' : ''}${problems.length} control${problems.length === 1 ? ' is' : 's are'} malformed`, problems);
  if (controls.length === 0) refuse('it holds no controls', [{ path: 'catalog.groups', message: 'no controls' }]);
  return { uuid: uuid!, title: title!, version: text(metadata!.version), oscal_version: text(metadata!['oscal-version']), controls };
}
