/** The REST API's observable shapes (GET /api/v1/observables/…, /api/v1/incidents/{id}/observables). */
export const OBSERVABLE_TYPE_LABELS: Record<string, string> = {
  ip: 'IP address',
  cidr: 'Network (CIDR)',
  domain: 'Domain',
  hostname: 'Host name',
  url: 'URL',
  email: 'E-mail address',
  md5: 'MD5',
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha512: 'SHA-512',
  filename: 'File name',
  filepath: 'File path',
  registry_key: 'Registry key',
  user_account: 'User account',
  mac: 'MAC address',
  asn: 'AS number',
  cve: 'CVE',
  user_agent: 'User agent',
  mutex: 'Mutex',
  other: 'Other',
};

export type ObservableType = keyof typeof OBSERVABLE_TYPE_LABELS;

export interface Observable {
  id: string;
  type: ObservableType;
  value: string;
  ignore_similarity: boolean;
  created_at: string;
  updated_at: string;
  version: number;
}

export type SightingSubject =
  | { type: 'incident'; id: string; number: string; title: string; phase: string; severity: number }
  | { type: 'alert'; id: string; title: string; source: string; status: string; severity: number };

export interface Sighting {
  id: string;
  observable: { id: string; type: ObservableType; value: string; ignore_similarity: boolean };
  subject: SightingSubject;
  ioc: boolean;
  sighted: boolean;
  tlp: string;
  tags: string[];
  note: string;
  count: number;
  first_seen_at: string;
  last_seen_at: string;
  version: number;
  seen_elsewhere?: number;
}

export interface ObservableHistory {
  type: ObservableType;
  value: string;
  observable: Observable | null;
  summary: { incidents: number; alerts: number; times_seen: number; first_seen_at: string | null; last_seen_at: string | null };
  sightings: { items: Sighting[]; next_cursor: string | null };
}

export interface NewObservable {
  type: ObservableType;
  value: string;
  ioc?: boolean;
  sighted?: boolean;
  tlp?: string;
  tags?: string[];
  note?: string;
}

export type SightingChanges = Partial<Pick<Sighting, 'ioc' | 'sighted' | 'tlp' | 'tags' | 'note'>>;
