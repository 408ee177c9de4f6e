// Sales Navigator's own count of InMail credits left:
// {"elements":[{"type":"LSS_INMAIL","value":150}]} [firm]. Extra fields and order do not matter.

import * as v from 'valibot';

const schema = v.looseObject({
  elements: v.array(v.looseObject({ type: v.string(), value: v.unknown() })),
});

/** Credits left, or null when the payload is not what we know. */
export function parseSalesCredits(payload: unknown): number | null {
  const parsed = v.safeParse(schema, payload);
  if (!parsed.success) return null;
  const grant = parsed.output.elements.find((e) => e.type === 'LSS_INMAIL');
  const value = grant?.value;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= 100_000
    ? value
    : null;
}
