// The next 90 days at a glance: expected credits, and the best case if every pending
// send is answered. A small SVG with a text equivalent for screen readers.

import type { Summary } from '../../ledger/summarize';

const WIDTH = 300;
const HEIGHT = 64;

function path(values: number[], max: number): string {
  const step = WIDTH / Math.max(1, values.length - 1);
  return values
    .map(
      (v, k) =>
        `${k === 0 ? 'M' : 'L'}${(k * step).toFixed(1)},${(HEIGHT - 2 - (v / max) * (HEIGHT - 4)).toFixed(1)}`,
    )
    .join(' ');
}

export function ForecastChart({ forecast }: { forecast: Summary['forecast'] }) {
  if (forecast.length === 0) return null;
  const expected = forecast.map((r) => r.available);
  const best = forecast.map((r) => r.bestCase);
  const max = Math.max(1, ...best, ...expected);
  const first = forecast[0];
  const last = forecast[forecast.length - 1];
  const low = forecast.reduce(
    (m, r) => (r.available < m.available ? r : m),
    forecast[0] as (typeof forecast)[number],
  );
  const description = `Forecast for 90 days: ${first?.available} credits today, lowest ${low.available} on ${low.date}, ${last?.available} on ${last?.date} if nothing is sent or answered; ${last?.bestCase} if every pending InMail is answered.`;
  return (
    <figure class="forecast" data-testid="forecast">
      <figcaption>
        Next 90 days <span class="legend expected">expected</span>
        <span class="legend best">if all pending are answered</span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description} preserveAspectRatio="none">
        <title>{description}</title>
        <path class="best" d={path(best, max)} />
        <path class="expected" d={path(expected, max)} />
      </svg>
    </figure>
  );
}
