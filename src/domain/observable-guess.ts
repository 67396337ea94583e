import { normaliseObservable, refang, type NormalisedObservable, type ObservableType } from './observables.js';

/**
 * The type a pasted value most likely is (search box, lookup without a type): the first of these
 * that accepts it. Names need an alphabetic top-level label so that "1.2" or "v1.0" are not taken
 * for domains; free text gives null.
 */
const CANDIDATES: ObservableType[] = ['ip', 'cidr', 'md5', 'sha1', 'sha256', 'sha512', 'mac', 'cve', 'email', 'url', 'domain'];

export function guessObservable(text: string): (NormalisedObservable & { ok: true }) | null {
  const input = refang(text.trim());
  if (input === '' || /\s/.test(input)) return null;
  for (const type of CANDIDATES) {
    if (type === 'url' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) continue;
    if (type === 'email' && (!input.includes('@') || input.includes('/'))) continue;
    if (type === 'mac' && !/[:.-]/.test(input)) continue;
    const result = normaliseObservable(type, input);
    if (!result.ok) continue;
    if (type === 'domain' && !/\.[a-z][a-z0-9-]*[a-z0-9]$|\.xn--[a-z0-9-]+$/.test(result.value)) continue;
    return result;
  }
  if (/^AS\d+$/i.test(input)) return normaliseObservable('asn', input) as NormalisedObservable & { ok: true };
  return null;
}
