// `ledger`: the summary of a ledger file, computed by the very `summarize` the extension runs,
// and what the extension would read from a HAR. Bad arguments or a bad file: one line on
// stderr, exit code 2.

import { readFileSync, writeFileSync } from 'node:fs';
import { LedgerFileError, parseLedgerFile } from '../ledger/ledger-file';
import { replay } from '../ledger/replay';
import { beforeSetupCounts, summaryOf } from '../ledger/summarize';
import { type CliArgs, parseArgs, UsageError } from './args';
import { readHar } from './har';
import { type Har, HarError, parseHar } from './har-file';
import { redactHar } from './har-redact';
import { formatReport } from './report';

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read '${path}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

/** `ledger har`: what the extension would read from a capture; with --redact, a copy to share. */
function runHar(args: Extract<CliArgs, { command: 'har' }>, text: string): string {
  let har: Har;
  try {
    har = parseHar(text);
  } catch (error) {
    throw error instanceof HarError ? new UsageError(`${args.file}: ${error.message}`) : error;
  }
  // Read first: a bad --account stops the command before anything is written.
  const reading = readHar(har, args.account);
  if (args.redact !== undefined) {
    try {
      writeFileSync(args.redact, `${JSON.stringify(redactHar(har, args.account).har, null, 1)}\n`);
    } catch (error) {
      throw new UsageError(`cannot write '${args.redact}': ${(error as NodeJS.ErrnoException).code}`);
    }
  }
  return JSON.stringify(reading, null, 2);
}

function run(argv: readonly string[]): string {
  const args = parseArgs(argv, Date.now());
  const text = readText(args.file);
  if (args.command === 'har') return runHar(args, text);
  const file = parseLedgerFile(text);
  let seats = file.seats;
  if (args.seat !== undefined) {
    seats = seats.filter((s) => s.id === args.seat);
    if (seats.length === 0) throw new UsageError(`--seat '${args.seat}' is not a seat of ${args.file}`);
  }
  const bySeat = new Map<string, typeof file.events>(seats.map((s) => [s.id, []]));
  for (const e of file.events) bySeat.get(e.seat)?.push(e);
  // summarize(seat, events, at) is summaryOf(replay(…)): the report also reads the replay.
  const rows = seats.map((seat) => {
    const state = replay(seat, bySeat.get(seat.id) ?? [], args.at);
    return { seat, summary: summaryOf(state, { days: args.days }), beforeSetup: beforeSetupCounts(state) };
  });
  if (args.command === 'report') return formatReport(rows);
  return JSON.stringify({ seats: rows.map((r) => r.summary) }, null, 2);
}

try {
  process.stdout.write(`${run(process.argv.slice(2))}\n`);
} catch (error) {
  const message =
    error instanceof UsageError || error instanceof LedgerFileError
      ? error.message
      : `unexpected error: ${(error as Error).message}`;
  process.stderr.write(`ledger: ${message.replace(/\s+/g, ' ')}\n`);
  process.exitCode = 2;
}
