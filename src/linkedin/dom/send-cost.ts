// What a send can cost (rule 6). Which one a send had is read at the moment of Send, from the
// composer and the person it writes to only: see send-moment.ts.

export type DetectedCost = 'paid' | 'free-connection' | 'free-open-profile';
