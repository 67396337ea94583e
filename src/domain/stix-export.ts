import { createHash } from 'node:crypto';
import type { Tlp } from './incident.js';
import type { ObservableType } from './observables.js';
import { markingDefinitionFor } from './stix-markings.js';

/**
 * An incident's observables as a STIX 2.1 bundle: one cyber-observable object per observable, an
 * indicator (with a `based-on` relationship to it) per IOC, a grouping for the incident, the
 * producing organisation as identity, and the TLP marking definitions used. Ids are deterministic
 * (UUIDv5), so exporting twice gives the same objects and consumers de-duplicate them.
 */
export interface ExportedObservable {
  type: ObservableType;
  value: string;
  ioc: boolean;
  tlp: Tlp;
  note: string;
  first_seen_at: string;
  last_seen_at: string;
}

export interface StixExportInput {
  organisation: { id: string; name: string };
  incident: { id: string; number: string; title: string; tlp: Tlp; created_at: string };
  observables: ExportedObservable[];
  now: string;
}

/** The namespace STIX 2.1 fixes for cyber-observable ids, and Bulwark's own for everything else. */
const SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';
const BULWARK_NAMESPACE = '5b0d7e0c-8f3a-4c55-9a0e-3f1d2c6b7a49';

export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** RFC 8785 canonical JSON for the flat objects used in SCO ids (sorted keys, no spaces). */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

const HASH_NAMES: Partial<Record<ObservableType, string>> = { md5: 'MD5', sha1: 'SHA-1', sha256: 'SHA-256', sha512: 'SHA-512' };

/** The SCO for one observable (its id-contributing properties) and the pattern path that finds it; null when STIX has no object for it. */
export function scoFor(type: ObservableType, value: string): { sco: Record<string, unknown>; comparison: string } | null {
  const quoted = `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const hashName = HASH_NAMES[type];
  if (hashName) return { sco: { type: 'file', hashes: { [hashName]: value } }, comparison: `file:hashes.'${hashName}' = ${quoted}` };
  switch (type) {
    case 'ip':
    case 'cidr': {
      const scoType = value.includes(':') ? 'ipv6-addr' : 'ipv4-addr';
      return { sco: { type: scoType, value }, comparison: `${scoType}:value = ${quoted}` };
    }
    case 'domain':
    case 'hostname': return { sco: { type: 'domain-name', value }, comparison: `domain-name:value = ${quoted}` };
    case 'url': return { sco: { type: 'url', value }, comparison: `url:value = ${quoted}` };
    case 'email': return { sco: { type: 'email-addr', value }, comparison: `email-addr:value = ${quoted}` };
    case 'mac': return { sco: { type: 'mac-addr', value }, comparison: `mac-addr:value = ${quoted}` };
    case 'filename': return { sco: { type: 'file', name: value }, comparison: `file:name = ${quoted}` };
    case 'filepath': return { sco: { type: 'directory', path: value }, comparison: `directory:path = ${quoted}` };
    case 'registry_key': return { sco: { type: 'windows-registry-key', key: value }, comparison: `windows-registry-key:key = ${quoted}` };
    case 'user_account': return { sco: { type: 'user-account', account_login: value }, comparison: `user-account:account_login = ${quoted}` };
    case 'mutex': return { sco: { type: 'mutex', name: value }, comparison: `mutex:name = ${quoted}` };
    case 'asn': {
      const number = Number(value.replace(/^AS/i, ''));
      return Number.isSafeInteger(number) ? { sco: { type: 'autonomous-system', number }, comparison: `autonomous-system:number = ${number}` } : null;
    }
    default: return null;
  }
}

export function buildStixBundle(input: StixExportInput): { bundle: Record<string, unknown>; omitted: ExportedObservable[] } {
  const identity = {
    type: 'identity', spec_version: '2.1', id: `identity--${uuidV5(BULWARK_NAMESPACE, `organisation:${input.organisation.id}`)}`,
    created: input.incident.created_at, modified: input.incident.created_at, name: input.organisation.name, identity_class: 'organization',
  };
  const common = (tlp: Tlp) => ({ created_by_ref: identity.id, object_marking_refs: [markingDefinitionFor(tlp).id] });
  const objects: Array<Record<string, unknown>> = [];
  const used = new Set<Tlp>([input.incident.tlp]);
  const omitted: ExportedObservable[] = [];

  for (const o of input.observables) {
    used.add(o.tlp);
    const created = o.first_seen_at;
    const modified = o.last_seen_at > created ? o.last_seen_at : created;
    if (o.type === 'cve') {
      objects.push({ type: 'vulnerability', spec_version: '2.1', id: `vulnerability--${uuidV5(BULWARK_NAMESPACE, `cve:${o.value}`)}`, created, modified, name: o.value, external_references: [{ source_name: 'cve', external_id: o.value }], ...common(o.tlp) });
      continue;
    }
    const found = scoFor(o.type, o.value);
    if (!found) {
      omitted.push(o);
      continue;
    }
    const { type, ...contributing } = found.sco;
    const sco = { type, spec_version: '2.1', id: `${String(type)}--${uuidV5(SCO_NAMESPACE, canonical(contributing))}`, ...contributing, object_marking_refs: [markingDefinitionFor(o.tlp).id] };
    objects.push(sco);
    if (!o.ioc) continue;
    const indicatorId = `indicator--${uuidV5(BULWARK_NAMESPACE, `indicator:${input.organisation.id}:${o.type}:${o.value}`)}`;
    objects.push({
      type: 'indicator', spec_version: '2.1', id: indicatorId, created, modified, name: `${o.type} ${o.value}`.slice(0, 250),
      ...(o.note ? { description: o.note } : {}), indicator_types: ['malicious-activity'], pattern: `[${found.comparison}]`, pattern_type: 'stix', pattern_version: '2.1', valid_from: created, ...common(o.tlp),
    });
    objects.push({
      type: 'relationship', spec_version: '2.1', id: `relationship--${uuidV5(BULWARK_NAMESPACE, `based-on:${indicatorId}:${sco.id}`)}`, created, modified,
      relationship_type: 'based-on', source_ref: indicatorId, target_ref: sco.id, ...common(o.tlp),
    });
  }

  const grouping = objects.length
    ? [{
        type: 'grouping', spec_version: '2.1', id: `grouping--${uuidV5(BULWARK_NAMESPACE, `incident:${input.incident.id}`)}`, created: input.incident.created_at, modified: input.now,
        name: `${input.incident.number}: ${input.incident.title}`, context: 'suspicious-activity', object_refs: objects.map((o) => o.id), ...common(input.incident.tlp),
      }]
    : [];
  const markings = (['clear', 'green', 'amber', 'amber+strict', 'red'] as const).filter((t) => used.has(t)).map(markingDefinitionFor);
  return {
    bundle: { type: 'bundle', id: `bundle--${uuidV5(BULWARK_NAMESPACE, `export:${input.incident.id}:${input.now}`)}`, objects: [...markings, identity, ...grouping, ...objects] },
    omitted,
  };
}
