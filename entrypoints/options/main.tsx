import { render } from 'preact';
import { OptionsApp } from '@/src/ui/options/OptionsApp';
import '@/src/ui/styles/theme.css';
import '@/src/ui/styles/options.css';

render(<OptionsApp />, document.getElementById('app') as HTMLElement);
