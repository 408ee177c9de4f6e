import { watchComposer } from '@/src/linkedin/features/composer-watch';
import { detectionsFrom } from '@/src/linkedin/network-detector';
import { deliver, flush } from '@/src/linkedin/outbox';
import { recordPageSeen } from '@/src/linkedin/page-health';
import { CONTENT_MATCHES, pageKind } from '@/src/linkedin/page-kinds';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  // As early as the tap, so no response it sees while the page loads goes unheard.
  runAt: 'document_start',
  main(ctx) {
    const seen = () => {
      const kind = pageKind(location.href);
      if (kind) void recordPageSeen(kind, Date.now());
    };
    seen();
    // LinkedIn is a single-page app: navigation replaces reloads.
    ctx.addEventListener(window, 'wxt:locationchange', seen);
    // What the tap (page world) saw of LinkedIn's own responses.
    ctx.addEventListener(window, 'message', (event: MessageEvent) => {
      if (event.source !== window) return;
      const detections = detectionsFrom(event.data, document, () => crypto.randomUUID());
      if (detections.length > 0) void deliver(detections);
    });
    // Whatever an earlier page could not hand over.
    void flush();
    // The composer lives on Sales Navigator pages; it appears when the rep clicks Message.
    if (pageKind(location.href)?.startsWith('sales-')) watchComposer(ctx, () => crypto.randomUUID());
  },
});
