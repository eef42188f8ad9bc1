/** The worker's kept page texts and ClaimReviews on fake-indexeddb: changes since saved, fact-checked claims. */
import { describe, expect, it } from 'vitest';
import { freshStore } from '../store/test-support';
import type { ClaimView, PageReport } from '../shared/messages';
import { changesForPage, forgetReportText, keepPageText, listChanges } from './changes';
import { attachFactChecks, fromRecord, recordClaimReviews } from './fact-checks';

const P1 = 'The council said forty families left the district overnight after the shelling.';
const P2 = 'A second paragraph that will be removed in the later version of the story.';
const P3 = 'The last paragraph stays the same in both versions of the page.';

function page(over: Partial<PageReport> = {}): PageReport {
  return {
    stage: 'full', url: 'http://127.0.0.1/story.html#top', title: 'First headline', titleDerived: false, siteName: null, byline: null,
    published: '2024-03-01', lang: 'en', dir: 'ltr', canonicalUrl: null, section: null, isArticle: true, wordCount: 40,
    text: [P1, P2, P3].join('\n\n'),
    verdict: { topicId: 'isis', topicLabel: 'ISIS', score: 0.9, onTopic: true, reason: 't', evidence: [], lang: 'en' },
    ...over,
  };
}

describe('changes since saved', () => {
  it('reports nothing for a page never saved, or unchanged', async () => {
    const { db } = await freshStore();
    expect(await changesForPage(db, page())).toBeNull();
    expect(await keepPageText(db, page(), { reason: 'saved', reportId: 'user-1', now: 1000 })).toBe(true);
    const row = await db.pageTexts.get('http://127.0.0.1/story.html');
    expect(row?.paragraphs).toEqual([P1, P2, P3]);
    expect(row?.fingerprints).toHaveLength(3);
    expect(await changesForPage(db, page())).toBeNull();
    expect(await listChanges(db)).toEqual([]);
  });

  it('says what changed, keeps the latest version for the library, and forgets it with the report', async () => {
    const { db } = await freshStore();
    await keepPageText(db, page(), { reason: 'saved', reportId: 'user-1', now: 1000 });
    const later = page({ title: 'Second headline', published: '2024-03-02', text: [P1.replace('forty', 'sixty'), P3].join('\n\n') });
    const c = await changesForPage(db, later, 2000);
    expect(c).toEqual({
      savedAt: 1000, reason: 'saved', reportId: 'user-1', titleBefore: 'First headline', titleAfter: 'Second headline',
      dateBefore: '2024-03-01', dateAfter: '2024-03-02', edited: 1, added: 0, removed: 1, changedParagraphs: [P1, P2],
    });
    const list = await listChanges(db);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ url: 'http://127.0.0.1/story.html', reportId: 'user-1', savedAt: 1000, seenAt: 2000 });
    expect(list[0].after.paragraphs).toEqual([P1.replace('forty', 'sixty'), P3]);
    await forgetReportText(db, 'user-1');
    expect(await db.pageTexts.count()).toBe(0);
  });

  it('a highlight keeps the first version only; a save replaces it', async () => {
    const { db } = await freshStore();
    expect(await keepPageText(db, page(), { reason: 'highlight', now: 1 })).toBe(true);
    expect(await keepPageText(db, page({ title: 'x' }), { reason: 'highlight', now: 2 })).toBe(false);
    expect((await db.pageTexts.get('http://127.0.0.1/story.html'))?.title).toBe('First headline');
    await keepPageText(db, page({ title: 'x' }), { reason: 'saved', now: 3 });
    expect((await db.pageTexts.get('http://127.0.0.1/story.html'))).toMatchObject({ title: 'x', reason: 'saved', savedAt: 3 });
    expect(await keepPageText(db, page({ stage: 'quick', text: '' }), { reason: 'saved' })).toBe(false);
  });
});

describe('fact-checked claims', () => {
  const review = {
    claimReviewed: 'A convoy of 300 fighters crossed the border at Qaim last week', claimAuthor: 'A channel', appearance: null,
    ratingName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1, reviewer: 'Checks Desk', datePublished: '2024-05-02', url: 'https://checks.example/fc',
  };
  const view = (text: string): ClaimView => ({ text, figure: '300', subject: 'fighters', quantity: 300, qualifier: 'exact', attributedTo: null, via: null, elsewhere: [] });

  it('marks a matching claim on another page, not on the fact-check page itself', async () => {
    const { db } = await freshStore();
    expect(await recordClaimReviews(db, page({ url: 'http://127.0.0.1/fc.html', claimReviews: [review] }))).toBe(1);
    expect(await recordClaimReviews(db, page({ url: 'http://127.0.0.1/fc.html', claimReviews: [review] }))).toBe(1);
    expect(await db.claimReviews.count()).toBe(1);
    const claims = [{ text: 'Officials said 300 fighters in a convoy crossed the border near Qaim.', subject: 'fighters', quantity: 300 }, { text: 'Nothing related at all.', subject: 'x', quantity: null }];
    const views = claims.map((c) => view(c.text));
    await attachFactChecks(db, 'http://127.0.0.1/other.html', claims, views);
    expect(views[0].factChecks).toEqual([{ reviewer: 'Checks Desk', rating: 'False (1 of 5)', claimReviewed: review.claimReviewed, url: 'https://checks.example/fc', datePublished: '2024-05-02', reason: expect.stringMatching(/^same figure 300/) }]);
    expect(views[1].factChecks).toBeUndefined();
    // Reviews carried by reports in the store count too (not twice when also seen).
    const fromPack = claims.map((c) => view(c.text));
    await attachFactChecks(db, 'http://127.0.0.1/other.html', claims, fromPack, [
      fromRecord({ claimReviewed: review.claimReviewed, reviewer: review.reviewer }, 'https://checks.example/fc'),
      fromRecord({ claimReviewed: 'Officials said 300 fighters in a convoy crossed the border near Qaim', reviewer: 'Pack Desk', ratingName: 'Misleading' }, 'https://pack.example/r'),
    ]);
    expect(fromPack[0].factChecks?.map((f) => `${f.reviewer}: ${f.rating}`).sort()).toEqual(['Checks Desk: False (1 of 5)', 'Pack Desk: Misleading']);
    const own = claims.map((c) => view(c.text));
    await attachFactChecks(db, 'http://127.0.0.1/fc.html#x', claims, own);
    expect(own[0].factChecks).toBeUndefined();
  });
});
