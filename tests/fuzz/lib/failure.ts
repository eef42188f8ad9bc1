/** The shape of one fuzzing failure, shared by the harness and the list of known issues. */
export type FailureKind = 'throw' | 'slow' | 'property';

export interface Failure {
  group: string;
  target: string;
  kind: FailureKind;
  message: string;
  seed: number;
  path: string;
  /** For slow calls: the fastest of the runs, in ms. */
  ms?: number;
  /** UTF-8 bytes of the case's input. */
  bytes: number;
  /** Size that matters for this call (e.g. the longest quote anchored), when the call said so. */
  size?: number;
  /** Id of the known issue this failure falls under (see known-issues.ts), if any. */
  known?: string;
}
