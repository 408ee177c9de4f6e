// What expires when, beyond the 7-day horizon: the next expiry with its date and amount, the
// ones after it, and at the cap what the next grant loses (issue 13, items 4 and 6).

import { capLoss, expiriesAfter } from '../../ledger/glance';
import type { Summary } from '../../ledger/summarize';
import type { SeatBrief } from '../../messages/snapshot';
import { agree, count, localWhen, relativeDay, urgencyOf } from '../words';

const LATER_SHOWN = 3;

/** "At the cap: the 50 credits due Dec 1 are lost; each InMail you send before then saves one." */
export function capWords(loss: { lost: number; at: number }, monthly: number, now: number): string {
  const when = localWhen(loss.at, now);
  const what =
    loss.lost === monthly
      ? `At the cap: the ${count(monthly, 'credit')} due ${when} ${agree(monthly, 'is', 'are')} lost`
      : `Near the cap: ${loss.lost} of the ${count(monthly, 'credit')} due ${when} ${agree(loss.lost, 'is', 'are')} lost`;
  return `${what}; each InMail you send before then saves one.`;
}

export function ExpiryFacts({ summary, seat, now }: { summary: Summary; seat: SeatBrief; now: number }) {
  const list = expiriesAfter(summary, now);
  const next = list[0];
  const later = list.slice(1, 1 + LATER_SHOWN);
  const urgency = next ? urgencyOf(next.at, now) : 'calm';
  const within = summary.expiring;
  const soonest = within.byDate[0];
  const loss = capLoss(summary, seat.monthlyCredits);
  return (
    <>
      <li class={`expiry urgency-${urgency}`}>
        {next ? (
          <>
            <strong data-testid="next-expiry" data-at={new Date(next.at).toISOString()}>
              {next.credits}
            </strong>{' '}
            {agree(next.credits, 'credit expires', 'credits expire')}{' '}
            <time dateTime={new Date(next.at).toISOString()}>{localWhen(next.at, now)}</time> (
            {relativeDay(now, next.at)})
            {urgency === 'urgent' && (
              <span class="reason">
                : send {next.credits === 1 ? 'it' : 'them'} or lose {next.credits === 1 ? 'it' : 'them'}
              </span>
            )}
          </>
        ) : (
          <>
            <strong data-testid="next-expiry" data-at="" />
            No credits to expire.
          </>
        )}
        {later.length > 0 && (
          <span class="later" data-testid="later-expiries">
            Then {later.map((e) => `${e.credits} on ${localWhen(e.at, now)}`).join(' · ')}
            {list.length > 1 + LATER_SHOWN ? ' · …' : ''}
          </span>
        )}
        <span class="within">
          <strong data-testid="expiring-credits">{within.credits}</strong> within the next{' '}
          {count(within.withinDays, 'day')}
          {soonest && (
            <>
              , first{' '}
              <time data-testid="expiring-date" dateTime={soonest.at}>
                {localWhen(Date.parse(soonest.at), now)}
              </time>
            </>
          )}
        </span>
      </li>
      <li>
        {summary.nextGrant ? (
          <span data-testid="next-grant">
            {count(summary.nextGrant.credits, 'new credit')} on{' '}
            {localWhen(Date.parse(summary.nextGrant.at), now)}
          </span>
        ) : (
          <span data-testid="next-grant">0 new credits: this plan grants none</span>
        )}
        {loss && (
          <span class="cap urgency-soon" data-testid="cap-loss">
            {capWords(loss, seat.monthlyCredits, now)}
          </span>
        )}
      </li>
    </>
  );
}
