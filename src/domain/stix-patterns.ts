import type { ObservableType } from './observables.js';

/**
 * The part of the STIX 2.1 patterning language that names indicators of compromise: equality
 * comparisons (`[ipv4-addr:value = '198.51.100.7']`), OR-ed inside one observation or between
 * observations. Anything else (AND, LIKE, MATCHES, qualifiers, FOLLOWEDBY) describes behaviour, not a
 * value to look for, and is reported as unsupported rather than guessed at.
 */
export interface PatternComparison {
  objectType: string;
  path: string;
  value: string;
}

export type ParsedPattern = { ok: true; comparisons: PatternComparison[] } | { ok: false; reason: string };

type Token = { kind: 'open' | 'close' | 'or' | 'eq' | 'string' | 'path' | 'other'; text: string };

function tokenise(pattern: string): Token[] | string {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (/\s/.test(c)) { i += 1; continue; }
    if (c === '[') { tokens.push({ kind: 'open', text: c }); i += 1; continue; }
    if (c === ']') { tokens.push({ kind: 'close', text: c }); i += 1; continue; }
    if (c === "'") {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= pattern.length) return 'a quoted value is not closed';
        const d = pattern[i]!;
        if (d === '\\') {
          const next = pattern[i + 1];
          if (next !== "'" && next !== '\\') return 'only \\\' and \\\\ may be escaped in a quoted value';
          value += next;
          i += 2;
          continue;
        }
        if (d === "'") { i += 1; break; }
        value += d;
        i += 1;
      }
      tokens.push({ kind: 'string', text: value });
      continue;
    }
    const integer = /^-?\d+(?![\w:])/.exec(pattern.slice(i));
    if (integer) { tokens.push({ kind: 'string', text: integer[0] }); i += integer[0].length; continue; }
    // An object path is type:property with dots, [*] / [0] indexes and quoted keys ('SHA-256').
    const path = /^[a-z0-9-]+:(?:[a-z0-9_]+|'[^']*')(?:\.(?:[a-z0-9_]+|'[^']*')|\[(?:\*|\d+)\])*/i.exec(pattern.slice(i));
    if (path) { tokens.push({ kind: 'path', text: path[0] }); i += path[0].length; continue; }
    const word = /^(?:[A-Za-z]+|!=|<=|>=|=|<|>)/.exec(pattern.slice(i));
    if (!word) return `unexpected "${c}"`;
    const text = word[0];
    tokens.push({ kind: text === '=' ? 'eq' : text.toUpperCase() === 'OR' ? 'or' : 'other', text });
    i += text.length;
  }
  return tokens;
}

export function parseStixPattern(pattern: string): ParsedPattern {
  const tokens = tokenise(pattern);
  if (typeof tokens === 'string') return { ok: false, reason: `not a STIX pattern: ${tokens}` };
  const unsupported = tokens.find((t) => t.kind === 'other');
  if (unsupported) return { ok: false, reason: `uses ${unsupported.text.toUpperCase()}; only "=" comparisons joined by OR are imported as indicators` };
  const comparisons: PatternComparison[] = [];
  let i = 0;
  const expect = (kind: Token['kind']) => tokens[i]?.kind === kind;
  while (i < tokens.length) {
    if (!expect('open')) return { ok: false, reason: 'an observation must start with "["' };
    i += 1;
    for (;;) {
      if (!expect('path') || tokens[i + 1]?.kind !== 'eq' || tokens[i + 2]?.kind !== 'string') return { ok: false, reason: 'expected object-type:property = \'value\'' };
      const path = tokens[i]!.text;
      const colon = path.indexOf(':');
      comparisons.push({ objectType: path.slice(0, colon).toLowerCase(), path: path.slice(colon + 1), value: tokens[i + 2]!.text });
      i += 3;
      if (expect('or')) { i += 1; continue; }
      break;
    }
    if (!expect('close')) return { ok: false, reason: 'an observation must end with "]"' };
    i += 1;
    if (i < tokens.length) {
      if (!expect('or')) return { ok: false, reason: 'observations must be joined by OR' };
      i += 1;
      if (i >= tokens.length) return { ok: false, reason: 'nothing after the last OR' };
    }
  }
  if (comparisons.length === 0) return { ok: false, reason: 'the pattern is empty' };
  return { ok: true, comparisons };
}

const HASH_KEYS: Record<string, ObservableType> = { md5: 'md5', 'sha-1': 'sha1', sha1: 'sha1', 'sha-256': 'sha256', sha256: 'sha256', 'sha-512': 'sha512', sha512: 'sha512' };

/** Our observable type for one SCO property, e.g. ("file", "hashes.'SHA-256'") → sha256; null when none fits. */
export function observableTypeForProperty(objectType: string, path: string): ObservableType | null {
  const property = path.replace(/'/g, '').toLowerCase();
  if (property.startsWith('hashes.') && (objectType === 'file' || objectType === 'artifact')) return HASH_KEYS[property.slice('hashes.'.length)] ?? null;
  switch (`${objectType}:${property}`) {
    case 'ipv4-addr:value':
    case 'ipv6-addr:value':
      return 'ip';
    case 'domain-name:value': return 'domain';
    case 'url:value': return 'url';
    case 'email-addr:value':
    case 'email-message:from_ref.value':
    case 'email-message:sender_ref.value':
      return 'email';
    case 'mac-addr:value': return 'mac';
    case 'file:name': return 'filename';
    case 'directory:path': return 'filepath';
    case 'windows-registry-key:key': return 'registry_key';
    case 'mutex:name': return 'mutex';
    case 'autonomous-system:number': return 'asn';
    case 'user-account:account_login':
    case 'user-account:user_id':
      return 'user_account';
    case 'network-traffic:extensions.http-request-ext.request_header.user-agent': return 'user_agent';
    default: return null;
  }
}

/** IP values may carry a prefix length in STIX; ours keeps networks apart as cidr. */
export function refineType(type: ObservableType, value: string): ObservableType {
  return type === 'ip' && value.includes('/') ? 'cidr' : type;
}

/** The properties of a cyber-observable object that become observables: [property path, value]. */
export function scoProperties(object: Record<string, unknown>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const add = (path: string, value: unknown) => {
    if (typeof value === 'string' || typeof value === 'number') out.push([path, String(value)]);
  };
  for (const path of ['value', 'name', 'path', 'key', 'number', 'account_login', 'user_id']) add(path, object[path]);
  const hashes = object.hashes;
  if (hashes && typeof hashes === 'object') for (const [algorithm, digest] of Object.entries(hashes)) add(`hashes.'${algorithm}'`, digest);
  return out;
}
