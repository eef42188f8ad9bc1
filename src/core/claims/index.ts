/** Claims: checkable statements with a figure or a dated event, and cross-referencing them. */
export { extractClaims, type PageClaim, type ClaimOptions } from './extract';
export { compareClaims, crossReference, sameSubject, figureRange, type ClaimLike, type ClaimRelation, type CrossReference } from './compare';
export { findQuantities, type QuantityHit } from './quantity';
export { findPlaces, findDate, placeKeys } from './context';
