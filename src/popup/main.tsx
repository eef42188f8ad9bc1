import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { App } from './components/App';
import { applyStoredTheme } from '../ui/apply-theme';
import { applyDocumentLocale, coreTranslator } from '../shared/i18n';
import { setCoreTranslator } from '../core/i18n/translate';

applyDocumentLocale();
setCoreTranslator(coreTranslator);
applyStoredTheme();
render(<App />, document.getElementById('app')!);
