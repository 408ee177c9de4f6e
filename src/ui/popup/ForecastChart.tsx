// The next 90 days at a glance: credits at the end of each day if nothing is sent or answered,
// labelled where it starts and ends and at every step ("−150 Jan 30", "+50 Feb 1"), with month
// ticks; the best case (every pending InMail answered) only when it differs. The steps are
// also listed in words, and the SVG has a text equivalent.

import type { Summary } from '../../ledger/summarize';

const WIDTH = 300;
const HEIGHT = 72;
const TOP = 12;
const BOTTOM = 14;
const MAX_STEPS = 6;

type Row = Summary['forecast'][number];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-01-30" → "Jan 30" (the forecast's days are the seat's own calendar days). */
export function dayLabel(date: string): string {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${MONTHS[m - 1]} ${d}`;
}

/** The days the expected balance changes, with by how much ("+50", "−150"). */
export function forecastSteps(forecast: readonly Row[]): { date: string; delta: number; after: number }[] {
  const steps: { date: string; delta: number; after: number }[] = [];
  for (let k = 1; k < forecast.length; k++) {
    const before = forecast[k - 1] as Row;
    const row = forecast[k] as Row;
    if (row.available !== before.available)
      steps.push({ date: row.date, delta: row.available - before.available, after: row.available });
  }
  return steps;
}

const signed = (n: number) => (n > 0 ? `+${n}` : `−${-n}`);

export function ForecastChart({ forecast }: { forecast: Summary['forecast'] }) {
  const first = forecast[0];
  const last = forecast[forecast.length - 1];
  if (!first || !last) return null;
  const max = Math.max(1, ...forecast.map((r) => Math.max(r.available, r.bestCase)));
  const x = (k: number) => (k * WIDTH) / Math.max(1, forecast.length - 1);
  const y = (v: number) => TOP + (1 - v / max) * (HEIGHT - TOP - BOTTOM);
  const line = (pick: (r: Row) => number) =>
    forecast.map((r, k) => `${k === 0 ? 'M' : 'L'}${x(k).toFixed(1)},${y(pick(r)).toFixed(1)}`).join(' ');
  const bestDiffers = forecast.some((r) => r.bestCase !== r.available);
  const steps = forecastSteps(forecast);
  const months = forecast.flatMap((r, k) =>
    k > 0 && r.date.endsWith('-01') ? [{ k, label: dayLabel(r.date).slice(0, 3) }] : [],
  );
  const words =
    steps.length === 0 ? 'no change' : steps.map((s) => `${signed(s.delta)} ${dayLabel(s.date)}`).join(', ');
  const description = `Credits over the next 90 days if nothing is sent or answered: ${first.available} today, ${words}; ${last.available} on ${dayLabel(last.date)}.${
    bestDiffers ? ` If every pending InMail is answered: ${last.bestCase}.` : ''
  }`;
  return (
    <figure class="forecast" data-testid="forecast">
      <figcaption>
        Next 90 days
        {bestDiffers && (
          <>
            {' '}
            <span class="legend expected">expected</span>
            <span class="legend best">if all pending are answered</span>
          </>
        )}
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description}>
        <title>{description}</title>
        {months.map((m) => (
          <g key={m.k} class="tick">
            <line x1={x(m.k)} x2={x(m.k)} y1={TOP} y2={HEIGHT - BOTTOM} />
            <text x={x(m.k) + 2} y={HEIGHT - 3}>
              {m.label}
            </text>
          </g>
        ))}
        {bestDiffers && <path class="best" d={line((r) => r.bestCase)} />}
        <path class="expected" d={line((r) => r.available)} />
        <text class="value" x={2} y={TOP - 2}>
          {first.available} today
        </text>
        <text class="value" x={WIDTH - 2} y={TOP - 2} text-anchor="end">
          {last.available} {dayLabel(last.date)}
        </text>
      </svg>
      {steps.length > 0 && (
        <ul class="steps" aria-label="Changes ahead" data-testid="forecast-steps">
          {steps.slice(0, MAX_STEPS).map((s) => (
            <li key={s.date} class={s.delta > 0 ? 'up' : 'down'}>
              {signed(s.delta)} {dayLabel(s.date)}
            </li>
          ))}
          {steps.length > MAX_STEPS && <li class="more">+{steps.length - MAX_STEPS} more</li>}
        </ul>
      )}
    </figure>
  );
}
