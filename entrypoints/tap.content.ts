import { CONTENT_MATCHES } from '@/src/linkedin/page-kinds';
import { installTap } from '@/src/linkedin/tap';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installTap(window);
  },
});
