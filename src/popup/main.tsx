import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { App } from './components/App';
import { applyStoredTheme } from '../ui/apply-theme';

applyStoredTheme();
render(<App />, document.getElementById('app')!);
