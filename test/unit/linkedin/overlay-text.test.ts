// @vitest-environment happy-dom
// The words our overlays put on LinkedIn's pages, pure: the composer chip (the cost alone beside
// LinkedIn's own count, our balance where LinkedIn shows none, a hint when the counts differ),
// the person chip (the cost alone), and a thread's status in the popup's words
// (`refundWords`: the deadline that binds, amber or red by its urgency).

import { describe, expect, test } from 'vitest';
import { threadAnchor, threadStatusLine } from '../../../src/linkedin/features/thread-status';
import { COUNT_DIFFERS, chipText, costText } from '../../../src/linkedin/overlay/cost-chip';
import type { InmailRow, Snapshot } from '../../../src/messages/snapshot';
import { refundWords } from '../../../src/ui/words';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const DAY = 86_400_000;

function row(over: Partial<InmailRow> = {}): InmailRow {
  return {
    id: 'm1',
    threadId: '2-abc',
    sentAt: new Date(NOW - 2 * 3_600_000).toISOString(),
    cost: 'paid',
    status: 'awaiting',
    recipient: { name: 'Sam Lee' },
    windowClosesAt: new Date(NOW + 90 * DAY).toISOString(),
    refundable: true,
    refundDeadline: new Date(NOW + 90 * DAY).toISOString(),
    ...over,
  };
}

/** A snapshot with one Sales Navigator seat (active) holding `available`, and its latest InMails. */
function snapshot(
  available: number,
  inmails: InmailRow[] = [],
  observed: { balance: number; drift: number } | null = null,
  byDate: { at: string; credits: number }[] = [],
): Snapshot {
  return {
    computedAt: new Date(NOW).toISOString(),
    activeSeat: 's1',
    seats: [{ id: 's1', label: 'Dana', plan: 'sales-navigator-core', timeZone: 'UTC', available }],
    summary: {
      available,
      observed: observed ? { at: new Date(NOW).toISOString(), ...observed } : null,
      expiring: { withinDays: 7, credits: 0, byDate },
    },
    inmails,
  } as unknown as Snapshot;
}

describe('the composer chip', () => {
  test('beside LinkedIn’s own count it says the cost only, and defers to LinkedIn’s count', () => {
    expect(chipText('paid', 'Sam Lee', snapshot(118), NOW, 'sales-navigator', 118)).toEqual([
      { text: 'Costs 1 credit' },
    ]);
  });

  test('when our count differs from LinkedIn’s on screen: the cost and a short hint, no second balance', () => {
    const lines = chipText('paid', 'Sam Lee', snapshot(120), NOW, 'sales-navigator', 118);
    expect(lines).toEqual([{ text: 'Costs 1 credit' }, { text: COUNT_DIFFERS }]);
    expect(COUNT_DIFFERS).toBe('Our count differs: see InMail Ledger');
    expect(lines.map((l) => l.text).join(' ')).not.toMatch(/\d+ left/);
  });

  test('the ledger’s reading of that very count decides: our own send since then is no disagreement', () => {
    // LinkedIn showed 118 and we agreed (drift 0); we sent one, the composer's line still says 118.
    expect(
      chipText(
        'paid',
        'Ana Ruiz',
        snapshot(117, [], { balance: 118, drift: 0 }),
        NOW,
        'sales-navigator',
        118,
      ),
    ).toEqual([{ text: 'Costs 1 credit' }]);
    // LinkedIn showed 118 when we counted 120: they differ, whatever happened since.
    expect(
      chipText(
        'paid',
        'Ana Ruiz',
        snapshot(119, [], { balance: 118, drift: -2 }),
        NOW,
        'sales-navigator',
        118,
      ),
    ).toEqual([{ text: 'Costs 1 credit' }, { text: COUNT_DIFFERS }]);
  });

  test('LinkedIn says none are left: the cost, in amber', () => {
    expect(chipText('paid', undefined, snapshot(0), NOW, 'sales-navigator', 0)).toEqual([
      { text: 'Costs 1 credit', tone: 'warn' },
    ]);
  });

  test('where LinkedIn shows no count, our balance and the next expiry (plural by count)', () => {
    expect(chipText('paid', undefined, snapshot(42), NOW)).toEqual([{ text: 'Costs 1 credit · 42 left' }]);
    const soon = (credits: number) => snapshot(42, [], null, [{ at: '2026-12-03T00:00:00Z', credits }]);
    expect(chipText('paid', undefined, soon(8), NOW)[0]?.text).toBe(
      'Costs 1 credit · 42 left · 8 expire Dec 3',
    );
    expect(chipText('paid', undefined, soon(1), NOW)[0]?.text).toBe(
      'Costs 1 credit · 42 left · 1 expires Dec 3',
    );
    expect(chipText('paid', undefined, snapshot(0), NOW)).toEqual([
      { text: 'Costs 1 credit · none left', tone: 'warn' },
    ]);
    // No seat for this pool: the cost alone.
    expect(chipText('paid', undefined, null, NOW)).toEqual([{ text: 'Costs 1 credit' }]);
  });

  test('free sends say why, with or without LinkedIn’s count', () => {
    for (const count of [null, 45]) {
      expect(chipText('free-open-profile', 'Sam Lee', snapshot(45), NOW, 'premium', count)).toEqual([
        { text: 'Free · Open Profile', tone: 'free' },
      ]);
      expect(chipText('free-connection', 'Sam Lee', snapshot(45), NOW, 'premium', count)).toEqual([
        { text: 'Free · 1st-degree', tone: 'free' },
      ]);
    }
  });

  test('the repeat guard stays, beside LinkedIn’s count too', () => {
    const lines = chipText('paid', 'Sam Lee', snapshot(118, [row()]), NOW, 'sales-navigator', 118);
    expect(lines).toEqual([
      { text: 'Costs 1 credit' },
      { text: 'You InMailed Sam today, no reply yet: this one costs another credit', tone: 'warn' },
    ]);
  });
});

