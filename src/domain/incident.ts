/** The vocabulary of an incident record (DESIGN.md, "Incident life cycle"). */

export const BUILTIN_CATEGORIES = [
  'ransomware',
  'malware',
  'phishing',
  'business_email_compromise',
  'account_compromise',
  'data_breach',
  'denial_of_service',
  'insider',
  'lost_or_stolen_device',
  'web_application',
  'supply_chain',
  'other',
] as const;
export type BuiltinCategory = (typeof BUILTIN_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<BuiltinCategory, string> = {
  ransomware: 'Ransomware',
  malware: 'Malware',
  phishing: 'Phishing',
  business_email_compromise: 'Business e-mail compromise',
  account_compromise: 'Account compromise',
  data_breach: 'Data breach',
  denial_of_service: 'Denial of service',
  insider: 'Insider',
  lost_or_stolen_device: 'Lost or stolen device',
  web_application: 'Web application',
  supply_chain: 'Supply chain',
  other: 'Other',
};

/** Custom categories are lower-case keys like the built-in ones. */
export const CATEGORY_KEY_PATTERN = /^[a-z][a-z0-9_]{1,62}$/;

/** Traffic Light Protocol 2.0 (FIRST). */
export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];

export const RESOLUTIONS = ['true_positive', 'false_positive', 'benign', 'duplicate'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/** 1 is critical, 4 is low. */
export const SEVERITIES = [1, 2, 3, 4] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, string> = { 1: 'Critical', 2: 'High', 3: 'Medium', 4: 'Low' };

export const TIMESTAMP_FIELDS = [
  'occurred_at',
  'detected_at',
  'reported_at',
  'acknowledged_at',
  'contained_at',
  'eradicated_at',
  'recovered_at',
  'closed_at',
] as const;
export type TimestampField = (typeof TIMESTAMP_FIELDS)[number];

export const TITLE_MAX = 300;
/** Markdown fields (summary, notes, task descriptions) are limited to 1,000,000 characters. */
export const MARKDOWN_MAX = 1_000_000;
export const TAG_MAX = 64;
export const TAGS_MAX = 50;

/** The human number, e.g. INC-2026-0042: per organisation and year, at least four digits. */
export function formatIncidentNumber(year: number, sequence: number): string {
  return `INC-${year}-${String(sequence).padStart(4, '0')}`;
}

export const INCIDENT_NUMBER_PATTERN = /^INC-(\d{4})-(\d{4,})$/i;

/** Tags are trimmed and lower-cased so `Ransomware` and `ransomware ` are one tag. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0))].sort();
}
