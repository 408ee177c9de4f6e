import { endpointHealthRecorder, pruneHealth } from '@/src/linkedin/endpoint-health';
import { detectionsFromTap } from '@/src/linkedin/network-reader';
import { deliver, flush, stopOutbox } from '@/src/linkedin/outbox';
import { overlaysFollowTheme, removeOverlays } from '@/src/linkedin/overlay/overlay';
import { FEATURES } from '@/src/linkedin/page/registry';
import { watchSendMoments } from '@/src/linkedin/page/send-moments';
import { watchFeatures } from '@/src/linkedin/page/watch';
import { CONTENT_MATCHES } from '@/src/linkedin/page-kinds';
import { newMemory } from '@/src/linkedin/read/reading';
import { openTapChannel } from '@/src/linkedin/tap-channel';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  // As early as the tap: the private channel is opened before any page script runs.
  runAt: 'document_start',
  main(ctx) {
    // An update or reload of the extension invalidates this script: nothing of it stays behind.
    ctx.onInvalidated(() => {
      stopOutbox();
      removeOverlays(document);
    });
    // Chrome tells a content script nothing when its extension goes; WXT's ctx notices when one
    // of its timers fires (it checks runtime.id). This one does nothing else, every 2 s.
    ctx.setInterval(() => {}, 2000);
    const memory = newMemory();
    // Every page feature (src/linkedin/features/), run on its pages while this script lives.
    const page = watchFeatures(ctx, FEATURES, (snapshot) => {
      // Who we are, as the seats remember it, helps the readers tell our messages apart.
      for (const seat of snapshot?.seats ?? []) {
        const id = seat.account?.split(':')[1];
        if (id) memory.me.add(id);
      }
    });
    overlaysFollowTheme(document, ctx.signal);
    const moments = watchSendMoments(document, ctx.signal);
    const health = endpointHealthRecorder(crypto.randomUUID());
    const reader = {
      memory,
      page: {
        takeSend: moments.take,
        recruiterCost: (cost: 0 | 1) => page.hear({ recruiterCost: cost }),
      },
      noteHealth: health.note,
    };
    // What the tap (page world) saw of LinkedIn's own answers, on our private port only.
    openTapChannel(
      window,
      (data) => {
        const detections = detectionsFromTap(data, reader, Date.now());
        if (detections.length > 0) void deliver(detections);
      },
      ctx.signal,
    );
    // Whatever an earlier page could not hand over; health of pages long gone.
    void flush();
    void pruneHealth(Date.now()).catch(() => {});
  },
});
