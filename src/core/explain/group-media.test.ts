// Wording for statements and figures resting on the group's own media (group-media.ts), on
// sourcing worked out by the real analysis of short texts written for this test.
import { describe, expect, it } from 'vitest';
import { analyzeHtml } from '../analyze';
import { outletsFromSources } from '../sourcing';
import defaultPack from '../../packs/default/pack.json';
import { claimGroupMediaNote, GROUP_MEDIA_TEXT, groupMediaNotices, groupMedium } from './group-media';

const OUTLETS = outletsFromSources(defaultPack.sources);

function sourcingOf(body: string, lang = 'en') {
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Attack near Kirkuk claimed by the Islamic State</title></head><body><article><h1>Attack near Kirkuk</h1>${body}</article></body></html>`;
  const a = analyzeHtml(html, { outlets: OUTLETS });
  const items = a.sourcing.items.map((i) => ({ kind: i.kind, source: i.source, quote: i.quote, start: i.start, end: i.end }));
  const sources = a.sourcing.sources.map((s) => ({ kind: s.kind, source: s.source, role: s.role ?? null, via: s.via ?? null, statements: s.statements }));
  return { text: a.article.text, sourcing: { items, sources }, claims: a.claims };
}

describe('group media wording', () => {
  it('names the medium from a label in English or Arabic', () => {
    expect(groupMedium('Amaq')).toBe('amaq');
    expect(groupMedium('وكالة أعماق')).toBe('amaq');
    expect(groupMedium('al-Naba')).toBe('naba');
    expect(groupMedium('a website used by the group')).toBe('other');
  });

  it('a claim of responsibility carried by Amaq reads as such, with the warning', () => {
    const { text, sourcing } = sourcingOf(
      '<p>The Islamic State claimed responsibility on Tuesday for a bombing at a market south of Kirkuk, in a statement carried by its Amaq news agency.</p>' +
        '<p>Amaq said a fighter of the group had detonated an explosive vest among members of a local militia.</p>' +
        '<p>Police in Kirkuk said six people were killed and eleven wounded.</p>',
    );
    const notices = groupMediaNotices(sourcing, text);
    expect(notices).toEqual([{ medium: 'amaq', responsibility: true, text: "Claim of responsibility through the group's Amaq agency; not independently verified." }]);
  });

  it('a plain statement through the group media is not called a claim of responsibility; pages without group media get nothing', () => {
    const { text, sourcing } = sourcingOf('<p>Amaq said the group\'s fighters had withdrawn from two villages west of Mosul after heavy air strikes.</p><p>Residents told reporters the villages were empty.</p>');
    const n = groupMediaNotices(sourcing, text);
    expect(n.map((x) => x.responsibility)).toEqual([false]);
    expect(n[0].text).toBe(GROUP_MEDIA_TEXT.statement(GROUP_MEDIA_TEXT.medium('amaq')));
    const none = sourcingOf('<p>Police officials in Kirkuk said at least four officers were killed when gunmen of the Islamic State attacked a checkpoint.</p>');
    expect(groupMediaNotices(none.sourcing, none.text)).toEqual([]);
  });

  it('a figure stated through Amaq carries the figure warning; a figure from the police does not', () => {
    const { sourcing } = sourcingOf(
      '<p>Amaq said 30 soldiers were killed in the attack on the base near Haditha.</p><p>Police officials said four soldiers were killed.</p>',
    );
    const amaqFigure = { text: 'Amaq said 30 soldiers were killed in the attack on the base near Haditha.', attributedTo: 'Amaq', via: null };
    expect(claimGroupMediaNote(amaqFigure, sourcing)).toBe("This figure rests on the group's Amaq agency; not independently verified.");
    expect(claimGroupMediaNote({ text: 'Police officials said four soldiers were killed.', attributedTo: 'Police officials', via: null }, sourcing)).toBeNull();
    expect(claimGroupMediaNote(amaqFigure, { sources: [] })).toBeNull();
  });
});
