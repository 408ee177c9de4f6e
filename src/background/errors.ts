// Errors as the rep reads them: their own mistakes passed through as they are, the browser's
// refusals said in words.

import { LedgerFileError } from '../ledger/ledger-file';
import { LedgerConflict } from '../store/ledger-store';

/** An error the rep can act on, passed through as it is. */
export class UserError extends Error {}

/** The rep's mistake (a bad file, a conflict, a refused command), not the browser's. */
export function isRepError(error: unknown): error is Error {
  return error instanceof UserError || error instanceof LedgerFileError || error instanceof LedgerConflict;
}

export function errorText(error: unknown): string {
  if (isRepError(error)) return error.message;
  const name = (error as { name?: string })?.name;
  if (name === 'QuotaExceededError')
    return 'the browser is out of storage space for the ledger; nothing was written';
  return `could not save: ${(error as Error)?.message ?? String(error)}`;
}
