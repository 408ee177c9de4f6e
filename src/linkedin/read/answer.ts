// One LinkedIn answer the tap (or a HAR) saw, and the one way to read it: by endpoint, through
// the readers of src/linkedin/read/, into detections and problems. The extension and
// `ledger har` both call `readAnswer`.

import type { EndpointKind } from '../endpoints';
import type { Memory, Reading } from './reading';

export interface Answer {
  endpoint: EndpointKind;
  status: number;
  /** The request's body, when it had a text one. */
  request: string | null;
  response: string;
  /** When the page saw the answer (epoch ms). */
  seenAt: number;
}
