// Worker-thread entry of `provenance analyze` and `pack build --from-pages`: worker threads
// do not inherit a loader registered with module.register(), so register tsx's loader here
// (harmless when the parent was started by tsx), then load the TypeScript task handler.
import { register } from 'tsx/esm/api';

register();
await import('./worker-task.ts');
