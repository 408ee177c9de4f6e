// Sales Navigator's credit count in every envelope, the problems when an answer does not say
// it, and nothing from any other endpoint's answer.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { iso } from '../../../../src/linkedin/read/reading';
import { readSalesCredits } from '../../../../src/linkedin/read/sales-credits';
import { detectionSchema } from '../../../../src/messages/detection';
import { ANSWERS, answer, answersOutside } from '../../../fixtures/linkedin/answers/load';

const NOW = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const FOLDER = 'sales-credits';

const balance = (n: number) => ({
  kind: 'balance',
  pool: 'sales-navigator',
  id: `obs:credits-api:${NOW}`,
  balance: n,
  where: 'credits-api',
  at: iso(NOW),
});

const CASES: [file: string, balance: number | null, elements: number, problem: string | null][] = [
  ['flat.json', 150, 1, null],
  ['flat-several-grants.json', 118, 2, null],
  ['wrapped.json', 42, 1, null],
  ['normalized.json', 7, 1, null],
  ['normalized-inline-zero.json', 0, 1, null],
  ['bad-no-inmail-grant.json', null, 1, 'no InMail credit grant in the answer'],
  ['bad-fraction.json', null, 1, 'credit count is not a whole number'],
  ['bad-text-count.json', null, 1, 'credit count is not a whole number'],
];

describe('readSalesCredits', () => {
  test('every fixture is in the table', () => {
    const files = readdirSync(join(ANSWERS, FOLDER)).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(CASES.map(([f]) => f).sort());
  });

  test.each(CASES)('%s', (file, n, elements, problem) => {
    const reading = readSalesCredits(answer(`${FOLDER}/${file}`, NOW), NOW);
    expect(reading).toEqual({
      detections: n === null ? [] : [balance(n)],
      elements,
      problems: problem === null ? [] : [{ reason: problem, count: 1 }],
    });
    for (const d of reading.detections) v.parse(detectionSchema, d);
  });

  test.each([
    ['an unknown envelope', { foo: 1 }],
    ['elements not a list', { elements: { type: 'LSS_INMAIL', value: 3 } }],
    ['wrapped elements not a list', { data: { elements: 'LSS_INMAIL' } }],
    ['a grant that is one entity, not a list', { type: 'LSS_INMAIL', value: 3 }],
    ['junk elements', { elements: [null, 'LSS_INMAIL', 3, ['LSS_INMAIL']] }],
    ['an unresolved grant URN', { data: { '*elements': ['urn:li:fs_salesCreditGrant:x'] }, included: [] }],
    ['a negative count', { elements: [{ type: 'LSS_INMAIL', value: -1 }] }],
    ['a huge count', { elements: [{ type: 'LSS_INMAIL', value: 1e12 }] }],
    ['null', null],
    ['text', 'junk'],
    ['a number', 42],
    ['a list', [{ type: 'LSS_INMAIL', value: 3 }]],
  ])('%s: no balance, a problem', (_, body) => {
    const reading = readSalesCredits(body, NOW);
    expect(reading.detections).toEqual([]);
    expect(reading.problems).toHaveLength(1);
    expect(reading.problems[0]?.count).toBe(1);
  });

  test('no other endpoint’s answer reads as a balance', () => {
    const others = answersOutside(FOLDER, NOW);
    expect(others.length).toBeGreaterThan(10);
    for (const [file, body] of others) expect(readSalesCredits(body, NOW).detections, file).toEqual([]);
  });
});
