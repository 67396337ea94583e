import { TEMPLATE_VARIABLES, type TemplateVariable } from './plan.js';

/** `{{ incident.title }}`: double braces, optional spaces, a dotted lower-case name. */
const VARIABLE = /\{\{\s*([a-z_][a-z0-9_.]*)\s*\}\}/g;
const KNOWN: ReadonlySet<string> = new Set(TEMPLATE_VARIABLES);

/** The variable names a template uses, in order of first use. */
export function templateVariables(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(VARIABLE)) if (!names.includes(match[1]!)) names.push(match[1]!);
  return names;
}

/** Names used in the text that are not template variables (a typo would otherwise reach a regulator). */
export function unknownTemplateVariables(text: string): string[] {
  return templateVariables(text).filter((name) => !KNOWN.has(name));
}

/** Fills the variables; one without a value shows as `[name]` so the gap is visible in review. */
export function renderTemplate(text: string, values: Partial<Record<TemplateVariable, string>>): string {
  return text.replace(VARIABLE, (_whole, name: string) => values[name as TemplateVariable] ?? `[${name}]`);
}
