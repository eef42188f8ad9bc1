import { describe, expect, it } from 'vitest';
import { checkSender, parseContentMessageStrict as parseContentRequest, parseWorkerMessage as parseWorkerRequest } from './contract/schemas';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const page = {
  stage: 'full', url: 'https://example.org/a', title: 't', titleDerived: false, siteName: null, byline: null,
  published: null, lang: 'en', dir: 'ltr', canonicalUrl: null, section: null, isArticle: true, wordCount: 3, text: 'a b c',
  verdict: { topicId: 'islamic-state', topicLabel: 'the Islamic State', score: 0.9, onTopic: true, reason: 'r', evidence: [], lang: 'en' },
};

describe('message validation', () => {
  it('accepts well-formed messages', () => {
    expect(parseWorkerRequest({ type: 'page/analysed', page }).ok).toBe(true);
    expect(parseWorkerRequest({ type: 'popup/get-state', tabId: 4 }).ok).toBe(true);
    expect(parseContentRequest({ type: 'content/get-state' }).ok).toBe(true);
  });
  it('rejects unknown types, wrong types, out-of-range values and oversize text, naming the path', () => {
    expect(parseWorkerRequest({ type: 'store/wipe' }).ok).toBe(false);
    const r = parseWorkerRequest({ type: 'popup/get-state', tabId: -1 });
    expect(r.ok).toBe(false);
    const s = parseWorkerRequest({ type: 'page/analysed', page: { ...page, verdict: { ...page.verdict, score: 2 } } });
    expect(s.ok === false && s.error).toMatch(/page\.verdict\.score/);
    expect(parseWorkerRequest({ type: 'page/analysed', page: { ...page, text: 'x'.repeat(60_001) } }).ok).toBe(false);
    expect(parseWorkerRequest(null).ok).toBe(false);
    expect(parseWorkerRequest('page/analysed').ok).toBe(false);
  });
});

describe('sender checks', () => {
  const content = { id: EXT, url: 'https://news.example/a', tab: { id: 3 }, frameId: 0 };
  const popup = { id: EXT, url: `${ORIGIN}src/popup/index.html` };
  it('page data only from a content script in a top frame', () => {
    expect(checkSender('page/analysed', content, EXT, ORIGIN)).toBeNull();
    expect(checkSender('page/analysed', { ...content, frameId: 2 }, EXT, ORIGIN)).toMatch(/top frame/);
    expect(checkSender('page/analysed', popup, EXT, ORIGIN)).toMatch(/from a tab/);
  });
  it('control messages only from extension pages', () => {
    expect(checkSender('popup/get-state', popup, EXT, ORIGIN)).toBeNull();
    expect(checkSender('popup/get-state', content, EXT, ORIGIN)).toMatch(/extension pages/);
  });
  it('nothing from another extension or a web page', () => {
    expect(checkSender('popup/get-state', { ...popup, id: 'other' }, EXT, ORIGIN)).toMatch(/not this extension/);
    expect(checkSender('page/analysed', { url: 'https://evil.example/' }, EXT, ORIGIN)).toMatch(/not this extension/);
  });
});
