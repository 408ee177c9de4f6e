import { recordPageSeen } from '@/src/linkedin/page-health';
import { CONTENT_MATCHES, pageKind } from '@/src/linkedin/page-kinds';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const seen = () => {
      const kind = pageKind(location.href);
      if (kind) void recordPageSeen(kind, Date.now());
    };
    seen();
    // LinkedIn is a single-page app: navigation replaces reloads.
    ctx.addEventListener(window, 'wxt:locationchange', seen);
  },
});
