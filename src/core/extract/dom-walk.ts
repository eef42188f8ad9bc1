/**
 * Element walks and attribute tests that stand in for CSS selectors on the extractor's hot
 * paths. `querySelectorAll`, `closest` and `matches` parse and compile their selector on
 * every call in linkedom (the CLI's DOM; css-select), which cost a few per cent of a page's
 * analysis; these plain walks give the same elements in the same order, in the browser too:
 * descendants in document order, the contents of a `<template>` not entered (as
 * `querySelectorAll` does), attribute tests with the selector's own semantics (see each).
 */

/**
 * Call `visit` on every element under `root` (an element or a document; not `root` itself), in document order, until it
 * returns true. Elements inside a `<template>` are skipped, the template itself is visited.
 */
export function someDescendant(root: Element | Document, visit: (el: Element) => boolean): boolean {
  let el = root.firstElementChild;
  while (el) {
    if (visit(el)) return true;
    const down = el.localName === 'template' ? null : el.firstElementChild;
    if (down) {
      el = down;
      continue;
    }
    // Next sibling, else the next sibling of the nearest ancestor below `root` that has one.
    let cur: Node | null = el;
    el = null;
    while (cur && cur !== root) {
      const next: Element | null = (cur as Element).nextElementSibling;
      if (next) {
        el = next;
        break;
      }
      cur = cur.parentNode;
    }
  }
  return false;
}

/** `[name~="token"]`: the attribute's white-space separated words include `token` (case-sensitive). */
export function hasWord(value: string | null, token: string): boolean {
  if (value == null || value.length < token.length) return false;
  let from = 0;
  for (;;) {
    const i = value.indexOf(token, from);
    if (i < 0) return false;
    const end = i + token.length;
    if ((i === 0 || /\s/.test(value[i - 1])) && (end === value.length || /\s/.test(value[end]))) return true;
    from = i + 1;
  }
}

/** `el.closest(...)` for a selector that is a list of tag names: `el` or its nearest ancestor so named. */
export function closestTag(el: Element, tags: ReadonlySet<string>): Element | null {
  for (let e: Element | null = el; e; e = e.parentElement) if (tags.has(e.localName)) return e;
  return null;
}
