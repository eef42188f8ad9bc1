/**
 * Public entry of the explanation core: `explainPage` (with `pageEvidence` for callers that
 * need the page's relayed outlets before reading candidates), the outlet helpers and the types.
 */
export { explainPage, explainRelated, isExplainable, outletNamesOf, pageEvidence, prepareOutlets, type ExplainInput, type PageEvidence } from './explain';
export { outletMatchForPage, toSourceView, USER_PACK_ID } from './outlet';
export { describeReason } from './reasons';
export { provenanceChain, type PageRelay } from './provenance';
export { hostOf, outletForHost, outletResolver } from '../match/host';
export type * from './types';
