/** `npm run build:explorer`: builds the explorer's browser files ahead of the first request (gateway/explorer/build.ts). */
import { buildExplorer } from "../gateway/explorer/build";

const started = performance.now();
const dir = await buildExplorer();
console.log(`explorer built in ${dir} (${Math.round(performance.now() - started)} ms)`);
