// Command-line arguments of `ledger`, checked before any file is read.

import { parseInstant } from '../ledger/instant';

export type CliArgs =
  | { command: 'summary' | 'report'; file: string; at: number; seat?: string; days: number }
  | { command: 'har'; file: string; account?: string; redact?: string };

export const USAGE =
  'usage: ledger summary FILE [--at ISO-INSTANT] [--seat ID] [--days N] | ledger report FILE [--at ISO-INSTANT] [--days N] | ledger har FILE.har [--account URN] [--redact OUT.har]';

export class UsageError extends Error {}

const MAX_DAYS = 3650;

const OPTIONS = {
  summary: ['at', 'seat', 'days'],
  report: ['at', 'seat', 'days'],
  har: ['account', 'redact'],
} as const;

export function parseArgs(argv: readonly string[], now: number): CliArgs {
  const [command, ...rest] = argv;
  if (command !== 'summary' && command !== 'report' && command !== 'har') {
    throw new UsageError(
      command === undefined ? `no command given; ${USAGE}` : `unknown command '${command}'; ${USAGE}`,
    );
  }
  const known: readonly string[] = OPTIONS[command];
  let file: string | undefined;
  const options = new Map<string, string>();
  for (let k = 0; k < rest.length; k++) {
    const arg = rest[k] as string;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      if (!known.includes(name)) throw new UsageError(`unknown option '--${name}'; ${USAGE}`);
      if (options.has(name)) throw new UsageError(`--${name} given twice`);
      const value = eq === -1 ? rest[++k] : arg.slice(eq + 1);
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      options.set(name, value);
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new UsageError(`unexpected argument '${arg}'; ${USAGE}`);
    }
  }
  if (command === 'har') {
    if (file === undefined) throw new UsageError(`no HAR file given; ${USAGE}`);
    return { command, file, account: options.get('account'), redact: options.get('redact') };
  }
  if (file === undefined) throw new UsageError(`no ledger file given; ${USAGE}`);

  let at = now;
  const atText = options.get('at');
  if (atText !== undefined) {
    const parsed = parseInstant(atText);
    if (parsed === null) {
      throw new UsageError(
        `--at '${atText}' is not an ISO 8601 instant with an offset (e.g. 2026-03-01T00:00:00Z)`,
      );
    }
    at = parsed;
  }
  let days = 7;
  const daysText = options.get('days');
  if (daysText !== undefined) {
    if (!/^\d+$/.test(daysText) || Number(daysText) > MAX_DAYS) {
      throw new UsageError(`--days '${daysText}' is not a whole number of days from 0 to ${MAX_DAYS}`);
    }
    days = Number(daysText);
  }
  return { command, file, at, seat: options.get('seat'), days };
}
