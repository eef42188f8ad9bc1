import { render } from 'preact';
import '../ui/theme.css';
import './options.css';
import { applyStoredTheme } from '../ui/apply-theme';
import { applyDocumentLocale, coreTranslator, t } from '../shared/i18n';
import { setCoreTranslator } from '../core/i18n/translate';
import { OptionsApp } from './components/OptionsApp';

applyDocumentLocale();
setCoreTranslator(coreTranslator);
document.title = t('opt_title');
applyStoredTheme();
render(<OptionsApp />, document.getElementById('app')!);
