/**
 * The core's English messages, in the `messages.json` format. They must stay identical to
 * the same keys in public/_locales/en/messages.json (scripts/check-i18n.mjs fails otherwise);
 * the Arabic and French versions live only in `_locales`.
 */
import type { MessageEntry } from './format';

/** An entry whose placeholders, in order, are the substitutions $1, $2, … */
function m(message: string, ...names: string[]): MessageEntry {
  if (!names.length) return { message };
  return { message, placeholders: Object.fromEntries(names.map((n, i) => [n, { content: `$${i + 1}` }])) };
}

export const EN_CORE = {
  list_and: m('$A$ and $B$', 'a', 'b'),
  list_join: m('$A$, $B$', 'a', 'b'),
  list_semicolon: m('$A$; $B$', 'a', 'b'),
  list_more: m('$NAMES$ and $COUNT$ more', 'names', 'count'),

  // Topic reasons (core/detect/reason.ts).
  reason_discarded: m('Not about the topic: the name here refers to $WHAT$.', 'what'),
  reason_vocab_only: m('The topic is never named; only related terms appear ($TERMS$).', 'terms'),
  reason_not_named: m('The topic is not named anywhere in the article.'),
  reason_in_headline: m('in the headline'),
  reason_in_body: m('$TIMES$ in the body', 'times'),
  reason_in_lead: m('in the lead'),
  reason_in_description: m('in the page description'),
  reason_twice: m('twice'),
  reason_times_one: m('once', 'count'),
  reason_times_other: m('$COUNT$ times', 'count'),
  reason_named: m('Named $WHERE$', 'where'),
  reason_named_opening: m('Named in the opening paragraph'),
  reason_starting_opening: m('$S$, starting in the opening paragraph', 's'),
  reason_paragraphs: m('$S$ ($NAMED$ of $ALL$ paragraphs)', 's', 'named', 'all'),
  reason_with_related: m('$S$, with related terms: $TERMS$', 's', 'terms'),
  reason_sentence: m('$S$.', 's'),
  reason_once_passing_one: m('Named only once, in passing, in a $COUNT$-word article on something else.', 'count'),
  reason_once_passing_other: m('Named only once, in passing, in a $COUNT$-word article on something else.', 'count'),
  reason_once_late_one: m('Named only once near the end, in passing, in a $COUNT$-word article on something else.', 'count'),
  reason_once_late_other: m('Named only once near the end, in passing, in a $COUNT$-word article on something else.', 'count'),
  reason_side_lead_one: m('$S$, not in the headline: a side topic of this $COUNT$-word article rather than its subject.', 'count', 's'),
  reason_side_lead_other: m('$S$, not in the headline: a side topic of this $COUNT$-word article rather than its subject.', 'count', 's'),
  reason_side_one: m('$S$, not in the headline or the opening: a side topic of this $COUNT$-word article rather than its subject.', 'count', 's'),
  reason_side_other: m('$S$, not in the headline or the opening: a side topic of this $COUNT$-word article rather than its subject.', 'count', 's'),
  reason_little_else: m('$S$, but the rest of the article says little about it.', 's'),
  reason_partly_not_headline: m('$S$, not in the headline', 's'),
  reason_partly_tied: m('$S$, in connection with $TIES$', 's', 'ties'),
  reason_partly_terms: m('$S$ (related terms: $TERMS$)', 's', 'terms'),
  reason_partly_end_one: m('$S$: a side topic of this $COUNT$-word article that matters to it.', 'count', 's'),
  reason_partly_end_other: m('$S$: a side topic of this $COUNT$-word article that matters to it.', 'count', 's'),
  quick_not_article: m('This page does not look like a news article.'),
  quick_not_named: m('The page does not name the Islamic State in its headline, metadata or text.'),

  // The sourcing line (core/sourcing/profile.ts).
  src_republished_from: m('Republished from $OUTLET$', 'outlet'),
  src_relies_first: m('Relies mainly on $WHAT$', 'what'),
  src_relies_next: m('relies mainly on $WHAT$', 'what'),
  src_with_names: m('$WHAT$ ($NAMES$)', 'what', 'names'),
  src_also: m('$S$, also $REST$', 's', 'rest'),
  src_n_named_person_one: m('$COUNT$ named person', 'count'),
  src_n_named_person_other: m('$COUNT$ named people', 'count'),
  src_n_anonymous_one: m('$COUNT$ anonymous source', 'count'),
  src_n_anonymous_other: m('$COUNT$ anonymous sources', 'count'),
  src_n_organisation_one: m('$COUNT$ organisation', 'count'),
  src_n_organisation_other: m('$COUNT$ organisations', 'count'),
  src_n_group_media_one: m("$COUNT$ statement of the group's media", 'count'),
  src_n_group_media_other: m("$COUNT$ statements of the group's media", 'count'),
  src_n_document_one: m('$COUNT$ document', 'count'),
  src_n_document_other: m('$COUNT$ documents', 'count'),
  src_relays_first_one: m('Relays $COUNT$ outlet: $NAMES$', 'count', 'names'),
  src_relays_first_other: m('Relays $COUNT$ outlets: $NAMES$', 'count', 'names'),
  src_relays_next_one: m('relays $COUNT$ outlet: $NAMES$', 'count', 'names'),
  src_relays_next_other: m('relays $COUNT$ outlets: $NAMES$', 'count', 'names'),
  src_unattributed_one: m('$COUNT$ figure given without a source', 'count'),
  src_unattributed_other: m('$COUNT$ figures given without a source', 'count'),
  src_none: m('No attributed sources found'),
  src_sh_republished: m('Republished from $OUTLET$', 'outlet'),
  src_sh_wire: m('Wire copy from $OUTLET$', 'outlet'),
  src_sh_compiled: m('Compiled from other outlets ($OUTLET$)', 'outlet'),
  src_sh_most: m('Most statements come through other outlets ($PERCENT$%)', 'percent'),
  src_sh_lead: m('The lead is attributed to $OUTLET$', 'outlet'),

  // Why a stored report matched (core/explain/reasons.ts).
  rel_same_story: m('Same story: about $PERCENT$ % of the wording is shared (a copy or a lightly edited version)', 'percent'),
  rel_same_story_page_abridged: m('Same story: this page is an abridged copy of this report (about $PERCENT$ % of its wording is in the report)', 'percent'),
  rel_same_story_report_abridged: m('Same story: this report is an abridged copy of this page (about $PERCENT$ % of its wording is on this page)', 'percent'),
  rel_same_story_re_edited: m('Same story: a re-edited copy of this report (about $PERCENT$ % of the wording is shared)', 'percent'),
  rel_same_day: m('Published the same day'),
  rel_days_apart_one: m('Published $COUNT$ day apart', 'count'),
  rel_days_apart_other: m('Published $COUNT$ days apart', 'count'),
  rel_same_url: m('Same address: this page is this report or a known copy of it'),
  rel_relays_outlet: m('This page relays $OUTLET$, who published this report', 'outlet'),
  rel_shared_entities: m('Same people, places or groups: $NAMES$', 'names'),
  rel_same_figures: m('Same figures: $FIGURES$', 'figures'),
  rel_similar_text: m('Similar wording: $WORDS$', 'words'),
  rel_same_outlet: m('Same outlet ($OUTLET$)', 'outlet'),

  // Where the story comes from (core/explain/provenance.ts).
  prov_copy_of: m('Copy of “$TITLE$” ($OUTLET$)', 'title', 'outlet'),
  prov_through_republishes: m('Republishes $OUTLET$ (through “$TITLE$”, republished from $OUTLET$)', 'outlet', 'title'),
  prov_through_relays: m('Relays $OUTLET$ (through “$TITLE$”, relayed from $OUTLET$)', 'outlet', 'title'),
  prov_republishes: m('Republishes $OUTLET$', 'outlet'),
  prov_relays: m('Relays $OUTLET$', 'outlet'),
  prov_in_library: m('$S$ (report in your library)', 's'),
  prov_also_relayed: m('$S$ (also relayed by $OUTLET$, in your library)', 's', 'outlet'),

  // What rests on the group's own media (core/explain/group-media.ts).
  gm_responsibility: m('Claim of responsibility through $MEDIUM$; not independently verified.', 'medium'),
  gm_statement: m('Statement through $MEDIUM$; not independently verified.', 'medium'),
  gm_figure: m('This figure rests on $MEDIUM$; not independently verified.', 'medium'),
  gm_of_amaq: m("the group's Amaq agency"),
  gm_of_naba: m("the group's weekly al-Naba"),
  gm_of_furqan: m("the group's al-Furqan media office"),
  gm_of_hayat: m("the group's al-Hayat Media Center"),
  gm_of_dabiq: m("the group's magazine Dabiq"),
  gm_of_rumiyah: m("the group's magazine Rumiyah"),
  gm_of_nashir: m("the group's Nashir channel"),
  gm_own_media: m("the group's own media"),
} satisfies Record<string, MessageEntry>;

export type CoreKey = keyof typeof EN_CORE;
export type CorePluralBase = CoreKey extends infer K ? (K extends `${infer B}_other` ? B : never) : never;
