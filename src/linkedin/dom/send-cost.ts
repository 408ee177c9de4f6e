// What a send can cost (rule 6). Which one a send had is read at the moment of Send, from the
// composer and the person it writes to only: see send-moment.ts. The values are the ledger's
// own (`SEND_COSTS` in ledger/events.ts): what the page shows is what the ledger records.

import type { SendCost } from '../../ledger/events';

export type DetectedCost = SendCost;
