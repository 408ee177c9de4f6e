// Detection health kept per page (no two tabs overwrite each other) and merged for the popup.

import { expect, test } from 'vitest';
import { mergedAnchors } from '../../../src/linkedin/anchor-health';
import { recentProblems } from '../../../src/linkedin/endpoint-health';

const label = 'Sales Navigator composer: credit line';

test('an anchor one tab misses after another found it is missing since that miss; a later find heals it', () => {
  const found = { writtenAt: 1, anchors: { line: { label, lastFound: 100, missingSince: null } } };
  const missed = { writtenAt: 1, anchors: { line: { label, lastFound: null, missingSince: 200 } } };
  expect(mergedAnchors({ 'health:anchors:a': found, 'health:anchors:b': missed }).line).toEqual({
    label,
    lastFound: 100,
    missingSince: 200,
  });
  const later = { writtenAt: 1, anchors: { line: { label, lastFound: 300, missingSince: null } } };
  expect(
    mergedAnchors({ 'health:anchors:a': found, 'health:anchors:b': missed, 'health:anchors:c': later }).line
      ?.missingSince,
  ).toBeNull();
});

test('problems of every tab add up by surface and reason; old ones and foreign keys are left out', () => {
  const now = 10 * 86_400_000;
  const tab = (count: number, lastAt: number) => ({
    writtenAt: lastAt,
    'sales-threads': {
      seen: 2,
      read: 1,
      lastSeenAt: lastAt,
      problems: { 'could not tell which participant is you': { count, lastAt } },
    },
  });
  const problems = recentProblems(
    {
      'health:endpoints:a': tab(2, now - 1000),
      'health:endpoints:b': tab(3, now - 500),
      'health:endpoints:old': tab(9, now - 8 * 86_400_000),
      'outbox:x': tab(5, now),
    },
    now,
  );
  expect(problems).toEqual([
    {
      endpoint: 'sales-threads',
      label: 'Sales Navigator inbox',
      reason: 'could not tell which participant is you',
      count: 5,
      lastAt: now - 500,
    },
  ]);
});
