import { render } from 'preact';
import { PopupApp } from '@/src/ui/popup/PopupApp';
import '@/src/ui/styles/theme.css';
import '@/src/ui/styles/popup.css';

render(<PopupApp />, document.getElementById('app') as HTMLElement);
