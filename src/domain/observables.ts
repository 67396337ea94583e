import { canonicalCidr, canonicalIp, canonicalMac, type Parsed } from './observable-addresses.js';
import { canonicalEmail, canonicalHostName, canonicalUrl } from './observable-names.js';

/**
 * Observables: the technical artefacts of an alert or incident. One canonical, normalised value per
 * type is what makes "seen before" work: `hxxp://Evil[.]example` and `http://evil.example` are the
 * same observable.
 */
export const OBSERVABLE_TYPES = [
  'ip', 'cidr', 'domain', 'hostname', 'url', 'email', 'md5', 'sha1', 'sha256', 'sha512', 'filename',
  'filepath', 'registry_key', 'user_account', 'mac', 'asn', 'cve', 'user_agent', 'mutex', 'other',
] as const;
export type ObservableType = (typeof OBSERVABLE_TYPES)[number];

export const OBSERVABLE_VALUE_MAX_LENGTH = 4096;

export type NormalisedObservable = { ok: true; type: ObservableType; value: string } | { ok: false; reason: string };

export function isObservableType(text: string): text is ObservableType {
  return (OBSERVABLE_TYPES as readonly string[]).includes(text);
}

export const HASH_LENGTHS = { md5: 32, sha1: 40, sha256: 64, sha512: 128 } as const;
export type HashType = keyof typeof HASH_LENGTHS;
const HASH_NAMES: Record<HashType, string> = { md5: 'an MD5', sha1: 'a SHA-1', sha256: 'a SHA-256', sha512: 'a SHA-512' };

/** The hash algorithm a hexadecimal digest's length implies, or null. */
export function hashTypeForLength(hex: string): HashType | null {
  const digest = hex.trim();
  if (!/^[0-9a-f]+$/i.test(digest)) return null;
  for (const [type, length] of Object.entries(HASH_LENGTHS) as [HashType, number][]) {
    if (digest.length === length) return type;
  }
  return null;
}

/**
 * Undoes the usual "defanging" of indicators in reports and mails: hxxp(s)/fxp schemes, [.] (.) {.}
 * [dot] for dots, [@] [at] for "@", [:] and [://] for the scheme separator, and a backslash before a dot.
 */
