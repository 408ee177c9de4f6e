import { endpointHealthRecorder, pruneHealth } from '@/src/linkedin/endpoint-health';
import { inboxHeader } from '@/src/linkedin/features/inbox-header';
import { messagingComposer } from '@/src/linkedin/features/messaging-composer';
import { removeOverlays } from '@/src/linkedin/features/overlay';
import { watchPage } from '@/src/linkedin/features/page-watch';
import { personChip } from '@/src/linkedin/features/person-chip';
import { recruiterComposer } from '@/src/linkedin/features/recruiter-composer';
import { watchSendMoments } from '@/src/linkedin/features/send-moments';
import { salesComposer } from '@/src/linkedin/features/sn-composer';
import { threadStatus } from '@/src/linkedin/features/thread-status';
import { detectionsFromTap } from '@/src/linkedin/network-reader';
import { deliver, flush, stopOutbox } from '@/src/linkedin/outbox';
import { CONTENT_MATCHES } from '@/src/linkedin/page-kinds';
import { newMemory } from '@/src/linkedin/read/reading';
import { openTapChannel } from '@/src/linkedin/tap-channel';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  // As early as the tap: the private channel is opened before any page script runs.
  runAt: 'document_start',
  main(ctx) {
    const randomId = () => crypto.randomUUID();
    const recruiter = recruiterComposer(randomId, ctx.signal);
    // An update or reload of the extension invalidates this script: nothing of it stays behind.
    ctx.onInvalidated(() => {
      stopOutbox();
      removeOverlays(document);
    });
    const moments = watchSendMoments(document, ctx.signal);
    const health = endpointHealthRecorder(randomId());
    const reader = {
      memory: newMemory(),
      page: { takeSend: moments.take, recruiterCost: recruiter.noteCost },
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
    // Every page feature, run when LinkedIn renders something new or the ledger changes.
    const update = watchPage(
      ctx,
      [
        salesComposer(randomId),
        messagingComposer(randomId),
        inboxHeader(randomId),
        personChip,
        threadStatus,
        recruiter.feature,
      ],
      (snapshot) => {
        // Who we are, as the seats remember it, helps the readers tell our messages apart.
        for (const seat of snapshot?.seats ?? []) {
          const id = seat.account?.split(':')[1];
          if (id) reader.memory.me.add(id);
        }
      },
    );
    // LinkedIn is a single-page app: navigation replaces reloads.
    ctx.addEventListener(window, 'wxt:locationchange', () => update());
  },
});
