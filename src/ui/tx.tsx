/**
 * A translated sentence with elements inside it ("The story from <bdi>WSJ</bdi> in your
 * library"): the message is filled with markers, then split around them, so the translator
 * places the element where the language wants it.
 */
import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '../shared/i18n';

const MARK = /\uE000(\d+)\uE001/;

export function tx(key: MessageKey, ...nodes: ComponentChildren[]): ComponentChildren {
  const pieces = t(key, ...nodes.map((_, i) => `\uE000${i}\uE001`)).split(MARK);
  // split with a capture group: text, index, text, index, …, text
  return <>{pieces.map((p, i) => (i % 2 === 0 ? p : nodes[Number(p)]))}</>;
}
