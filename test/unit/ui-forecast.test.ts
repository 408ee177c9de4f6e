// The forecast reads as words too: its steps, labelled by day and amount (issue 13, item 7).

import { expect, test } from 'vitest';
import { dayLabel, forecastSteps } from '../../src/ui/popup/ForecastChart';

test('the steps of the forecast: each day the expected balance changes, by how much', () => {
  const rows = [
    { date: '2026-01-29', available: 150, bestCase: 152 },
    { date: '2026-01-30', available: 0, bestCase: 2 },
    { date: '2026-01-31', available: 0, bestCase: 2 },
    { date: '2026-02-01', available: 50, bestCase: 52 },
  ];
  expect(forecastSteps(rows)).toEqual([
    { date: '2026-01-30', delta: -150, after: 0 },
    { date: '2026-02-01', delta: 50, after: 50 },
  ]);
  expect(dayLabel('2026-01-30')).toBe('Jan 30');
  expect(forecastSteps(rows.slice(1, 3))).toEqual([]);
});
