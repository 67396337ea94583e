/** Where to go after signing in: only a path inside this app (never another site, never back to /login). */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login')) return '/';
  return next;
}

/** The single sign-on start URL, carrying on the page the person wanted (the server checks `next` again). */
export function ssoStartHref(startUrl: string, search: string): string {
  return `${startUrl}${startUrl.includes('?') ? '&' : '?'}${new URLSearchParams({ next: safeNext(search) }).toString()}`;
}
