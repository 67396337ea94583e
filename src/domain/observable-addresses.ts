/**
 * Network addresses in their canonical text form: dotted-quad IPv4, RFC 5952 IPv6, CIDR networks
 * with the host bits cleared, and colon-separated lower-case MAC addresses. Each parser answers
 * either the canonical string or a reason a person can act on.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

export function parseIPv4(text: string): Parsed<number[]> {
  const parts = text.split('.');
  if (parts.length !== 4) return fail('an IPv4 address has four dot-separated numbers');
  const octets: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return fail(`"${part}" is not a number from 0 to 255`);
    // 010 means 8 to some parsers and 10 to others; refuse to guess.
    if (part.length > 1 && part.startsWith('0')) return fail(`"${part}" has a leading zero, which is ambiguous`);
    const octet = Number(part);
    if (octet > 255) return fail(`${octet} is larger than 255`);
    octets.push(octet);
  }
  return { ok: true, value: octets };
}

/** Sixteen-bit groups of an IPv6 address, accepting "::" and a trailing dotted IPv4. */
export function parseIPv6(text: string): Parsed<number[]> {
  let body = text;
  if (body.includes('%')) return fail('an IPv6 zone index (%…) is local to one machine and cannot be kept');
  let tail: number[] = [];
  const lastColon = body.lastIndexOf(':');
  if (body.slice(lastColon + 1).includes('.')) {
    const v4 = parseIPv4(body.slice(lastColon + 1));
    if (!v4.ok) return fail(`the embedded IPv4 part is invalid: ${v4.reason}`);
    const [a = 0, b = 0, c = 0, d = 0] = v4.value;
    tail = [(a << 8) | b, (c << 8) | d];
    body = body.slice(0, lastColon + 1);
    if (!body.endsWith('::')) body = body.slice(0, -1);
  }
  const halves = body.split('::');
  if (halves.length > 2) return fail('an IPv6 address may contain "::" only once');
  const readGroups = (half: string | undefined): number[] | null => {
    if (!half) return [];
    const groups: number[] = [];
    for (const group of half.split(':')) {
      if (!/^[0-9a-f]{1,4}$/i.test(group)) return null;
      groups.push(parseInt(group, 16));
    }
    return groups;
  };
  const head = readGroups(halves[0]);
  const rest = readGroups(halves[1]);
  if (head === null || rest === null) return fail('an IPv6 address has groups of one to four hexadecimal digits');
  const given = head.length + rest.length + tail.length;
  if (halves.length === 1) {
    if (given !== 8) return fail('an IPv6 address has eight groups (or "::" for a run of zeros)');
    return { ok: true, value: [...head, ...tail] };
  }
  if (given > 7) return fail('an IPv6 address has at most eight groups');
  return { ok: true, value: [...head, ...new Array<number>(8 - given).fill(0), ...rest, ...tail] };
}

export function formatIPv4(octets: number[]): string {
  return octets.join('.');
}

/** RFC 5952: lower case, no leading zeros, the longest run (≥ 2) of zero groups as "::", first one on a tie. */
export function formatIPv6(groups: number[]): string {
  const isMapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (isMapped) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return `::ffff:${formatIPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff])}`;
  }
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length++;
    if (length > bestLength) {
      bestStart = start;
      bestLength = length;
    }
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

export function canonicalIp(text: string): Parsed<string> {
  const unbracketed = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (unbracketed.includes(':')) {
    const v6 = parseIPv6(unbracketed);
    return v6.ok ? { ok: true, value: formatIPv6(v6.value) } : v6;
  }
  if (!/^[\d.]+$/.test(unbracketed)) return fail('not an IPv4 or IPv6 address');
  const v4 = parseIPv4(unbracketed);
  return v4.ok ? { ok: true, value: formatIPv4(v4.value) } : v4;
}

/** Clears every bit after the first `prefix` bits of big-endian units of `width` bits each. */
function maskUnits(units: number[], width: number, prefix: number): number[] {
  return units.map((unit, index) => {
    const keep = Math.max(0, Math.min(width, prefix - index * width));
    const mask = keep === 0 ? 0 : ((0xffff << (width - keep)) & ((1 << width) - 1));
    return unit & mask;
  });
}

export function canonicalCidr(text: string): Parsed<string> {
  const slash = text.indexOf('/');
  if (slash < 0) return fail('a CIDR network needs a /prefix length, e.g. 10.0.0.0/8 (use type "ip" for one address)');
  const address = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return fail(`"${prefixText}" is not a prefix length`);
  const prefix = Number(prefixText);
  if (address.includes(':')) {
    const v6 = parseIPv6(address);
    if (!v6.ok) return v6;
    if (prefix > 128) return fail('an IPv6 prefix length is at most 128');
    return { ok: true, value: `${formatIPv6(maskUnits(v6.value, 16, prefix))}/${prefix}` };
  }
  const v4 = parseIPv4(address);
  if (!v4.ok) return v4;
  if (prefix > 32) return fail('an IPv4 prefix length is at most 32');
  return { ok: true, value: `${formatIPv4(maskUnits(v4.value, 8, prefix))}/${prefix}` };
}

export function canonicalMac(text: string): Parsed<string> {
  const compact = /^[0-9a-f]{2}([:-])[0-9a-f]{2}(\1[0-9a-f]{2}){4}$/i.test(text)
    ? text.replace(/[:-]/g, '')
    : /^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i.test(text)
      ? text.replace(/\./g, '')
      : /^[0-9a-f]{12}$/i.test(text)
        ? text
        : null;
  if (compact === null) return fail('a MAC address is six hexadecimal pairs, e.g. 00:1a:2b:3c:4d:5e');
  return { ok: true, value: compact.toLowerCase().match(/../g)!.join(':') };
}
