// Stable stand-ins for what identifies people in a HAR (`ledger har --redact`): the same
// original always gets the same fake, of the same form, so ids still join up across URNs,
// URLs and bodies and the redacted copy reads to the same detections.

// Where an id may start: after a character that cannot be part of it, or after a
// percent-escape (ids inside URL-encoded URNs: "urn%3Ali%3Afsd_profile%3AACoAA…").
const START = '(?<=^|[^A-Za-z0-9_-]|%[0-9A-Fa-f]{2})';
const SEP = '(?::|%3A)';

const PATTERN = new RegExp(
  [
    // E-mail addresses anywhere, also with the @ percent-encoded.
    String.raw`(?<email>(?:[A-Za-z0-9._+-]|%[0-9A-Fa-f]{2}){1,64}(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})`,
    // Profile ids: ACwAA… (Sales Navigator), ACoAA… (LinkedIn), AEMAA… (Recruiter).
    `${START}(?<profile>A[CE][A-Za-z]AA[A-Za-z0-9_-]{2,})`,
    // Thread and message ids ("2-…", base64 without its padding, which stays as it is).
    `${START}(?<thread>2-[A-Za-z0-9_-]+)`,
    // Numeric member ids.
    String.raw`(?<=urn${SEP}li${SEP}(?:member|fs_member|ts_member)${SEP})(?<member>\d+)`,
    // Public profile slugs: linkedin.com/in/<slug>.
    String.raw`(?<=linkedin\.com(?:/|%2F)in(?:/|%2F))(?<slug>[^/?#&"%\s]+)`,
  ].join('|'),
  'g',
);

type Kind = 'email' | 'profile' | 'thread' | 'member' | 'slug' | 'name' | 'text';

export class Pseudonyms {
  private fakes = new Map<string, string>();
  private counts = new Map<Kind, number>();

  /** The fake of `original` (made on first sight). */
  private of(kind: Kind, original: string, make: (n: number) => string): string {
    const key = `${kind}\u0000${original}`;
    const known = this.fakes.get(key);
    if (known !== undefined) return known;
    const n = (this.counts.get(kind) ?? 0) + 1;
    const fake = make(n);
    this.counts.set(kind, n);
    this.fakes.set(key, fake);
    return fake;
  }

  /** A string with every id, e-mail address and profile slug in it replaced; the rest kept. */
  inString(s: string): string {
    return s.replace(PATTERN, (match, ...args) => {
      const g = args.at(-1) as Record<Kind, string | undefined>;
      if (g.email !== undefined)
        return this.of('email', match, (n) => `person${n}${match.includes('%40') ? '%40' : '@'}example.com`);
      // Same prefix, so the fake is still read as the same kind of profile id.
      if (g.profile !== undefined) return this.of('profile', match, (n) => `${match.slice(0, 5)}Fake${n}`);
      if (g.thread !== undefined) return this.of('thread', match, (n) => `2-Fake${n}`);
      if (g.member !== undefined) return this.of('member', match, (n) => String(900_000_000 + n));
      return this.of('slug', match, (n) => `member-${n}`);
    });
  }

  /** Free text (a name, a message body…), whatever it says. */
  freeText(s: string, kind: 'name' | 'text'): string {
    return this.of(kind, s, (n) => (kind === 'name' ? `Name ${n}` : `Text ${n}`));
  }
}
