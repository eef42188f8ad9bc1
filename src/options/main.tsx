import { render } from 'preact';
import '../ui/theme.css';
import './options.css';
import { applyStoredTheme } from '../ui/apply-theme';
import { OptionsApp } from './components/OptionsApp';

applyStoredTheme();
render(<OptionsApp />, document.getElementById('app')!);
