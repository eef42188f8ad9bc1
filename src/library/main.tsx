import { render } from 'preact';
import '../ui/theme.css';
import './library.css';
import { applyStoredTheme } from '../ui/apply-theme';
import { applyDocumentLocale, coreTranslator, t } from '../shared/i18n';
import { setCoreTranslator } from '../core/i18n/translate';
import { LibraryApp } from './components/LibraryApp';

applyDocumentLocale();
setCoreTranslator(coreTranslator);
document.title = t('lib_title');
applyStoredTheme();
render(<LibraryApp />, document.getElementById('app')!);
