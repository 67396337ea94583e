import { describe, expect, it } from 'vitest';
import { asciiFallback, contentDisposition, encodeExtValue } from '../../src/domain/content-disposition.js';

describe('Content-Disposition for evidence downloads', () => {
  it('keeps a plain name as it is in both forms', () => {
    expect(contentDisposition('attachment', 'laptop.E01')).toBe(`attachment; filename="laptop.E01"; filename*=UTF-8''laptop.E01`);
  });

  it('percent-encodes UTF-8 in filename* and falls back to ASCII in filename', () => {
    expect(contentDisposition('inline', 'Bericht über Vorfall.pdf')).toBe(`inline; filename="Bericht uber Vorfall.pdf"; filename*=UTF-8''Bericht%20%C3%BCber%20Vorfall.pdf`);
    expect(encodeExtValue('勒索软件.exe')).toBe('%E5%8B%92%E7%B4%A2%E8%BD%AF%E4%BB%B6.exe');
    expect(asciiFallback('勒索软件.exe')).toBe('____.exe');
  });

  it('cannot be broken out of: quotes, backslashes, semicolons and newlines stay inside the value', () => {
    const header = contentDisposition('attachment', 'a";b\\c\r\nSet-Cookie: x=1.txt');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toBe(`attachment; filename="a_;b_c__Set-Cookie: x=1.txt"; filename*=UTF-8''a%22%3Bb%5Cc%0D%0ASet-Cookie%3A%20x%3D1.txt`);
  });

  it("encodes the characters RFC 8187 does not allow unencoded that encodeURIComponent leaves alone", () => {
    expect(encodeExtValue("it's (1)*.txt")).toBe('it%27s%20%281%29%2A.txt');
  });

  it('never answers an empty fallback name', () => {
    expect(asciiFallback('"""')).toBe('___');
    expect(asciiFallback('  ')).toBe('download');
  });
});
