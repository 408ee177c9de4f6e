// Which LinkedIn page a URL is, from its path alone. Seen 2026-11 on www.linkedin.com.

export const PAGE_KINDS = [
  'sales-lead',
  'sales-search',
  'sales-inbox',
  'sales-home',
  'sales-list',
  'messaging',
  'profile',
  'people-search',
  'feed',
  'recruiter',
] as const;

export type PageKind = (typeof PAGE_KINDS)[number];

/**
 * Where the content scripts run (manifest match patterns): every LinkedIn page. LinkedIn is one
 * single-page app (feed → messaging → a profile without a load) and messaging overlays open on
 * almost any page, so features decide by page kind and by what is on screen.
 */
export const CONTENT_MATCHES = ['https://www.linkedin.com/*'];

/** Each kind's path pattern; they do not overlap (a path is at most one kind). */
export const PAGE_PATTERNS: Readonly<Record<PageKind, RegExp>> = {
  'sales-lead': /^\/sales\/(lead|people)\/[^/]+/,
  'sales-search': /^\/sales\/search\/people/,
  'sales-inbox': /^\/sales\/inbox(\/|$)/,
  'sales-home': /^\/sales\/home\/?$/,
  // A saved lead list: reps message leads from it (the composer opens over the list).
  'sales-list': /^\/sales\/lists\/people\/[^/]+/,
  messaging: /^\/messaging(\/|$)/,
  profile: /^\/in\/[^/]+\/?$/,
  'people-search': /^\/search\/results\/people(\/|$)/,
  feed: /^\/feed(\/|$)/,
  recruiter: /^\/talent\//,
};

export function pageKind(url: string): PageKind | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname !== 'www.linkedin.com') return null;
  for (const kind of PAGE_KINDS) if (PAGE_PATTERNS[kind].test(parsed.pathname)) return kind;
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
