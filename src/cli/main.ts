// `ledger`: the summary of a ledger file, computed by the very `summarize` the extension runs.
// Bad arguments or a bad file: one line on stderr, exit code 2.

import { readFileSync } from 'node:fs';
import { LedgerFileError, parseLedgerFile } from '../ledger/ledger-file';
import { summarize } from '../ledger/summarize';
import { parseArgs, UsageError } from './args';
import { formatReport } from './report';

function run(argv: readonly string[]): string {
  const args = parseArgs(argv, Date.now());
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read '${args.file}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const file = parseLedgerFile(text);
  let seats = file.seats;
  if (args.seat !== undefined) {
    seats = seats.filter((s) => s.id === args.seat);
    if (seats.length === 0) throw new UsageError(`--seat '${args.seat}' is not a seat of ${args.file}`);
  }
  const bySeat = new Map<string, typeof file.events>(seats.map((s) => [s.id, []]));
  for (const e of file.events) bySeat.get(e.seat)?.push(e);
  const rows = seats.map((seat) => ({
    seat,
    summary: summarize(seat, bySeat.get(seat.id) ?? [], args.at, { days: args.days }),
  }));
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
