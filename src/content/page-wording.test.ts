// The full pass's English wording: same sentences as the installed translator would give in English, and the locale list in step with public/_locales.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

let ui = 'en-US';
vi.mock('webextension-polyfill', () => ({ default: { i18n: { getUILanguage: () => ui } } }));

const { ENGLISH_PAGE, englishMessages, OTHER_LOCALES, pageWording } = await import('./page-wording');
const { detectTopic } = await import('../core/detect/detect');
const { DEFAULT_PROFILE } = await import('../core/detect/default-profile');
const { ENGLISH, setCoreTranslator, tr } = await import('../core/i18n/translate');

describe('page wording', () => {
  it('lists every locale shipped besides English', () => {
    const shipped = readdirSync(path.resolve(__dirname, '../../public/_locales')).filter((l) => l !== 'en').sort();
    expect([...OTHER_LOCALES].sort()).toEqual(shipped);
  });

  it('uses the core English catalogue only when the messages are English', () => {
    const other = { ...ENGLISH, data: (s: string) => `[${s}]` };
    setCoreTranslator(other);
    try {
      for (const [lang, english] of [['en-US', true], ['en', true], ['de-DE', true], ['fr', false], ['fr-CA', false], ['ar-EG', false], ['ar', false]] as const) {
        ui = lang;
        expect(englishMessages(lang), lang).toBe(english);
        expect(pageWording(), lang).toBe(english ? ENGLISH_PAGE : other);
      }
    } finally {
      setCoreTranslator(ENGLISH);
      ui = 'en-US';
    }
  });

  it('words a verdict as the English translator does, long articles included', () => {
    const para = 'The council of the river town met again on Tuesday to discuss the bridge, the clinic and the budget for next year.';
    const inputs = [
      { title: 'Islamic State fighters retreat from desert outpost', lead: 'Fighters of the Islamic State left the outpost overnight, officials said.', text: `Fighters of the Islamic State left the outpost overnight, officials said.\n\n${para}\n\nISIS had held the outpost since spring.`, meta: '', lang: 'en' },
      { title: 'Town council debates the bridge budget', lead: para, text: `${Array(120).fill(para).join('\n\n')}\n\nOne speaker recalled the years when ISIS held towns further east.`, meta: '', lang: 'en' },
    ];
    for (const input of inputs) {
      const page = detectTopic(input, DEFAULT_PROFILE, ENGLISH_PAGE);
      const core = detectTopic(input, DEFAULT_PROFILE, tr());
      expect(page.reason).toBe(core.reason);
      expect(page.reason.length).toBeGreaterThan(10);
    }
    expect(ENGLISH_PAGE.plural('reason_once_passing', 1234)).toContain('1,234');
  });
});
