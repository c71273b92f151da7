// The one-operation bundle of `npm run bench` alone, for a Zoom package generated anywhere:
// `npx tsx bench/bundle-size.ts [package-dir]` (default generated/zoom-api) prints its minified and
// gzipped size and its minified bytes by module, as the bench's report does. A quick check while
// trimming the runtime; the numbers that count are the bench's.
import { relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { bundleInputs, bundlePeer, ourCall } from "./peers.js";

const dir = resolve(process.argv[2] ?? "generated/zoom-api");
const source = `const BASE = "https://api.zoom.us/v2";\n${ourCall(".", "bench-token")}`;
const minified = await bundlePeer(source, dir, true);
console.log(
  `minified ${(minified.length / 1024).toFixed(2)} KB, minified + gzip ${(gzipSync(minified).length / 1024).toFixed(2)} KB (${gzipSync(minified).length} bytes)`,
);
for (const [path, bytes] of await bundleInputs(source, dir))
  console.log(`${String(bytes).padStart(6)}  ${relative(dir, resolve(path)) || path}`);
