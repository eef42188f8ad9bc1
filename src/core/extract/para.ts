/** One plain-text paragraph of a page, as the DOM walk (dom-text.ts) produces and furniture.ts filters it. */
export interface Para {
  text: string;
  /** Share of the paragraph's characters that sit inside <a> elements (0..1). */
  linkRatio: number;
  /** The block element that produced the paragraph ('p', 'h2', 'li', …). */
  tag: string;
}
