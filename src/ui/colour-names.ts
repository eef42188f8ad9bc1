/** Highlight colour names in the reader's language (the stored value stays the English id). */
import type { HighlightColor } from '../store/db';
import { t, type MessageKey } from '../shared/i18n';

const KEY: Record<HighlightColor, MessageKey> = {
  yellow: 'colour_yellow',
  green: 'colour_green',
  blue: 'colour_blue',
  pink: 'colour_pink',
  purple: 'colour_purple',
};

export function colourName(c: HighlightColor): string {
  return KEY[c] ? t(KEY[c]) : c;
}
