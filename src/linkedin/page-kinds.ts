// Which LinkedIn page a URL is, from its path alone. Seen 2026-11 on www.linkedin.com.

export type PageKind =
  | 'sales-lead'
  | 'sales-search'
  | 'sales-inbox'
  | 'sales-home'
  | 'messaging'
  | 'profile'
  | 'recruiter';

/** Where the content script runs (manifest match patterns). */
export const CONTENT_MATCHES = [
  'https://www.linkedin.com/sales/*',
  'https://www.linkedin.com/messaging/*',
  'https://www.linkedin.com/talent/*',
  'https://www.linkedin.com/in/*',
];

const PATTERNS: [PageKind, RegExp][] = [
  ['sales-lead', /^\/sales\/(lead|people)\/[^/]+/],
  ['sales-search', /^\/sales\/search\/people/],
  ['sales-inbox', /^\/sales\/inbox(\/|$)/],
  ['sales-home', /^\/sales\/home\/?$/],
  ['messaging', /^\/messaging(\/|$)/],
  ['profile', /^\/in\/[^/]+\/?$/],
  ['recruiter', /^\/talent\//],
];

export function pageKind(url: string): PageKind | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname !== 'www.linkedin.com') return null;
  for (const [kind, pattern] of PATTERNS) if (pattern.test(parsed.pathname)) return kind;
  return null;
}

/** The thread a page shows: "/sales/inbox/2-abc", "/messaging/thread/2-abc/" → "2-abc". */
export function threadOfPage(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.hostname !== 'www.linkedin.com') return null;
  const match = /^\/(?:sales\/inbox|messaging\/thread)\/([^/?#]+)\/?$/.exec(parsed.pathname);
  return match ? decodeURIComponent(match[1] as string) : null;
}
