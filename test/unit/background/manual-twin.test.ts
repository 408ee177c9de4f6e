import { describe, expect, test } from 'vitest';
import { manualTwin } from '../../../src/background/manual-twin';
import type { LedgerEvent } from '../../../src/ledger/events';

type Sent = Extract<LedgerEvent, { type: 'inmail-sent' }>;
const sent = (id: string, at: string, surface: Sent['surface'], name?: string): Sent => ({
  id,
  seat: 's',
  type: 'inmail-sent',
  at,
  threadId: `t-${id}`,
  cost: 'paid',
  surface,
  ...(name ? { recipient: { name } } : {}),
});
const detected = sent('urn:li:msg:1', '2026-03-02T10:00:00Z', 'sales-navigator', 'Sam Lee');

describe('a detected send merges with the manual log of the same send', () => {
  test('same recipient (any case), within a day, the nearest one', () => {
    const events = [
      sent('m1', '2026-03-01T09:00:00Z', 'manual', 'sam lee'),
      sent('m2', '2026-03-02T09:30:00Z', 'manual', 'Sam Lee '),
    ];
    expect(manualTwin(events, detected)?.id).toBe('m2');
  });

  test('not another person, not more than a day apart, not a detected send, not one voided', () => {
    expect(manualTwin([sent('m1', '2026-03-02T10:00:00Z', 'manual', 'Sam Leeds')], detected)).toBeNull();
    expect(manualTwin([sent('m1', '2026-03-01T09:59:59Z', 'manual', 'Sam Lee')], detected)).toBeNull();
    expect(manualTwin([sent('d1', '2026-03-02T10:00:00Z', 'messaging', 'Sam Lee')], detected)).toBeNull();
    expect(
      manualTwin(
        [
          sent('m1', '2026-03-02T10:00:00Z', 'manual', 'Sam Lee'),
          { id: 'v', seat: 's', type: 'voided', at: '2026-03-02T11:00:00Z', target: 'm1' },
        ],
        detected,
      ),
    ).toBeNull();
    expect(manualTwin([sent('m1', '2026-03-02T10:00:00Z', 'manual')], detected)).toBeNull();
  });
});
