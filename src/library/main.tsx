import { render } from 'preact';
import '../ui/theme.css';
import './library.css';
import { applyStoredTheme } from '../ui/apply-theme';
import { LibraryApp } from './components/LibraryApp';

applyStoredTheme();
render(<LibraryApp />, document.getElementById('app')!);
