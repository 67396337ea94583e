import { domainToASCII } from 'node:url';
import { canonicalIp, type Parsed } from './observable-addresses.js';

/**
 * Names in their canonical form: host names lower-case and in punycode (IDNA), e-mail addresses
 * lower-case with that host part, URLs with a lower-case scheme and host. Paths and queries keep their
 * case: they may be case-sensitive on the server that owns them.
 */
const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

export function canonicalHostName(text: string, { needsDot }: { needsDot: boolean }): Parsed<string> {
  const withoutRootDot = text.endsWith('.') ? text.slice(0, -1) : text;
  if (withoutRootDot === '') return fail('a host name is empty');
  if (/[\s/\\@:?#]/.test(withoutRootDot)) return fail('a host name has no spaces, slashes, "@", ":", "?" or "#"');
  // domainToASCII answers '' for a name IDNA refuses (e.g. disallowed code points).
  const ascii = /^[\x21-\x7e]*$/.test(withoutRootDot) ? withoutRootDot.toLowerCase() : domainToASCII(withoutRootDot);
  if (ascii === '') return fail('not a valid internationalised domain name');
  if (ascii.length > 253) return fail('a host name is at most 253 characters');
  const labels = ascii.split('.');
  for (const label of labels) {
    if (!LABEL.test(label)) return fail(`"${label}" is not a valid label (letters, digits, "-" or "_", 1–63 characters, no "-" at either end)`);
  }
  if (needsDot && labels.length < 2) return fail('a domain has at least two labels, e.g. example.com (use type "hostname" for a single name)');
  if (labels.every((label) => /^\d+$/.test(label))) return fail('this is an IP address, not a name (use type "ip")');
  return { ok: true, value: ascii };
}

export function canonicalEmail(text: string): Parsed<string> {
  const address = text.replace(/^mailto:/i, '');
  const at = address.lastIndexOf('@');
  if (at <= 0) return fail('an e-mail address has a local part, "@" and a domain');
  // Local parts are case-sensitive on paper and never in practice; one case makes "seen before" find them.
  const local = address.slice(0, at).toLowerCase();
  if (local.length > 64) return fail('the part before "@" is at most 64 characters');
  if (/\s/.test(local)) return fail('the part before "@" has no spaces');
  const domainPart = address.slice(at + 1);
  if (domainPart.startsWith('[') && domainPart.endsWith(']')) {
    const ip = canonicalIp(domainPart.slice(1, -1).replace(/^ipv6:/i, ''));
    return ip.ok ? { ok: true, value: `${local}@[${ip.value.includes(':') ? 'IPv6:' : ''}${ip.value}]` } : ip;
  }
  const domain = canonicalHostName(domainPart, { needsDot: false });
  if (!domain.ok) return fail(`the domain after "@" is invalid: ${domain.reason}`);
  return { ok: true, value: `${local}@${domain.value}` };
}

/** Host, optionally bracketed IPv6, optionally with a port. */
function canonicalAuthorityHost(hostPort: string): Parsed<string> {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(hostPort);
  if (bracketed) {
    const ip = canonicalIp(bracketed[1] ?? '');
    if (!ip.ok) return ip;
    return { ok: true, value: `[${ip.value}]${bracketed[2] !== undefined ? `:${bracketed[2]}` : ''}` };
  }
  const portMatch = /^(.*):(\d{1,5})$/.exec(hostPort);
  const host = portMatch ? (portMatch[1] ?? '') : hostPort;
  const port = portMatch ? `:${portMatch[2]}` : '';
  if (/^[\d.]+$/.test(host)) {
    const ip = canonicalIp(host);
    return ip.ok ? { ok: true, value: ip.value + port } : ip;
  }
  const name = canonicalHostName(host, { needsDot: false });
  return name.ok ? { ok: true, value: name.value + port } : fail(`the host is invalid: ${name.reason}`);
}

/**
 * A URL keeps everything a person wrote except the case of its scheme and host. Without a scheme
 * ("evil.example/payload") it stays scheme-less rather than guessing http or https.
 */
export function canonicalUrl(text: string): Parsed<string> {
  if (/\s/.test(text)) return fail('a URL has no spaces (encode them as %20)');
  const schemeMatch = /^([a-z][a-z0-9+.-]*):(\/\/)?/i.exec(text);
  const hasAuthority = schemeMatch ? schemeMatch[2] !== undefined : true;
  const scheme = schemeMatch ? `${(schemeMatch[1] ?? '').toLowerCase()}:${schemeMatch[2] ?? ''}` : '';
  const rest = schemeMatch ? text.slice(schemeMatch[0].length) : text;
  if (!hasAuthority) {
    if (rest === '') return fail('a URL has something after its scheme');
    return { ok: true, value: scheme + rest };
  }
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
  const tail = authorityEnd < 0 ? '' : rest.slice(authorityEnd);
  const at = authority.lastIndexOf('@');
  const userInfo = at >= 0 ? authority.slice(0, at + 1) : '';
  const hostPort = authority.slice(at + 1);
  if (hostPort === '') {
    if (schemeMatch?.[1]?.toLowerCase() === 'file') return { ok: true, value: scheme + tail };
    return fail('a URL names a host, e.g. https://example.com/path');
  }
  const host = canonicalAuthorityHost(hostPort);
  if (!host.ok) return host;
  return { ok: true, value: scheme + userInfo + host.value + tail };
}
