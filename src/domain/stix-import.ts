import { bundleObjects } from './attack.js';
import type { Tlp } from './incident.js';
import { normaliseObservable, type ObservableType } from './observables.js';
import { strictestTlp, tlpOfMarkingDefinition, tlpOfMarkingId } from './stix-markings.js';
import { observableTypeForProperty, parseStixPattern, refineType, scoProperties } from './stix-patterns.js';

/**
 * What a STIX 2.x bundle brings as observables: indicators' equality patterns (IOCs), cyber-observable
 * objects (on their own or in observed-data), and sightings (which mark what they saw as sighted).
 */
export interface StixObservable {
  type: ObservableType;
  value: string;
  ioc: boolean;
  sighted: boolean;
  /** The strictest TLP marking on the objects it came from; null when unmarked. */
  tlp: Tlp | null;
  /** Indicator names and descriptions, for the sighting's note. */
  note: string;
  stix_ids: string[];
}

export interface StixSkip {
  stix_id: string;
  stix_type: string;
  reason: string;
}

export interface StixImportPlan {
  observables: StixObservable[];
  skipped: StixSkip[];
  /** Objects in the bundle, all types. */
  objects: number;
}

const SCO_TYPES = new Set(['ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'email-addr', 'mac-addr', 'file', 'directory', 'windows-registry-key', 'mutex', 'autonomous-system', 'user-account', 'artifact']);

type StixObject = Record<string, unknown> & { type: string; id: string };

export function readStixBundle(bundle: unknown): StixImportPlan {
  const objects = bundleObjects(bundle);
  const markings = new Map<string, Tlp>();
  for (const o of objects) {
    if (o.type !== 'marking-definition') continue;
    const tlp = tlpOfMarkingDefinition(o);
    if (tlp) markings.set(o.id, tlp);
  }
  const tlpOf = (o: Record<string, unknown>) =>
    strictestTlp((Array.isArray(o.object_marking_refs) ? o.object_marking_refs : []).map((ref) => markings.get(String(ref)) ?? tlpOfMarkingId(String(ref))).filter((t): t is Tlp => t !== null));

  const found = new Map<string, StixObservable>();
  const keysOf = new Map<string, string[]>();
  const skipped: StixSkip[] = [];
  const remember = (stixId: string, type: ObservableType, raw: string, flags: { ioc: boolean; tlp: Tlp | null; note: string }): string | null => {
    const normalised = normaliseObservable(refineType(type, raw), raw);
    if (!normalised.ok) return normalised.reason;
    const key = `${normalised.type}\u0000${normalised.value}`;
    const existing = found.get(key);
    if (existing) {
      existing.ioc ||= flags.ioc;
      existing.tlp = strictestTlp([existing.tlp, flags.tlp].filter((t): t is Tlp => t !== null));
      if (!existing.note && flags.note) existing.note = flags.note;
      if (!existing.stix_ids.includes(stixId)) existing.stix_ids.push(stixId);
    } else {
      found.set(key, { type: normalised.type, value: normalised.value, ioc: flags.ioc, sighted: false, tlp: flags.tlp, note: flags.note, stix_ids: [stixId] });
    }
    keysOf.set(stixId, [...(keysOf.get(stixId) ?? []), key]);
    return null;
  };

  const readSco = (stixId: string, sco: Record<string, unknown>, tlp: Tlp | null) => {
    for (const [path, value] of scoProperties(sco)) {
      const type = observableTypeForProperty(String(sco.type), path);
      if (!type) continue;
      const problem = remember(stixId, type, value, { ioc: false, tlp, note: '' });
      if (problem) skipped.push({ stix_id: stixId, stix_type: String(sco.type), reason: `${path}: ${problem}` });
    }
  };

  for (const o of objects) {
    if (o.type === 'indicator') readIndicator(o, tlpOf(o), remember, skipped);
    else if (SCO_TYPES.has(o.type)) readSco(o.id, o, tlpOf(o));
    else if (o.type === 'observed-data' && o.objects && typeof o.objects === 'object') {
      // STIX 2.0 keeps the observed objects inside; 2.1 refers to top-level SCOs read above.
      for (const inner of Object.values(o.objects as Record<string, unknown>)) {
        if (inner && typeof inner === 'object' && SCO_TYPES.has(String((inner as { type?: unknown }).type))) readSco(o.id, inner as Record<string, unknown>, tlpOf(o));
      }
    }
  }
  for (const o of objects) if (o.type === 'observed-data') keysOf.set(o.id, [...(keysOf.get(o.id) ?? []), ...refsOf(o, 'object_refs').flatMap((ref) => keysOf.get(ref) ?? [])]);
  for (const o of objects) {
    if (o.type !== 'sighting') continue;
    const seen = [String(o.sighting_of_ref ?? ''), ...refsOf(o, 'observed_data_refs')].flatMap((ref) => keysOf.get(ref) ?? []);
    for (const key of seen) found.get(key)!.sighted = true;
  }
  return { observables: [...found.values()], skipped, objects: objects.length };
}

const refsOf = (o: StixObject, property: string): string[] => (Array.isArray(o[property]) ? (o[property] as unknown[]).map(String) : []);

function readIndicator(o: StixObject, tlp: Tlp | null, remember: (id: string, type: ObservableType, raw: string, flags: { ioc: boolean; tlp: Tlp | null; note: string }) => string | null, skipped: StixSkip[]) {
  const skip = (reason: string) => skipped.push({ stix_id: o.id, stix_type: 'indicator', reason });
  if (o.pattern_type !== undefined && o.pattern_type !== 'stix') return skip(`pattern_type "${String(o.pattern_type)}" is not imported (only "stix")`);
  if (typeof o.pattern !== 'string') return skip('no pattern');
  const parsed = parseStixPattern(o.pattern);
  if (!parsed.ok) return skip(parsed.reason);
  const note = [o.name, o.description].filter((x): x is string => typeof x === 'string' && x.trim() !== '').join(' — ').slice(0, 2000);
  for (const c of parsed.comparisons) {
    const type = observableTypeForProperty(c.objectType, c.path);
    if (!type) {
      skip(`${c.objectType}:${c.path} has no observable type in Bulwark`);
      continue;
    }
    const problem = remember(o.id, type, c.value, { ioc: true, tlp, note });
    if (problem) skip(`${c.objectType}:${c.path}: ${problem}`);
  }
}
