/** Entry point of the action: nothing happens at import time elsewhere; this only starts main. */
import { run } from './main.js';

await run();
