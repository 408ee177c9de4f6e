import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseSalesCreateMessage } from '../../../src/linkedin/api/sales-create-message';
import { parseSalesCredits } from '../../../src/linkedin/api/sales-credits';
import { parseSalesThreads } from '../../../src/linkedin/api/sales-threads';
import { endpointOf } from '../../../src/linkedin/endpoints';
import { threadDetections } from '../../../src/linkedin/network-detector';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/linkedin/api', name), 'utf8'));

const request = {
  createMessageRequest: {
    recipients: ['urn:li:fs_salesProfile:(ACwAAA123,NAME_SEARCH,abcd)'],
    subject: 'Hi',
    body: '…',
    copyToCrm: false,
    trackingId: 'abc==',
  },
};

describe('endpoints', () => {
  test('the tap reads Sales Navigator credits and createMessage, and nothing else', () => {
    expect(endpointOf('GET', '/sales-api/salesApiCredits?q=findCreditGrant&creditGrantType=LSS_INMAIL')).toBe(
      'sales-credits',
    );
    expect(
      endpointOf('post', 'https://www.linkedin.com/sales-api/salesApiMessageActions?action=createMessage'),
    ).toBe('sales-create-message');
    for (const [method, url] of [
      ['POST', '/sales-api/salesApiCredits'],
      ['GET', '/sales-api/salesApiMessageActions?action=createMessage'],
      ['POST', '/sales-api/salesApiMessageActions?action=markRead'],
      ['GET', '/voyager/api/me'],
      ['GET', 'https://evil.example/sales-api/salesApiCredits'],
    ] as const) {
      expect(endpointOf(method, url)).toBeNull();
    }
  });
});

describe('Sales Navigator payloads', () => {
  test('credits: the LSS_INMAIL grant value, whatever else the payload holds', () => {
    expect(parseSalesCredits(fixture('sales-credits.json'))).toBe(118);
    expect(
      parseSalesCredits({
        paging: {},
        elements: [
          { value: 3, type: 'OTHER' },
          { type: 'LSS_INMAIL', value: 7 },
        ],
      }),
    ).toBe(7);
    for (const bad of [
      null,
      {},
      { elements: {} },
      { elements: [{ type: 'LSS_INMAIL', value: -1 }] },
      { elements: [{ type: 'LSS_INMAIL', value: '5' }] },
      { elements: [{ type: 'LSS_INMAIL', value: 1.5 }] },
    ]) {
      expect(parseSalesCredits(bad)).toBeNull();
    }
  });

  test('createMessage: the message URN and thread from the response, else the tracking id and the request', () => {
    expect(parseSalesCreateMessage(request, fixture('sales-create-message.json'))).toEqual({
      id: 'urn:li:fs_salesMessage:(2-TmV3VGhyZWFk,2-TWVzc2FnZQ)',
      threadId: '2-TmV3VGhyZWFk',
      recipients: ['urn:li:fs_salesProfile:(ACwAAA123,NAME_SEARCH,abcd)'],
    });
    const followUp = { createMessageRequest: { ...request.createMessageRequest, threadId: '2-old' } };
    expect(parseSalesCreateMessage(followUp, {})).toMatchObject({ id: 'tracking:abc==', threadId: '2-old' });
    expect(parseSalesCreateMessage({}, fixture('sales-create-message.json'))).toBeNull();
    expect(parseSalesCreateMessage({ createMessageRequest: { recipients: [] } }, {})).toBeNull();
    expect(parseSalesCreateMessage({ createMessageRequest: { recipients: ['x'] } }, {})).toBeNull();
  });
});

describe('Sales Navigator threads', () => {
  const payload = () =>
    JSON.parse(
      readFileSync(
        join(import.meta.dirname, '../../fixtures/linkedin/api/sales-threads.json'),
        'utf8',
      ).replace(/"%NOW(?:-(\d+))?%"/g, (_, minus) => String(1_767_225_600_000 - Number(minus ?? 0))),
    );

  test('our InMails (catch-up) and the responses after them, at LinkedIn’s times; nothing else', () => {
    expect(threadDetections(payload())).toEqual([
      {
        kind: 'send',
        pool: 'sales-navigator',
        account: 'sales:ACwAAAME0',
        surface: 'sales-navigator',
        id: 'urn:li:fs_salesMessage:(2-TmV3VGhyZWFk,2-TWVzc2FnZQ)',
        threadId: '2-TmV3VGhyZWFk',
        cost: 'paid',
        at: '2025-12-31T23:59:00.000Z',
        recipient: { name: 'Sam Lee' },
      },
      {
        kind: 'response',
        pool: 'sales-navigator',
        account: 'sales:ACwAAAME0',
        id: 'urn:li:fs_salesMessage:(2-TmV3VGhyZWFk,2-UmVwbHk)',
        threadId: '2-TmV3VGhyZWFk',
        at: '2026-01-01T00:00:00.000Z',
        responseKind: 'reply',
      },
    ]);
  });

  test('one thread (not a list), unknown shapes, and threads where we cannot tell who we are', () => {
    const one = payload().elements[0];
    expect(parseSalesThreads(one)).toHaveLength(1);
    expect(threadDetections(one)).toEqual([]); // no resolution map: we cannot tell which author is us
    expect(threadDetections({ elements: [{ id: 5 }, 'x', null] })).toEqual([]);
    expect(threadDetections('not json')).toEqual([]);
    const inline = {
      ...one,
      participants: [{ entityUrn: 'urn:li:fs_salesProfile:(ACwAAAME0,NAME_SEARCH,me00)', degree: 0 }],
    };
    expect(threadDetections(inline).map((d) => d.kind)).toEqual(['send', 'response']);
  });
});
