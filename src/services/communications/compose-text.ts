import { invalid, type FieldProblem } from '../../domain/errors.js';
import type { Channel, TemplateVariable } from '../../domain/plan.js';
import { renderTemplate, unknownTemplateVariables } from '../../domain/plan-templates.js';

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

/**
 * Fills the variables of a subject and body. A variable that does not exist is refused, naming it,
 * before anything is saved: a typo must not reach a regulator as `{{incident.titel}}`.
 */
export function composeText(text: { subject: string; body: string }, values: Partial<Record<TemplateVariable, string>>): { subject: string; body: string } {
  const problems: FieldProblem[] = [];
  for (const field of ['subject', 'body'] as const) {
    const unknown = unknownTemplateVariables(text[field]);
    if (unknown.length) problems.push({ path: field, message: `unknown variable${unknown.length > 1 ? 's' : ''}: ${unknown.map((n) => `{{${n}}}`).join(', ')}` });
  }
  if (problems.length) {
    const names = [...new Set(problems.flatMap((p) => p.message.replace(/^[^:]+: /, '').split(', ')))];
    throw invalid(`The text uses variables that do not exist: ${names.join(', ')}. Use one of the listed template variables, or write the value out.`, problems);
  }
  return { subject: renderTemplate(text.subject, values).trim(), body: renderTemplate(text.body, values) };
}

/** E-mail communications need addresses; other channels name their recipients freely ("BaFin, via the MVP portal"). */
export function checkRecipients(channel: Channel, recipients: string[]): string[] {
  const cleaned = [...new Set(recipients.map((r) => r.trim()).filter(Boolean))];
  if (channel === 'email') {
    const problems = cleaned.flatMap((r, i) => (ADDRESS.test(r) ? [] : [{ path: `recipients.${i}`, message: `not an e-mail address: ${r}` }]));
    if (problems.length) throw invalid('An e-mail communication needs e-mail addresses as recipients.', problems);
  }
  return cleaned;
}
