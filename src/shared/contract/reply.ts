/**
 * The wire shape of replies, shared by both receivers (worker and content script), and the
 * typed error a failed call throws. No validation library here.
 */
import type { PackProblem } from '../messages';

/** A refused or failed call. `problems` lists what was wrong with a pack file. */
export interface Failure {
  ok: false;
  error: string;
  problems?: PackProblem[];
}

/** The reply to a method whose result is `R`. */
export type Reply<R> = ({ ok: true } & R) | Failure;

/** Why a call failed: the receiver refused the sender or the payload, the handler failed, or no receiver answered. */
export type FailureKind = 'refused' | 'invalid' | 'failed' | 'unreachable';

/** Thrown by `call…` for any reply other than success. */
export class CallError extends Error {
  readonly kind: FailureKind;
  readonly problems: PackProblem[];
  constructor(message: string, kind: FailureKind, problems: PackProblem[] = []) {
    super(message);
    this.name = 'CallError';
    this.kind = kind;
    this.problems = problems;
  }
}

/** Thrown by a handler to fail with details the caller shows (e.g. a pack's problems). */
export class HandlerFailure extends Error {
  readonly problems: PackProblem[];
  constructor(message: string, problems: PackProblem[] = []) {
    super(message);
    this.name = 'HandlerFailure';
    this.problems = problems;
  }
}

export function failureKind(error: string): FailureKind {
  return error.startsWith('refused') ? 'refused' : error.startsWith('invalid message') ? 'invalid' : 'failed';
}

/** Reply → result, or a thrown `CallError`. */
export function unwrap<R>(reply: Reply<R> | undefined | null, what: string): R {
  if (!reply || typeof reply !== 'object') throw new CallError(`No answer from ${what}`, 'unreachable');
  if (reply.ok !== true) throw new CallError(reply.error, failureKind(reply.error), reply.problems ?? []);
  const { ok: _ok, ...result } = reply;
  return result as unknown as R;
}

/** A failure reply for an exception thrown by a handler. */
export function failureOf(e: unknown): Failure {
  if (e instanceof HandlerFailure) return { ok: false, error: e.message, problems: e.problems };
  return { ok: false, error: e instanceof Error ? e.message : String(e) };
}
