/**
 * Turns what a person typed into search terms both full-text engines accept: words of letters and
 * digits only, each matched as a prefix, all required. Operators and quotes are dropped, so no input
 * can break the query.
 */
export function searchTerms(query: string, maxTerms = 8): string[] {
  return (query.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, maxTerms);
}
