// A small static file server for the audits (not for production, not for tests): serves a
// folder on 127.0.0.1 with the compression a CDN applies (brotli or gzip, as the browser
// accepts), so that Lighthouse measures the bytes a reader really downloads. A site in a
// folder whose name ends with `-host` also gets the language redirect that docs/deploy.md
// gives hosts (nginx's languages.conf): its root page sends a reader whose link or browser asks
// for another language to that language's page, before any page is sent.
// Usage: node scripts/static-server.mjs FOLDER PORT
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const [root, port] = [process.argv[2], Number(process.argv[3] ?? 8090)];
const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".css": "text/css", ".json": "application/json", ".wasm": "application/wasm",
  ".svg": "image/svg+xml", ".png": "image/png", ".webmanifest": "application/manifest+json",
};
const compressible = new Set([".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".webmanifest"]);
// Compressed once, before the first request (brotli 11 of a wasm takes about a second: done on
// request, it would show up in the timings as a slow network); the static pages in language
// folders (thousands for a big programme, each small) on their first request instead.
const cache = new Map();
const inLanguageFolder = (file) => /[\\/](ar|zh|en|fr|ru|es)[\\/]/.test(file.slice(root.length));
const walk = (folder) => readdirSync(folder).flatMap((name) => {
  const path = join(folder, name);
  return statSync(path).isDirectory() ? walk(path) : [path];
});
for (const file of walk(root).filter((f) => compressible.has(extname(f)) && !inLanguageFolder(f))) {
  const body = readFileSync(file);
  cache.set(`br:${normalize(file)}`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  cache.set(`gzip:${normalize(file)}`, gzipSync(body, { level: 9 }));
}

// The same rule as docs/deploy/nginx/languages.conf (the root page is English).
function languagePage(url, acceptLanguage) {
  const asked = url.searchParams.get("lang");
  if (asked) return ["ar", "zh", "fr", "ru", "es"].includes(asked) ? asked : null;
  for (const part of (acceptLanguage ?? "").split(",")) {
    const primary = part.trim().split(/[-;]/)[0].toLowerCase();
    if (primary === "en") return null;
    if (["ar", "zh", "fr", "ru", "es"].includes(primary)) return primary;
  }
  return null;
}

createServer(async (request, response) => {
  const url = new URL(request.url, "http://x");
  const site = url.pathname.match(/^\/([^/]+-host)\/$/);
  const language = site && languagePage(url, request.headers["accept-language"]);
  if (language) {
    return response.writeHead(302, { Location: `/${site[1]}/${language}/${url.search}`, Vary: "Accept-Language" }).end();
  }
  let path = decodeURIComponent(url.pathname);
  if (path.endsWith("/")) path += "index.html";
  const file = normalize(join(root, path));
  if (!file.startsWith(normalize(root))) return response.writeHead(403).end();
  try {
    if (!(await stat(file)).isFile()) throw new Error("not a file");
    const ext = extname(file);
    let body = await readFile(file);
    const headers = { "Content-Type": types[ext] ?? "application/octet-stream", "Cache-Control": "no-cache" };
    const accepts = request.headers["accept-encoding"] ?? "";
    if (compressible.has(ext)) {
      const encoding = /\bbr\b/.test(accepts) ? "br" : /\bgzip\b/.test(accepts) ? "gzip" : null;
      if (encoding) {
        const key = `${encoding}:${file}`;
        if (!cache.has(key)) {
          cache.set(key, encoding === "br" ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(body, { level: 9 }));
        }
        body = cache.get(key);
        headers["Content-Encoding"] = encoding;
        headers["Vary"] = "Accept-Encoding";
      }
    }
    headers["Content-Length"] = body.length;
    response.writeHead(200, headers).end(request.method === "HEAD" ? undefined : body);
  } catch {
    response.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
  }
}).listen(port, "127.0.0.1");
