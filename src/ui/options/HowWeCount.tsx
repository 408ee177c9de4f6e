// "How we count": every rule of CREDIT-RULES.md in plain words, saying which are
// LinkedIn's and which are our model where LinkedIn publishes nothing.

import type { SendStatus } from '../../ledger/send-status';
import { STATUS_NAMES, URGENT_DAYS } from '../words';

const LINKEDIN = 'LinkedIn';
const OURS = 'Our model';

const RULES: { n: number; title: string; text: string; source: string[] }[] = [
  {
    n: 1,
    title: 'When credits arrive',
    text: 'Your plan grants credits each month at midnight on your grant day, in your time zone. In a month too short for that day (say the 31st), they arrive on its last day.',
    source: [LINKEDIN, OURS],
  },
  {
    n: 2,
    title: '90 days to use them',
    text: 'Each month’s credits are a batch that expires 90 days after it arrived.',
    source: [LINKEDIN],
  },
  {
    n: 3,
    title: 'The cap',
    text: 'A new grant never takes you above your plan’s cap (150 for Sales Navigator): near the cap, you get only what fits, possibly nothing. Refunds and corrections are not capped.',
    source: [LINKEDIN, OURS],
  },
  {
    n: 4,
    title: 'Expiry before grant',
    text: 'When a batch expires at the very moment a new one arrives, the old one leaves first. An idle Sales Navigator seat holds 50, 100, 150, and still 150 the month after.',
    source: [OURS],
  },
  {
    n: 5,
    title: 'Which credit a send uses',
    text: 'An InMail to someone who is not a 1st-degree connection and has no Open Profile costs 1 credit, taken from the batch that expires first. A second InMail to the same person before they answer costs another.',
    source: [LINKEDIN, OURS],
  },
  {
    n: 6,
    title: 'Free messages',
    text: 'Messages to 1st-degree connections and Open Profile members cost nothing. We count them for your statistics only; ordinary chats with connections are not InMails and are not recorded.',
    source: [LINKEDIN],
  },
  {
    n: 7,
    title: 'Sends with no credit left',
    text: 'If we see a paid send while we count 0, we record it without going below zero and ask you to reconcile with LinkedIn’s number.',
    source: [OURS],
  },
  {
    n: 8,
    title: 'Refunds',
    text: 'When the recipient responds within 90 days (a reply, an out-of-office, or accepting or declining), the credit comes back. Opened, read, ignored, deleted or archived InMails refund nothing. We use the time they responded, as LinkedIn shows it.',
    source: [LINKEDIN, OURS],
  },
  {
    n: 9,
    title: 'Which response answers which send',
    text: 'The first response in a thread answers every earlier unanswered InMail in it, follow-ups included; a follow-up sent after a response waits for the next one. A response after the 90-day window is a late reply and refunds nothing.',
    source: [OURS],
  },
  {
    n: 10,
    title: 'Where a refund goes',
    text: 'A refunded credit returns to the batch it came from. If that batch has already expired, the credit is not returned: we never overstate your balance.',
    source: [OURS],
  },
  {
    n: 11,
    title: 'LinkedIn’s own number',
    text: 'Whenever LinkedIn shows how many credits you have, we note it. If it differs from our count, the popup shows the difference (drift) and offers one click to use LinkedIn’s number.',
    source: [OURS],
  },
  {
    n: 12,
    title: 'Corrections',
    text: 'Using LinkedIn’s number records a correction. Removing credits takes them from the batches that expire first; adding credits makes a batch that expires with your latest batch.',
    source: [OURS],
  },
  {
    n: 13,
    title: 'Starting mid-month',
    text: 'When you set up a seat, the number LinkedIn shows becomes your opening balance, spread over the batches LinkedIn most likely holds: the newest month’s grant first, then older ones, so expiry dates match LinkedIn’s.',
    source: [OURS],
  },
  {
    n: 14,
    title: 'Undo',
    text: 'Undoing a wrong entry removes it from the count as if it had never been recorded.',
    source: [OURS],
  },
  {
    n: 15,
    title: 'Plan changes',
    text: 'Unused credits are lost when you cancel or change plan. The new plan’s monthly credits and cap apply from the change on; your grant day and time zone stay unless you change them.',
    source: [LINKEDIN, OURS],
  },
  {
    n: 16,
    title: 'Order of things',
    text: 'Events count in time order. At one moment: expiries, then plan changes, the grant, an opening balance, corrections, sends, responses, and LinkedIn’s number last.',
    source: [OURS],
  },
  {
    n: 17,
    title: 'InMails sent before you set up',
    text: 'InMails you sent in the 90 days before setup, which we find in your inbox (or you add by hand), spent their credit before your opening balance was read, so they cost nothing here; but LinkedIn still returns their credit if they are answered in time. We return it to the batch it most likely came from: LinkedIn spends the oldest credits first, so the oldest batch that was live when you sent it and still held credits when you set up, else the newest one live then. If that batch has expired by the reply, or a plan change emptied it, nothing comes back. One answered before setup is not listed: its credit was already back.',
    source: [OURS],
  },
];

