// Prints raw, gzip -9 and brotli (quality 11) sizes of every file in a folder (and its
// sub-folders), and the total of the app shell (html, js, wasm, css) that must stay under the
// budget. The service worker (registered after the page has loaded) and the language files
// (fetched only by readers of that language) are listed but not part of the shell.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dir = process.argv[2] ?? "dist";
const budgetKb = 120;
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
let shell = { raw: 0, gzip: 0, brotli: 0 };
console.log(`${"file".padEnd(48)}      raw KB  gzip KB  brotli KB`);
const files = (folder, prefix = "") =>
  readdirSync(folder).sort().flatMap((name) =>
    statSync(join(folder, name)).isDirectory() ? files(join(folder, name), `${prefix}${name}/`) : [`${prefix}${name}`]);
for (const name of files(dir)) {
  const path = join(dir, name);
  const data = readFileSync(path);
  const gzip = gzipSync(data, { level: 9 }).length;
  const brotli = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`${name.padEnd(48)} ${kb(data.length)} ${kb(gzip)} ${kb(brotli)}`);
  if (/\.(html|js|wasm|css)$/.test(name) && !name.includes("/") && name !== "sw.js") {
    shell.raw += data.length; shell.gzip += gzip; shell.brotli += brotli;
  }
}
console.log(`${"app shell (html+js+wasm+css)".padEnd(48)} ${kb(shell.raw)} ${kb(shell.gzip)} ${kb(shell.brotli)}`);
const within = shell.gzip <= budgetKb * 1024;
console.log(`app shell gzip: ${(shell.gzip / 1024).toFixed(1)} KB of a ${budgetKb} KB budget: ${within ? "within" : "OVER"} budget`);
