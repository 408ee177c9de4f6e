// The user's settings, validated wherever they cross a boundary (options page, import).

import * as v from 'valibot';

export const settingsSchema = v.strictObject({
  /** Days before an expiry at which to notify, most distant first (default 7 and 2). */
  expiryThresholds: v.pipe(
    v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(89))),
    v.maxLength(4),
  ),
  /** The horizon N of "expiring soon" and "closing soon", in days. */
  horizonDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(60)),
  /** Also notify when refund windows close within the week. */
  notifyRefundWindows: v.boolean(),
});

export type Settings = v.InferOutput<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  expiryThresholds: [7, 2],
  horizonDays: 7,
  notifyRefundWindows: false,
};
