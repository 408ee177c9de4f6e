// `ledger report`: the summary as a table a person reads at a glance.

import type { Seat } from '../ledger/events';
import { PLANS } from '../ledger/plans';
import type { BeforeSetupCounts, Summary } from '../ledger/summarize';
import { localDateString } from '../ledger/zoned-time';

/** A seat's sends before setup (rule 17) in a few words, or null when it has none. */
export function beforeSetupText(counts: BeforeSetupCounts): string | null {
  if (counts.sent === 0) return null;
  const parts = [`${counts.replied} replied`, `${counts.refunded} refunded`];
  if (counts.lateReplies > 0) parts.push(`${counts.lateReplies} late`);
  parts.push(`${counts.pending} may still come back`);
  return `${counts.sent} (${parts.join(', ')})`;
}

export function formatReport(
  rows: { seat: Seat; summary: Summary; beforeSetup?: BeforeSetupCounts }[],
): string {
  const header = [
    'seat',
    'plan',
    'available',
    'expiring soon',
    'pending refunds',
    'response rate',
    'next grant',
  ];
  const body = rows.map(({ seat, summary: s }) => {
    // Dates as the rep sees them: in the seat's time zone.
    const day = (iso: string | undefined) =>
      iso === undefined ? '' : localDateString(seat.timeZone ?? 'UTC', Date.parse(iso));
    const soonest = s.expiring.byDate[0];
    return [
      seat.label || seat.id,
      PLANS[seat.plan].label,
      String(s.available),
      s.expiring.credits === 0
        ? `none in ${s.expiring.withinDays} d`
        : `${s.expiring.credits} (first ${soonest?.credits} on ${day(soonest?.at)})`,
      `${s.pendingRefunds.count} (${s.pendingRefunds.closingSoon} closing in ${s.expiring.withinDays} d)`,
      s.stats.responseRate === null
        ? 'no sends'
        : `${Math.round(s.stats.responseRate * 100)}% (${s.stats.replied}/${s.stats.paidSent})`,
      s.nextGrant === null ? 'none' : `+${s.nextGrant.credits} on ${day(s.nextGrant.at)}`,
    ];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => (r[c] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 2 ? cell.padStart(widths[c] as number) : cell.padEnd(widths[c] as number)))
      .join('  ')
      .trimEnd();
  const at = rows[0]?.summary.at ?? '';
  // Sends before setup (rule 17) apart: they count in the response rate, not in what was spent.
  const setup: string[] = [];
  for (const { seat, beforeSetup } of rows) {
    const text = beforeSetup === undefined ? null : beforeSetupText(beforeSetup);
    if (text !== null) setup.push(`  ${seat.label || seat.id}: ${text}`);
  }
  return [
    `InMail credits at ${at}`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    ...(setup.length > 0 ? ['', 'Sent before setup:', ...setup] : []),
  ].join('\n');
}
