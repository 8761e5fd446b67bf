/** Worker thread body: parse the docs it is given and post the results back. */
import { parentPort, workerData } from "node:worker_threads";
import { parseDoc } from "../parse/doc.ts";
import type { SourceDoc } from "../pipeline.ts";

const docs = workerData as SourceDoc[];
parentPort!.postMessage(docs.map((doc) => ({ path: doc.path, ...parseDoc(doc.text, doc.path) })));
