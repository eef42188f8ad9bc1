/**
 * A seed report under another site's clothes, built at run time for the matching
 * evaluation (served from the local test server, never saved): the same article text under
 * a different headline (written for this project), with a different layout — breadcrumb,
 * share bar, a "read also" box inside the article, a related-stories rail, a newsletter
 * box, reader comments and a cookie notice. Nothing of the seed is stored in the repo.
 */

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Headlines for the variants, by seed file prefix (our own words). */
export const VARIANT_HEADLINES: Record<string, string> = {
  '000': 'Foreign tech staff walk away from the Islamic State media operation in Mosul',
  '001': 'Inside the Islamic State propaganda teams, as described by captured defectors',
  '002': 'Islamic State shifts to online recruiting after losing its territory, analysts warn',
  '003': 'Support for the Islamic State frays in Mosul as the Iraqi offensive nears',
  '004': 'How ISIS used social media in its push across Iraq',
};

export function variantHeadline(seedFile: string): string {
  return VARIANT_HEADLINES[seedFile.slice(0, 3)] ?? 'A report on the Islamic State, republished';
}

/**
 * The variant page. `text` is the seed file's text; `dropFirstLine` removes its own
 * headline (the seed's first line) so that only the new headline is shown.
 */
export function seedVariantHtml(text: string, opts: { headline: string; dropFirstLine: boolean; site?: string }): string {
  const lines = text.replace(/\r/g, '').split('\n').map((l) => l.trim()).filter(Boolean);
  if (opts.dropFirstLine) lines.shift();
  const site = opts.site ?? 'The Evening Relay';
  const body: string[] = [];
  lines.forEach((l, i) => {
    body.push(`<p class="story-paragraph">${esc(l)}</p>`);
    if (i === 1) {
      body.push('<div class="read-also"><strong>Read also:</strong> <a href="/world/ceasefire-talks">Ceasefire talks resume in Geneva</a></div>');
    }
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${esc(opts.headline)} — ${esc(site)}</title>
<meta name="viewport" content="width=device-width">
<meta property="og:site_name" content="${esc(site)}"><meta property="og:type" content="article">
<meta property="og:title" content="${esc(opts.headline)}">
<style>body{font-family:Georgia,serif;margin:0}.wrap{display:flex;gap:2em;max-width:70em;margin:auto}.rail{width:16em}.story{flex:1}</style>
</head><body>
<div class="cookie-notice" role="dialog"><p>We use cookies to count visits. <button>Accept</button> <button>Settings</button></p></div>
<div class="masthead"><a class="logo" href="/">${esc(site)}</a>
<ul class="menu"><li><a href="/news">News</a></li><li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li><li><a href="/culture">Culture</a></li><li><a href="/podcasts">Podcasts</a></li></ul>
<form class="search"><input type="search" placeholder="Search"><button>Go</button></form></div>
<div class="wrap">
<div class="rail"><h3>Top stories</h3><ol>
<li><a href="/a">Central bank holds rates steady</a></li><li><a href="/b">Rail strike called off at the last minute</a></li>
<li><a href="/c">New museum wing opens to the public</a></li><li><a href="/d">Heatwave expected to last into next week</a></li></ol>
<div class="newsletter"><h3>The morning brief</h3><p>Our editors' pick of the day, in your inbox at 7am.</p><input type="email" placeholder="Email"><button>Sign up</button></div></div>
<div class="story">
<p class="breadcrumb"><a href="/news">News</a> › <a href="/news/world">World</a> › Middle East</p>
<h1 class="story-title">${esc(opts.headline)}</h1>
<p class="story-meta">From our wire desk · 6 min read</p>
<div class="share"><a href="#">Share</a> <a href="#">Post</a> <a href="#">Email</a> <a href="#">Print</a></div>
<div class="story-body">
${body.join('\n')}
</div>
<div class="tags">Filed under: <a href="/tag/world">World</a> <a href="/tag/security">Security</a></div>
<section class="comments"><h3>Reader comments (3)</h3>
<div class="comment"><b>pinewood_77</b><p>Interesting read, thanks for republishing this.</p></div>
<div class="comment"><b>Marta L.</b><p>I would like to know where the figures come from.</p></div>
<div class="comment"><b>old_reader</b><p>Everyone seems to be covering this one this week.</p></div>
<form><textarea placeholder="Add a comment"></textarea><button>Post</button></form></section>
</div></div>
<div class="site-footer"><p>${esc(site)} · About us · Contact · Terms · Privacy</p></div>
</body></html>`;
}