export function refang(text: string): string {
  return text
    .replace(/\b(h[x*]{2}p)(s?)(?=\[?:)/gi, (_m, _h: string, s: string) => `http${s.toLowerCase()}`)
    .replace(/\bfxp(?=\[?:)/gi, 'ftp')
    .replace(/\[:\/\/\]|\[:\]\/\//g, '://')
    .replace(/\[:\]/g, ':')
    .replace(/\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\{dot\}|\\\./gi, '.')
    .replace(/\[@\]|\(@\)|\{@\}|\[at\]|\(at\)|\{at\}/gi, '@');
}

const NETWORK_TYPES = new Set<ObservableType>(['ip', 'cidr', 'domain', 'hostname', 'url', 'email']);
// Free text may span lines; every other type is a single value on one line.
const MULTI_LINE_TYPES = new Set<ObservableType>(['other']);

const REGISTRY_HIVES: Record<string, string> = {
  HKLM: 'HKEY_LOCAL_MACHINE', HKCU: 'HKEY_CURRENT_USER', HKCR: 'HKEY_CLASSES_ROOT', HKU: 'HKEY_USERS', HKCC: 'HKEY_CURRENT_CONFIG',
};

function canonicalValue(type: ObservableType, value: string): Parsed<string> {
  switch (type) {
    case 'ip': return canonicalIp(value);
    case 'cidr': return canonicalCidr(value);
    case 'domain': return canonicalHostName(value, { needsDot: true });
    case 'hostname': return canonicalHostName(value, { needsDot: false });
    case 'url': return canonicalUrl(value);
    case 'email': return canonicalEmail(value);
    case 'md5': case 'sha1': case 'sha256': case 'sha512': {
      const length = HASH_LENGTHS[type];
      const name = HASH_NAMES[type];
      if (!/^[0-9a-f]*$/i.test(value)) return { ok: false, reason: `${name} hash is hexadecimal (0-9, a-f)` };
      if (value.length !== length) return { ok: false, reason: `${name} hash is ${length} hexadecimal characters, not ${value.length}` };
      return { ok: true, value: value.toLowerCase() };
    }
    case 'mac': return canonicalMac(value);
    case 'asn': {
      const match = /^(?:ASN?\s*)?(\d+)(?:\.(\d+))?$/i.exec(value);
      // "AS1.10" is asdot notation for 1 × 65536 + 10.
      const number = match ? (match[2] === undefined ? Number(match[1]) : Number(match[1]) * 65536 + Number(match[2])) : NaN;
      const asdotOk = match?.[2] === undefined || (Number(match[1]) <= 65535 && Number(match[2]) <= 65535);
      if (!Number.isSafeInteger(number) || number > 4294967295 || !asdotOk) return { ok: false, reason: 'an AS number is "AS" and a number up to 4294967295, e.g. AS64500' };
      return { ok: true, value: `AS${number}` };
    }
    case 'cve': {
      const match = /^CVE[-_](\d{4})[-_](\d{4,})$/i.exec(value);
      if (!match) return { ok: false, reason: 'a CVE id looks like CVE-2024-3094' };
      return { ok: true, value: `CVE-${match[1]}-${match[2]}` };
    }
    case 'filename':
      if (/[/\\]/.test(value)) return { ok: false, reason: 'a file name has no folder part (use type "filepath")' };
      return { ok: true, value };
    case 'registry_key': {
      const [hive = '', ...rest] = value.split('\\');
      const fullHive = REGISTRY_HIVES[hive.toUpperCase()] ?? hive.toUpperCase();
      if (!fullHive.startsWith('HKEY_')) return { ok: false, reason: 'a registry key starts with its hive, e.g. HKLM\\Software\\…' };
      return { ok: true, value: [fullHive, ...rest].join('\\') };
    }
    default: return { ok: true, value };
  }
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Validates and normalises one observable value: trimmed, refanged where it is a network artefact, canonical. */
export function normaliseObservable(type: ObservableType, raw: string): NormalisedObservable {
  if (!isObservableType(type)) return { ok: false, reason: `"${String(type)}" is not an observable type` };
  if (typeof raw !== 'string') return { ok: false, reason: 'the value is not text' };
  if (raw.length > OBSERVABLE_VALUE_MAX_LENGTH * 2) return { ok: false, reason: `a value is at most ${OBSERVABLE_VALUE_MAX_LENGTH} characters` };
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, reason: 'the value is empty' };
  if (trimmed.length > OBSERVABLE_VALUE_MAX_LENGTH) return { ok: false, reason: `a value is at most ${OBSERVABLE_VALUE_MAX_LENGTH} characters` };
  if (trimmed.includes('\u0000')) return { ok: false, reason: 'the value contains a NUL character' };
  if (!MULTI_LINE_TYPES.has(type) && hasControlCharacter(trimmed)) {
    return { ok: false, reason: 'the value contains a line break or another control character' };
  }
  const input = NETWORK_TYPES.has(type) ? refang(trimmed) : trimmed;
  const canonical = canonicalValue(type, input);
  if (!canonical.ok) return canonical;
  if (canonical.value.length > OBSERVABLE_VALUE_MAX_LENGTH) return { ok: false, reason: `a value is at most ${OBSERVABLE_VALUE_MAX_LENGTH} characters` };
  return { ok: true, type, value: canonical.value };
}

/** TheHive's built-in dataTypes; anything else that names one of our types is taken as is, the rest as "other". */
const THEHIVE_DATA_TYPES: Record<string, ObservableType | 'hash'> = {
  ip: 'ip', domain: 'domain', fqdn: 'hostname', url: 'url', mail: 'email', hash: 'hash', filename: 'filename',
  file: 'filename', regexp: 'other', registry: 'registry_key', uri_path: 'other', 'user-agent': 'user_agent',
  'autonomous-system': 'asn', hostname: 'hostname', mail_subject: 'other', other: 'other',
};

export function theHiveDataTypeToObservable(dataType: string, value: string): NormalisedObservable {
  const key = dataType.trim().toLowerCase();
  const mapped = THEHIVE_DATA_TYPES[key] ?? (isObservableType(key) ? key : 'other');
  const trimmed = typeof value === 'string' ? value.trim() : value;
  if (mapped === 'hash') {
    const hashType = hashTypeForLength(trimmed);
    if (hashType === null) return { ok: false, reason: 'a hash is 32 (md5), 40 (sha1), 64 (sha256) or 128 (sha512) hexadecimal characters' };
    return normaliseObservable(hashType, trimmed);
  }
  // TheHive senders put networks under "ip" and full paths under "filename".
  if (mapped === 'ip' && trimmed.includes('/')) return normaliseObservable('cidr', trimmed);
  if (mapped === 'filename' && /[/\\]/.test(trimmed)) return normaliseObservable('filepath', trimmed);
  return normaliseObservable(mapped, trimmed);
}
