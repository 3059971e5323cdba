/** One of the trainer's threads in the browser: a Web Worker nested in the trainer's (./worker.ts), serving a block (./pool/serve.ts). */
import type { FromThread, ToThread } from './pool/messages';
import { serveBlocks } from './pool/serve';

/** The worker global's part this file uses, typed by hand (see ./worker.ts). */
interface ThreadScope {
  postMessage(message: FromThread): void;
  onmessage: ((event: { data: ToThread }) => void) | null;
}

const scope = globalThis as unknown as ThreadScope;
serveBlocks({ post: (message) => scope.postMessage(message), listen: (handler) => (scope.onmessage = (event) => handler(event.data)) });
