// Recruiter's per-recipient InMail cost: 0 or 1 per recipient, from every answer field of the
// query; problems for other costs and other fields; never a detection, from any answer.

import { describe, expect, test } from 'vitest';
import { readRecruiterInmailCost } from '../../../../src/linkedin/read/recruiter-inmail-cost';
import { answer, answersOutside } from '../../../fixtures/linkedin/answers/load';

const NOW = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const FOLDER = 'recruiter-inmail-cost';
const ts = (id: string) => `urn:li:ts_profile:${id}`;

const read = (file: string) => readRecruiterInmailCost(answer(`${FOLDER}/${file}`, NOW));

describe('readRecruiterInmailCost', () => {
  test('one recipient, one credit', () => {
    expect(read('one-recipient.json')).toEqual({
      costs: [{ recipient: ts('AEMAAALEX'), cost: 1 }],
      reading: { detections: [], elements: 1, problems: [] },
    });
  });

  test('several recipients, free and paid, recipients inline or by URN', () => {
    expect(read('several.json')).toEqual({
      costs: [
        { recipient: ts('AEMAAALEX'), cost: 1 },
        { recipient: ts('AEMAAOPEN'), cost: 0 },
        { recipient: ts('AEMAAANON'), cost: 0 },
      ],
      reading: { detections: [], elements: 3, problems: [] },
    });
  });

  test('a cost other than 0 or 1, or none: problems, the rest still read', () => {
    expect(read('bad-cost.json')).toEqual({
      costs: [{ recipient: ts('AEMAAALEX'), cost: 1 }],
      reading: {
        detections: [],
        elements: 3,
        problems: [
          { reason: 'InMail cost not 0 or 1', count: 1 },
          { reason: 'costs without inMailCost', count: 1 },
        ],
      },
    });
  });

  test('an answer field that is not the query’s: named in a problem', () => {
    expect(read('unknown-field.json')).toEqual({
      costs: [],
      reading: {
        detections: [],
        elements: 0,
        problems: [{ reason: 'answer field talentInMailCreditsByContract not known', count: 1 }],
      },
    });
  });

  test('no other endpoint’s answer gives a detection or a cost', () => {
    const others = answersOutside(FOLDER, NOW);
    expect(others.length).toBeGreaterThan(0);
    for (const [file, body] of others) {
      const { costs, reading } = readRecruiterInmailCost(body);
      expect([costs, reading.detections], file).toEqual([[], []]);
    }
  });
});
