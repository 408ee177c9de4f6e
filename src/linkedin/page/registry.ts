// Every page feature, one per file in src/linkedin/features/; the content script runs them
// with watch.ts. Adding one: its file there (`export const x = defineFeature({ id: '<file
// name>', pages, selectors, run })`), its line here, and where its selectors are found in
// test/unit/linkedin/features.test.ts (ANCHORS). That test fails when a step is forgotten.

import { inboxHeader } from '../features/inbox-header';
import { messagingComposer } from '../features/messaging-composer';
import { personChip } from '../features/person-chip';
import { recruiterComposer } from '../features/recruiter-composer';
import { snComposer } from '../features/sn-composer';
import { threadStatus } from '../features/thread-status';
import type { Feature } from './feature';

export const FEATURES: readonly Feature[] = [
  snComposer,
  messagingComposer,
  inboxHeader,
  personChip,
  threadStatus,
  recruiterComposer,
];
