import { startBackground } from '@/src/background/main';
import { testHooks } from '@/src/background/test-hooks';

export default defineBackground(() => {
  // Test builds (`wxt build --mode e2e`) get a movable clock; the production bundle
  // drops this branch and the hooks module with it.
  startBackground(import.meta.env.MODE === 'e2e' ? testHooks() : {});
});
