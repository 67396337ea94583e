import { describe, expect, it } from 'vitest';
import { guessObservable } from '../../src/domain/observable-guess.js';
import { hashTypeForLength, normaliseObservable, OBSERVABLE_TYPES, refang, theHiveDataTypeToObservable, type ObservableType } from '../../src/domain/observables.js';

const value = (type: ObservableType, raw: string) => {
  const result = normaliseObservable(type, raw);
  if (!result.ok) throw new Error(`${type} ${raw}: ${result.reason}`);
  return result.value;
};
const reason = (type: ObservableType, raw: string) => {
  const result = normaliseObservable(type, raw);
  if (result.ok) throw new Error(`${type} ${raw} was accepted as ${result.value}`);
  return result.reason;
};

describe('observable normalisation', () => {
  it('has the twenty types of the issue', () => {
    expect(OBSERVABLE_TYPES).toHaveLength(20);
  });

  it('refangs the usual defanging', () => {
    expect(refang('hxxps://evil[.]example(.)com/x')).toBe('https://evil.example.com/x');
    expect(refang('hXXp[:]//a{.}b')).toBe('http://a.b');
    expect(refang('fxp[://]files[dot]example')).toBe('ftp://files.example');
    expect(refang('bob[@]corp[.]example and alice[at]corp\\.example')).toBe('bob@corp.example and alice@corp.example');
  });

  it('writes IPv4 and IPv6 addresses canonically (RFC 5952)', () => {
    expect(value('ip', ' 10[.]0[.]0[.]1 ')).toBe('10.0.0.1');
    expect(value('ip', '2001:0DB8:0000:0000:0001:0000:0000:0001')).toBe('2001:db8::1:0:0:1');
    expect(value('ip', '2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
    expect(value('ip', '2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1');
    expect(value('ip', '[::1]')).toBe('::1');
    expect(value('ip', '0:0:0:0:0:0:0:0')).toBe('::');
    expect(value('ip', '::FFFF:192.0.2.1')).toBe('::ffff:192.0.2.1');
    expect(value('ip', '64:ff9b::192.0.2.33')).toBe('64:ff9b::c000:221');
  });

  it('refuses what is not an IP address, saying why', () => {
    expect(reason('ip', '256.1.1.1')).toMatch(/larger than 255/);
    expect(reason('ip', '1.2.3')).toMatch(/four/);
    expect(reason('ip', '010.0.0.1')).toMatch(/leading zero/);
    expect(reason('ip', 'evil.example')).toMatch(/not an IPv4 or IPv6/);
    expect(reason('ip', '1::2::3')).toMatch(/only once/);
    expect(reason('ip', '1:2:3:4:5:6:7:8:9')).toMatch(/eight groups/);
    expect(reason('ip', 'fe80::1%eth0')).toMatch(/zone/);
  });

  it('clears the host bits of a CIDR network', () => {
    expect(value('cidr', '10.1.2.3/8')).toBe('10.0.0.0/8');
    expect(value('cidr', '192.168.1.77/32')).toBe('192.168.1.77/32');
    expect(value('cidr', '2001:db8:abcd:12::1/33')).toBe('2001:db8:8000::/33');
    expect(reason('cidr', '10.0.0.0/33')).toMatch(/at most 32/);
    expect(reason('cidr', '10.0.0.1')).toMatch(/prefix/);
  });

  it('lower-cases names and encodes international ones as punycode', () => {
    expect(value('domain', 'Evil[.]Example.COM.')).toBe('evil.example.com');
    expect(value('domain', 'bücher.example')).toBe('xn--bcher-kva.example');
    expect(value('hostname', 'WS-042')).toBe('ws-042');
    expect(reason('domain', 'localhost')).toMatch(/two labels/);
    expect(reason('domain', '-bad.example')).toMatch(/not a valid label/);
    expect(reason('domain', '10.0.0.1')).toMatch(/IP address/);
    expect(reason('domain', 'a b.example')).toMatch(/spaces/);
  });

  it('keeps a URL as written except its scheme and host', () => {
    expect(value('url', 'hxxps://Evil[.]Example.com:8443/Path?Q=A#F')).toBe('https://evil.example.com:8443/Path?Q=A#F');
    expect(value('url', 'HTTP://user@[2001:DB8:0::1]/x')).toBe('http://user@[2001:db8::1]/x');
    expect(value('url', 'https://bücher.example/ä')).toBe('https://xn--bcher-kva.example/ä');
    expect(value('url', 'Evil.Example/Payload.exe')).toBe('evil.example/Payload.exe');
    expect(reason('url', 'http:///nohost')).toMatch(/names a host/);
    expect(reason('url', 'http://a b/')).toMatch(/spaces/);
  });

  it('lower-cases e-mail addresses and encodes an international domain', () => {
    expect(value('email', 'John.Doe[@]Example[.]COM')).toBe('john.doe@example.com');
    expect(value('email', 'mailto:ceo@Bücher.example')).toBe('ceo@xn--bcher-kva.example');
    expect(reason('email', 'no-at-sign')).toMatch(/@/);
  });

  it('checks hashes by exact length and lower-cases them', () => {
    expect(value('md5', 'D41D8CD98F00B204E9800998ECF8427E')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(reason('md5', 'd41d8cd98f00b204e9800998ecf8427')).toBe('an MD5 hash is 32 hexadecimal characters, not 31');
    expect(reason('sha256', 'xyz')).toMatch(/hexadecimal/);
    expect(value('sha1', 'da39a3ee5e6b4b0d3255bfef95601890afd80709')).toHaveLength(40);
    expect(hashTypeForLength('a'.repeat(32))).toBe('md5');
    expect(hashTypeForLength('a'.repeat(40))).toBe('sha1');
    expect(hashTypeForLength('a'.repeat(64))).toBe('sha256');
    expect(hashTypeForLength('a'.repeat(128))).toBe('sha512');
    expect(hashTypeForLength('a'.repeat(33))).toBeNull();
    expect(hashTypeForLength('g'.repeat(32))).toBeNull();
  });

  it('writes MAC addresses, AS numbers, CVE ids and registry keys one way', () => {
    for (const mac of ['00-1A-2B-3C-4D-5E', '001a.2b3c.4d5e', '001A2B3C4D5E', '00:1a:2b:3c:4d:5e']) expect(value('mac', mac)).toBe('00:1a:2b:3c:4d:5e');
    expect(reason('mac', '00:1a:2b')).toMatch(/six/);
    expect(value('asn', 'as64500')).toBe('AS64500');
    expect(value('asn', '64500')).toBe('AS64500');
    expect(value('asn', 'AS1.10')).toBe('AS65546');
    expect(reason('asn', 'AS4294967296')).toMatch(/4294967295/);
    expect(value('cve', 'cve-2021-44228')).toBe('CVE-2021-44228');
    expect(reason('cve', 'CVE-21-1')).toMatch(/CVE-/);
    expect(value('registry_key', 'hklm\\Software\\Microsoft\\Windows\\CurrentVersion\\Run')).toBe('HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Windows\\CurrentVersion\\Run');
    expect(reason('registry_key', 'Software\\Run')).toMatch(/hive/);
  });

  it('trims values and refuses empty, oversized and multi-line ones', () => {
    expect(value('filename', '  invoice.pdf.exe ')).toBe('invoice.pdf.exe');
    expect(reason('filename', 'C:\\Users\\x\\a.exe')).toMatch(/filepath/);
    expect(reason('other', '   ')).toMatch(/empty/);
    expect(reason('user_agent', 'x'.repeat(4097))).toMatch(/4096/);
    expect(value('other', 'x'.repeat(4096))).toHaveLength(4096);
    expect(reason('mutex', 'a\nb')).toMatch(/line break/);
    expect(value('other', 'line one\nline two')).toBe('line one\nline two');
    expect(reason('nonsense' as ObservableType, 'x')).toMatch(/not an observable type/);
  });
});

describe('TheHive data types', () => {
  it('maps them to ours, picking the hash algorithm by length', () => {
    expect(theHiveDataTypeToObservable('hash', 'DA39A3EE5E6B4B0D3255BFEF95601890AFD80709')).toEqual({ ok: true, type: 'sha1', value: 'da39a3ee5e6b4b0d3255bfef95601890afd80709' });
    expect(theHiveDataTypeToObservable('hash', 'abc')).toMatchObject({ ok: false });
    expect(theHiveDataTypeToObservable('fqdn', 'Mail.Example.com')).toEqual({ ok: true, type: 'hostname', value: 'mail.example.com' });
    expect(theHiveDataTypeToObservable('mail', 'a@B.example')).toEqual({ ok: true, type: 'email', value: 'a@b.example' });
    expect(theHiveDataTypeToObservable('autonomous-system', '64500')).toEqual({ ok: true, type: 'asn', value: 'AS64500' });
    expect(theHiveDataTypeToObservable('user-agent', 'curl/8.0')).toEqual({ ok: true, type: 'user_agent', value: 'curl/8.0' });
    expect(theHiveDataTypeToObservable('registry', 'HKCU\\Run')).toEqual({ ok: true, type: 'registry_key', value: 'HKEY_CURRENT_USER\\Run' });
    expect(theHiveDataTypeToObservable('ip', '10.1.0.0/16')).toEqual({ ok: true, type: 'cidr', value: '10.1.0.0/16' });
    expect(theHiveDataTypeToObservable('filename', 'C:\\Temp\\a.exe')).toEqual({ ok: true, type: 'filepath', value: 'C:\\Temp\\a.exe' });
    for (const dataType of ['regexp', 'uri_path', 'mail_subject', 'other', 'my-custom-type']) {
      expect(theHiveDataTypeToObservable(dataType, 'Invoice overdue')).toMatchObject({ ok: true, type: 'other' });
    }
    expect(theHiveDataTypeToObservable('cve', 'cve-2024-3094')).toEqual({ ok: true, type: 'cve', value: 'CVE-2024-3094' });
    expect(theHiveDataTypeToObservable('ip', 'not-an-ip')).toMatchObject({ ok: false });
  });
});

describe('guessing the type of a pasted value', () => {
  it('recognises addresses, hashes, names and identifiers, and leaves free text alone', () => {
    const guess = (text: string) => guessObservable(text);
    expect(guess('185.220.101[.]4')).toMatchObject({ type: 'ip', value: '185.220.101.4' });
    expect(guess('2001:db8::1')).toMatchObject({ type: 'ip' });
    expect(guess('10.0.0.0/8')).toMatchObject({ type: 'cidr' });
    expect(guess('D41D8CD98F00B204E9800998ECF8427E')).toMatchObject({ type: 'md5', value: 'd41d8cd98f00b204e9800998ecf8427e' });
    expect(guess('a'.repeat(64))).toMatchObject({ type: 'sha256' });
    expect(guess('00:1a:2b:3c:4d:5e')).toMatchObject({ type: 'mac' });
    expect(guess('cve-2021-44228')).toMatchObject({ type: 'cve', value: 'CVE-2021-44228' });
    expect(guess('bob[@]corp[.]example')).toMatchObject({ type: 'email', value: 'bob@corp.example' });
    expect(guess('hxxps://evil[.]example/x')).toMatchObject({ type: 'url', value: 'https://evil.example/x' });
    expect(guess('Evil.Example')).toMatchObject({ type: 'domain', value: 'evil.example' });
    expect(guess('AS64500')).toMatchObject({ type: 'asn' });
    expect(guess('ransomware on the file server')).toBeNull();
    expect(guess('v1.2')).toBeNull();
    expect(guess('INC-2026-0042')).toBeNull();
  });
});
