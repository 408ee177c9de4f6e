// The pure credit ledger: the only place that computes a balance.
export * from './events';
export * from './instant';
export * from './plans';
export type { LedgerState, Lot, SendRecord } from './replay';
export { replay } from './replay';
export * from './setup-source';
export * from './summarize';
