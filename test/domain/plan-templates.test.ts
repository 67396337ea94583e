import { describe, expect, it } from 'vitest';
import { renderTemplate, templateVariables, unknownTemplateVariables } from '../../src/domain/plan-templates.js';

describe('communication template variables', () => {
  it('finds variables with or without spaces inside the braces, each once, in order of first use', () => {
    expect(templateVariables('{{incident.title}} – {{ organisation.name }} – {{incident.title}}')).toEqual(['incident.title', 'organisation.name']);
    expect(templateVariables('No variables, {single} braces, {{ }} empty, {{Upper.Case}}')).toEqual([]);
  });

  it('answers the names that are not template variables', () => {
    expect(unknownTemplateVariables('{{incident.number}} {{incident.titel}} {{today}} {{customer_name}}')).toEqual(['incident.titel', 'customer_name']);
    expect(unknownTemplateVariables('Next update at {{next_update_at}}')).toEqual([]);
  });

  it('fills known variables and shows a missing value as [name]', () => {
    expect(renderTemplate('{{organisation.name}} on {{ incident.title }} ({{incident.severity}})', { 'organisation.name': 'Acme', 'incident.title': 'Ransomware' })).toBe('Acme on Ransomware ([incident.severity])');
  });
});
