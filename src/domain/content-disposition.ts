/**
 * A Content-Disposition header value (RFC 6266) that carries any file name safely: `filename*` with the
 * name percent-encoded as UTF-8 (RFC 8187), and a plain ASCII `filename` fallback for old clients.
 */
export function contentDisposition(type: 'attachment' | 'inline', fileName: string): string {
  return `${type}; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
}

/** Printable ASCII only, no quote or backslash (they would end or escape the quoted string), no percent (some clients decode it). */
export function asciiFallback(fileName: string): string {
  const plain = fileName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const safe = plain.replace(/[^\x20-\x7e]|["\\%]/g, '_').trim();
  return safe.length > 0 ? safe : 'download';
}

/** RFC 8187 attr-char stays as is; every other byte of the UTF-8 form is %XX. */
export function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
