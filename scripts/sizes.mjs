// Prints raw, gzip -9 and brotli (quality 11) sizes of every file in a folder (and its
// sub-folders), what the first paint needs (index.html with the prerendered first screen, and
// the stylesheet), the app shell (html, js, wasm, css), and the wasm on a line of its own: it
// must not grow without a measured reason. The service worker (registered after the page has
// loaded) and the language files (fetched only by readers of that language) are listed but
// not part of the shell.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dir = process.argv[2] ?? "dist";
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
let shell = { raw: 0, gzip: 0, brotli: 0 };
let firstPaint = { raw: 0, gzip: 0, brotli: 0 };
let wasm = null;
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
  if (name === "index.html" || /^(styles-.*\.css|boot-.*\.js)$/.test(name)) {
    firstPaint.raw += data.length; firstPaint.gzip += gzip; firstPaint.brotli += brotli;
  }
  if (name.endsWith(".wasm")) wasm = { raw: data.length, gzip, brotli };
}
console.log(`${"first paint (index.html + css + boot)".padEnd(48)} ${kb(firstPaint.raw)} ${kb(firstPaint.gzip)} ${kb(firstPaint.brotli)}`);
console.log(`${"app shell (html+js+wasm+css)".padEnd(48)} ${kb(shell.raw)} ${kb(shell.gzip)} ${kb(shell.brotli)}`);
if (wasm) console.log(`wasm: ${wasm.raw} bytes raw, ${(wasm.gzip / 1024).toFixed(1)} KB gzip, ${(wasm.brotli / 1024).toFixed(1)} KB brotli`);