/** What each surface's detection relies on, and what it cannot see. */
const SURFACES: { name: string; text: string }[] = [
  {
    name: 'Sales Navigator',
    text: 'Sends, replies and LinkedIn’s count come from the page’s own responses (the send itself, your inbox threads, the credits count), and the composer’s “Use 1 of N” line. What a send costs is read from the composer and the person it writes to at the moment you click Send; when the page did not show it, the send counts as paid and the popup lets you say it was free. InMails sent from your phone appear when you open the inbox here.',
  },
  {
    name: 'LinkedIn messaging (Premium)',
    text: 'An InMail sent from a composer with the credits banner and a subject counts, wherever it opens (Messaging, a profile, the message window on a search page or the feed); chats with connections do not. Replies, accepts and declines come from the conversation list and the open conversation when you look at Messaging.',
  },
  {
    name: 'Recruiter',
    text: 'LinkedIn’s Recruiter pages are read from what they show: the composer’s credit count, Recruiter’s own answer on what a candidate costs, your click on Send and Recruiter’s own “Message sent”. Recruiter’s message and thread answers are seen but not read yet (the popup says so), so Recruiter replies are not detected: mark them replied in the popup, or log sends made elsewhere by hand.',
  },
  {
    name: 'When a page changes',
    text: 'If LinkedIn redesigns a page and we cannot find what we read, the popup says exactly what stopped working instead of counting wrong; logging by hand and LinkedIn’s own number keep the count right meanwhile.',
  },
];

/** What each state of an InMail means, under the name every surface gives it (src/ui/words.ts). */
const STATES: Record<SendStatus, string> = {
  awaiting:
    'A paid InMail within its 90 days: a response brings the credit back (rule 8). The popup says until when: the earlier of the window’s close and its batch’s expiry.',
  refunded: 'They responded within 90 days and the credit came back.',
  'replied-no-credit':
    'They responded in time, but the credit’s batch had expired or a plan change had emptied it, so nothing came back (rule 10).',
  'late-reply': 'They responded after the 90 days: LinkedIn returns nothing (rule 9).',
  'window-closed': 'No response within the 90 days: the credit stays spent.',
  free: 'A message to a 1st-degree connection or an Open Profile: it cost nothing (rule 6).',
};

export function HowWeCount() {
  return (
    <section id="how-we-count" aria-labelledby="how-we-count-title">
      <h2 id="how-we-count-title">How we count</h2>
      <p>
        LinkedIn publishes some rules for InMail credits and is silent on others. Where it is silent we made a
        choice, marked “{OURS}”. The number LinkedIn itself shows always wins over our model.
      </p>
      <ol class="rules">
        {RULES.map((rule) => (
          <li key={rule.n} value={rule.n}>
            <strong>{rule.title}.</strong> {rule.text}{' '}
            <span class="sources">
              {rule.source.map((s) => (
                <span key={s} class={`source ${s === OURS ? 'ours' : 'linkedin'}`}>
                  {s}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ol>
      <h3>What the popup says of an InMail</h3>
      <dl class="states" data-testid="status-names">
        {(Object.keys(STATES) as SendStatus[]).map((status) => (
          <div key={status}>
            <dt>{STATUS_NAMES[status]}</dt>
            <dd>{STATES[status]}</dd>
          </div>
        ))}
      </dl>
      <h3>The toolbar badge</h3>
      <p data-testid="badge-colours">
        The number is your credits. Red means one thing: credits you hold expire within {URGENT_DAYS} days, so
        send them or lose them. Amber: credits expire within your reminder days. Grey: no credit left. Blue:
        nothing pressing.
      </p>
      <h3>What we read on LinkedIn</h3>
      <p>Only your own pages, as you use them. Nothing is sent anywhere.</p>
      <dl class="surfaces">
        {SURFACES.map((surface) => (
          <div key={surface.name}>
            <dt>{surface.name}</dt>
            <dd>{surface.text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
