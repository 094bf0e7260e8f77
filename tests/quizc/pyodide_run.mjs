// Run Python in the pinned Pyodide under Node: `node pyodide_run.mjs REQUEST.json`.
// REQUEST: {indexURL, wheel?, zips?, stdLibURL?, code}; prints {boot_ms, result} where result
// is the value of the code's last expression (a JSON string made by the Python code). `zips`
// are unpacked in order, as the quiz worker unpacks the shared and the quiz bundles.
import { readFileSync } from "node:fs";

const request = JSON.parse(readFileSync(process.argv[2], "utf8"));
const { loadPyodide } = await import(`${request.indexURL}pyodide.mjs`);
const started = performance.now();
const options = { indexURL: request.indexURL };
if (request.stdLibURL) options.stdLibURL = request.stdLibURL;
const pyodide = await loadPyodide(options);
const bootMs = Math.round(performance.now() - started);
if (request.wheel) pyodide.unpackArchive(new Uint8Array(readFileSync(request.wheel)), "wheel");
for (const zip of request.zips || []) pyodide.unpackArchive(new Uint8Array(readFileSync(zip)), "zip");
const result = pyodide.runPython(request.code);
process.stdout.write(`${JSON.stringify({ boot_ms: bootMs, result: JSON.parse(result) })}\n`);
