import { inboxHeader } from '@/src/linkedin/features/inbox-header';
import {
  messagingComposer,
  sendingComposer,
  trackComposerUse,
} from '@/src/linkedin/features/messaging-composer';
import { watchPage } from '@/src/linkedin/features/page-watch';
import { personChip } from '@/src/linkedin/features/person-chip';
import { recruiterComposer } from '@/src/linkedin/features/recruiter-composer';
import { salesComposer } from '@/src/linkedin/features/sn-composer';
import { threadStatus } from '@/src/linkedin/features/thread-status';
import { detectionsFrom } from '@/src/linkedin/network-detector';
import { deliver, flush } from '@/src/linkedin/outbox';
import { recordPageSeen } from '@/src/linkedin/page-health';
import { CONTENT_MATCHES, pageKind } from '@/src/linkedin/page-kinds';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  // As early as the tap, so no response it sees while the page loads goes unheard.
  runAt: 'document_start',
  main(ctx) {
    const randomId = () => crypto.randomUUID();
    const seen = () => {
      const kind = pageKind(location.href);
      if (kind) void recordPageSeen(kind, Date.now());
    };
    seen();
    trackComposerUse(document);
    const recruiter = recruiterComposer(randomId);
    // What the tap (page world) saw of LinkedIn's own responses.
    ctx.addEventListener(window, 'message', (event: MessageEvent) => {
      if (event.source !== window) return;
      const detections = detectionsFrom(event.data, {
        doc: document,
        randomId,
        sendingComposer: () => sendingComposer(document),
        recruiterCost: recruiter.noteCost,
      });
      if (detections.length > 0) void deliver(detections);
    });
    // Whatever an earlier page could not hand over.
    void flush();
    // Every page feature, run when LinkedIn renders something new or the ledger changes.
    const update = watchPage(ctx, [
      salesComposer(randomId),
      messagingComposer(randomId),
      inboxHeader(randomId),
      personChip,
      threadStatus,
      recruiter.feature,
    ]);
    // LinkedIn is a single-page app: navigation replaces reloads.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      seen();
      update();
    });
  },
});
