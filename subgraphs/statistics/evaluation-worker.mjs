// A statistics evaluation worker thread: TypeScript through tsx, registered here (see workers.ts).
import { register } from "tsx/esm/api";

register();
await import("./evaluation-worker.ts");
