import { render } from 'preact';
import { PopupApp, START_MARK } from '@/src/ui/popup/PopupApp';
import { readPublished } from '@/src/ui/use-snapshot';
import '@/src/ui/styles/theme.css';
import '@/src/ui/styles/popup.css';

performance.mark(START_MARK);
// The published figures are read before the first render, so they come with the first paint.
const app = document.getElementById('app') as HTMLElement;
void readPublished().then(
  (snapshot) => render(<PopupApp preloaded={snapshot} />, app),
  () => render(<PopupApp />, app),
);