describe('the person chip', () => {
  test('the cost alone: no balance repeated on every search row', () => {
    expect(costText('paid')).toEqual({ text: 'Costs 1 credit' });
    expect(costText('free-open-profile')).toEqual({ text: 'Free · Open Profile', tone: 'free' });
    expect(costText('free-connection')).toEqual({ text: 'Free · 1st-degree', tone: 'free' });
  });
});

describe('a thread’s status line', () => {
  const line = (over: Partial<InmailRow>) =>
    threadStatusLine('2-abc', snapshot(100, [row(over)]), NOW, 'UTC');

  test('the deadline that binds, not the window: a credit expiring tomorrow says tomorrow, in red', () => {
    const deadline = '2026-11-30T15:00:00Z';
    const l = line({ refundDeadline: deadline });
    expect(l).toEqual({ text: 'Credit back if they reply by Nov 30, 3:00 PM · tomorrow', tone: 'urgent' });
    expect(l?.text).not.toContain('Refund window');
    // The same words as the popup's.
    expect(l?.text).toBe(refundWords({ status: 'awaiting', refundDeadline: deadline }, NOW, 'UTC').text);
  });

  test('amber within a week, calm beyond', () => {
    expect(line({ refundDeadline: '2026-12-04T00:00:00Z' })).toEqual({
      text: 'Credit back if they reply by Dec 4 · in 5 days',
      tone: 'warn',
    });
    expect(line({ refundDeadline: '2027-02-27T12:00:00Z' })).toEqual({
      text: 'Credit back if they reply by Feb 27 · in 90 days',
      tone: 'cost',
    });
  });

  test('no credit can come back: it says so', () => {
    const { refundDeadline: _, ...noDeadline } = row({ refundable: false });
    const l = threadStatusLine('2-abc', snapshot(100, [noDeadline]), NOW, 'UTC');
    expect(l).toEqual({ text: 'Awaiting reply · no credit back possible', tone: 'cost' });
  });

  test('the other states, in the popup’s names', () => {
    expect(line({ status: 'refunded' })).toEqual({ text: 'Refunded', tone: 'free' });
    expect(line({ status: 'free' })).toEqual({ text: 'Free · no credit spent', tone: 'free' });
    expect(line({ status: 'window-closed' })?.text).toBe('No reply · no credit back');
    expect(line({ status: 'late-reply' })?.text).toBe('Late reply · no credit back');
    expect(line({ status: 'replied-no-credit' })?.text).toBe('Replied · no credit back');
  });

  test('nothing for a thread we sent no InMail in; the newest InMail of the thread speaks', () => {
    expect(threadStatusLine('2-other', snapshot(100, [row()]), NOW)).toBeNull();
    expect(threadStatusLine('2-abc', null, NOW)).toBeNull();
    const both = snapshot(100, [row({ id: 'new', status: 'refunded' }), row({ id: 'old' })]);
    expect(threadStatusLine('2-abc', both, NOW)?.text).toBe('Refunded');
  });
});

describe('where the thread status goes', () => {
  const doc = (html: string) => new DOMParser().parseFromString(html, 'text/html');

  test('after the header of Sales Navigator’s thread view, or LinkedIn messaging’s thread', () => {
    const sales = doc(
      '<main><section data-sn-view-name="thread"><header id="h">Sam</header><ul></ul></section></main>',
    );
    expect(threadAnchor(sales)?.after?.id).toBe('h');
    const messaging = doc(
      '<main><section class="msg-thread"><div class="msg-title-bar" id="t">Priya</div></section></main>',
    );
    expect(threadAnchor(messaging)?.after?.id).toBe('t');
  });

  test('none on a page without a thread pane (the corner then, and anchor health says so)', () => {
    expect(threadAnchor(doc('<main><ul aria-label="Conversations"></ul></main>'))).toBeNull();
  });
});
