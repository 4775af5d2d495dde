// Prints raw, gzip -9 and brotli (quality 11) sizes of every file in a folder, with the static
// pages of the language folders (ar/ zh/ en/ fr/ ru/ es/) summed per folder and kind (homes,
// events, filtered views) rather than listed one by one; what the first paint needs (the root
// page, which carries its stylesheet and boot script); the app shell (html, js, wasm, css);
// the file count (some static hosts cap a site's files); and the wasm on a line of its own: it
// must not grow without a measured reason. The service worker (registered after the page has
// loaded) and the language files (fetched only by readers of that language) are listed but not
// part of the shell.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dir = process.argv[2] ?? "dist";
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"];
let shell = { raw: 0, gzip: 0, brotli: 0 };
let firstPaint = null;
let wasm = null;
const groups = new Map();
let count = 0;
console.log(`${"file".padEnd(48)}      raw KB  gzip KB  brotli KB`);
const files = (folder, prefix = "") =>
  readdirSync(folder).sort().flatMap((name) =>
    statSync(join(folder, name)).isDirectory() ? files(join(folder, name), `${prefix}${name}/`) : [`${prefix}${name}`]);
for (const name of files(dir)) {
  count += 1;
  const data = readFileSync(join(dir, name));
  const gzip = gzipSync(data, { level: 9 }).length;
  const brotli = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const [top, kind] = name.split("/");
  if (LANGUAGES.includes(top)) {
    const group = `${top}/${kind === "index.html" ? "" : kind === "events" ? "events/*" : "<facet>/*"}`;
    const sum = groups.get(group) ?? { files: 0, raw: 0, gzip: 0, brotli: 0 };
    groups.set(group, { files: sum.files + 1, raw: sum.raw + data.length, gzip: sum.gzip + gzip, brotli: sum.brotli + brotli });
    continue;
  }
  console.log(`${name.padEnd(48)} ${kb(data.length)} ${kb(gzip)} ${kb(brotli)}`);
  if (/\.(html|js|wasm|css)$/.test(name) && !name.includes("/") && name !== "sw.js") {
    shell.raw += data.length; shell.gzip += gzip; shell.brotli += brotli;
  }
  if (name === "index.html") firstPaint = { raw: data.length, gzip, brotli };
  if (name.endsWith(".wasm")) wasm = { raw: data.length, gzip, brotli };
}
for (const [group, sum] of groups) {
  const label = `${group} (${sum.files} page${sum.files === 1 ? "" : "s"}, summed)`;
  console.log(`${label.padEnd(48)} ${kb(sum.raw)} ${kb(sum.gzip)} ${kb(sum.brotli)}`);
}
if (firstPaint) console.log(`${"first paint (index.html: page, css, boot)".padEnd(48)} ${kb(firstPaint.raw)} ${kb(firstPaint.gzip)} ${kb(firstPaint.brotli)}`);
console.log(`${"app shell (html+js+wasm+css)".padEnd(48)} ${kb(shell.raw)} ${kb(shell.gzip)} ${kb(shell.brotli)}`);
console.log(`files: ${count} (static pages: ${[...groups.values()].reduce((n, g) => n + g.files, 0) + 1})`);
if (wasm) console.log(`wasm: ${wasm.raw} bytes raw, ${(wasm.gzip / 1024).toFixed(1)} KB gzip, ${(wasm.brotli / 1024).toFixed(1)} KB brotli`);
