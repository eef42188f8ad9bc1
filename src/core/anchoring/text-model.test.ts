import { describe as suite, expect, it } from 'vitest';
import { parseHtml } from '../extract/parse-html';
import { rangeFromOffsets, textNodesInRange } from './range';
import { TextModelBuilder, UI_ATTR, UI_TAG, buildTextModel, cleanString, rawOffsetOf, rawToText, textOfRaw, textToRaw } from './text-model';

function body(html: string): { doc: Document; root: Element } {
  const doc = parseHtml(`<!DOCTYPE html><html><body>${html}</body></html>`);
  return { doc, root: doc.body };
}

suite('text model', () => {
  it('collapses white space, separates blocks and <br>, and keeps inline elements joined', () => {
    const { root } = body('<h1>Title</h1><p>One  \n two <b>bold</b>er</p><p>Three<br>four</p><ul><li>a</li><li>b</li></ul>');
    expect(buildTextModel(root).text).toBe('Title One two bolder Three four a b');
  });

  it('leaves out script, style, noscript, form controls, hidden elements and our own UI', () => {
    const { root } = body(
      `<p>keep</p><script>var x = "no";</script><style>p{}</style><noscript>no</noscript><textarea>no</textarea>` +
        `<div hidden>no</div><div ${UI_ATTR}>no</div><${UI_TAG}>no</${UI_TAG}><p>also</p>`,
    );
    const m = buildTextModel(root);
    expect(m.text).toBe('keep also');
    expect(m.raw).toBe('keepalso');
  });

  it('drops invisible format characters but keeps ZWJ sequences (emoji)', () => {
    const { root } = body('<p>soft\u00adhyphen zero\u200bwidth \u200fmark family 👨\u200d👩\u200d👧</p>');
    expect(buildTextModel(root).text).toBe('softhyphen zerowidth mark family 👨\u200d👩\u200d👧');
  });

  it('maps every clean character back to the raw character it came from', () => {
    const { root } = body('<p>  Hello,\n   <em>wide</em>\u00a0 world </p>\n<div>next\tline</div>');
    const m = buildTextModel(root);
    for (let i = 0; i < m.text.length; i++) {
      const c = m.text[i];
      const r = textToRaw(m, i);
      if (c === ' ') expect(/\s/.test(m.raw[r]) || r === m.raw.indexOf('next')).toBe(true);
      else expect(m.raw[r]).toBe(c);
      // rawToText is the inverse on every clean character (a block-boundary space shares its raw offset).
      const back = rawToText(m, r);
      expect(back === i || (back === i - 1 && m.text[back] === ' ')).toBe(true);
    }
    expect(textToRaw(m, m.text.length)).toBe(m.raw.length);
    expect(rawToText(m, m.raw.indexOf('wide'))).toBe(m.text.indexOf('wide'));
    expect(textOfRaw(m, m.raw.indexOf('wide'), m.raw.indexOf('line') + 4)).toBe('wide world next line');
  });

  it('resolves element boundary points to the next counted text', () => {
    const { root } = body('<p id="a">abc</p><script>zzz</script><p id="b">def</p>');
    const m = buildTextModel(root);
    const b = root.querySelector('#b')!;
    expect(rawOffsetOf(m, b, 0)).toBe(3);
    expect(rawOffsetOf(m, root, root.childNodes.length)).toBe(6);
    const script = root.querySelector('script')!;
    expect(rawOffsetOf(m, script.firstChild!, 1)).toBe(3); // inside a left-out subtree: the next counted text
    const outside = parseHtml('<p>x</p>').body;
    expect(rawOffsetOf(m, outside, 0)).toBe(-1);
  });

  it('builds the same model in steps as in one go', () => {
    const paras = Array.from({ length: 3000 }, (_, i) => `<p>paragraph ${i} <a href="#">link ${i}</a> text</p>`).join('');
    const { root } = body(paras);
    const whole = buildTextModel(root);
    const b = new TextModelBuilder(root);
    let steps = 0;
    let m = b.step();
    while (!m) {
      steps++;
      m = b.step();
    }
    expect(steps).toBeGreaterThan(2);
    expect(m.text).toBe(whole.text);
    for (let i = 0; i <= m.text.length; i += 97) expect(textToRaw(m, i)).toBe(textToRaw(whole, i));
  });

  it('agrees with a character-by-character reference on random text', () => {
    let seed = 12345;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = ['a', 'b', 'é', 'ش', '🙂', ' ', ' ', ' ', '\n', '\t', '\u00a0', '\u200b', '\u00ad', '\ufeff', '\u2009', '.'];
    const piece = () => Array.from({ length: Math.floor(rnd() * 12) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    for (let round = 0; round < 200; round++) {
      const blocks: string[][] = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => Array.from({ length: 1 + Math.floor(rnd() * 4) }, piece));
      const doc = parseHtml('<!DOCTYPE html><html><body></body></html>');
      for (const inl of blocks) {
        const p = doc.createElement('p');
        inl.forEach((t, i) => {
          const host = i % 2 ? p.appendChild(doc.createElement('b')) : p;
          host.appendChild(doc.createTextNode(t));
        });
        doc.body.appendChild(p);
      }
      const m = buildTextModel(doc.body);
      // Reference: blocks joined by a space, cleaned one character at a time.
      expect(m.text).toBe(cleanString(blocks.map((b) => b.join('')).join(' ')));
      for (let i = 0; i < m.text.length; i++) {
        const r = textToRaw(m, i);
        if (m.text[i] !== ' ') expect(m.raw[r]).toBe(m.text[i]);
        // A space standing for a block boundary shares its raw offset with the next character.
        const back = rawToText(m, r);
        expect(back === i || (back === i - 1 && m.text[back] === ' ')).toBe(true);
        expect(textToRaw(m, back)).toBe(r);
      }
    }
  });

  it('cleanString matches the clean text of the same characters', () => {
    expect(cleanString('  a \n\t b\u200b c  ')).toBe('a b c');
    expect(cleanString(' prefix  end ', false)).toBe(' prefix end ');
  });
});

suite('offsets ↔ ranges', () => {
  it('rangeFromOffsets lands in the text nodes holding the first and last characters', () => {
    const { root } = body('<p>Hello <b>brave</b> new world</p>');
    const m = buildTextModel(root);
    const s = m.raw.indexOf('brave');
    const r = rangeFromOffsets(m, s, s + 'brave new'.length)!;
    expect(r.startContainer.data).toBe('brave');
    expect(r.startOffset).toBe(0);
    expect(r.endContainer.data).toBe(' new world');
    expect(r.endOffset).toBe(4);
    // At a node boundary the start goes to the next node, the end stays in the previous one.
    const r2 = rangeFromOffsets(m, m.raw.indexOf('brave'), m.raw.indexOf('brave') + 5)!;
    expect(r2.startContainer.data).toBe('brave');
    expect(r2.endContainer.data).toBe('brave');
    expect(r2.endOffset).toBe(5);
  });

  it('textNodesInRange lists the covered parts and skips left-out subtrees', () => {
    const { root } = body('<p>one <i>two</i> three</p><script>nope</script><p>four five</p>');
    const m = buildTextModel(root);
    const r = rangeFromOffsets(m, m.raw.indexOf('ne'), m.raw.indexOf('four') + 4)!;
    const parts = textNodesInRange(r).map((p) => p.node.data.slice(p.start, p.end));
    expect(parts).toEqual(['ne ', 'two', ' three', 'four']);
  });

  it('textNodesInRange accepts element containers', () => {
    const { root } = body('<p id="a">alpha</p><p id="b">beta</p>');
    const a = root.querySelector('#a')!;
    const b = root.querySelector('#b')!;
    const parts = textNodesInRange({ startContainer: a, startOffset: 0, endContainer: b, endOffset: 1 });
    expect(parts.map((p) => p.node.data.slice(p.start, p.end))).toEqual(['alpha', 'beta']);
  });
});
