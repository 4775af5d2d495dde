// Offline copy of the app and its programme, for delegates on bad networks: after one visit,
// the app opens with no network at all, showing the programme as last loaded (the app says so).
//
// - Hashed files (name-<hash>.js/.wasm/.css) never change once published: cache first. Trunk
//   writes the hash in hex without leading zeros, so it is up to 16 digits, not always 16.
// - Everything else of ours (the page, programme.json, the icon): network first, so that an
//   organiser's update shows at once. The saved copy is used only when the network fails or
//   has not started answering within a few seconds (the answer, if it comes, still refreshes
//   the copy), never for an HTTP error (a 404 must still say 404).
// - Other origins (a ?programme= on another host) and other methods are left alone.
// - Installing saves the page, the files it names, the icons and manifest, the language files
//   and the bundled programme, so the very first visit is enough (and nothing the page loads is left waiting
//   on a hung network).
//
// Plain JavaScript because a service worker cannot be WebAssembly-only; it holds no app logic.

const CACHE = 'programme-browser-offline-v1';
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;
// Set on responses served from the saved copy: when it was saved (ms since 1970).
const SAVED_AT = 'x-offline-copy-saved-at';
// How long a reader waits for the network to start answering before the saved copy is shown.
const PATIENCE_MS = 4000;
// The language files (src/domain/i18n.rs `Lang::ALL` but English), ~12 KB gzip together: saved
// at install so that a reader can open the app, or switch language, offline after one visit.
const LANGUAGE_FILES = ['ar', 'zh', 'fr', 'ru', 'es'].map((tag) => `i18n/${tag}.json`);
// The web app manifest and its icons (written by the prerender): a programme put on the home
// screen opens, with its icon, offline.
const INSTALL_FILES = ['manifest.webmanifest', 'icons/icon-192.png', 'icons/icon-512.png', 'icons/icon-maskable-512.png'];

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(self.registration.scope)) return;
  event.respondWith(HASHED.test(url.pathname) ? cacheFirst(event) : networkFirst(event, url));
});

async function precache() {
  const scope = self.registration.scope;
  const page = await fetch(scope, { cache: 'no-cache' });
  if (!page.ok) return;
  const html = await page.clone().text();
  const named = html.match(/[\w.-]+-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)/g) || [];
  const cache = await caches.open(CACHE);
  await save(cache, scope, page);
  // The page has just downloaded these: hashed files come from the browser's HTTP cache
  // when it kept them, the others are revalidated (usually a 304), so a reader on a slow
  // network does not pay for them twice.
  await Promise.all(
    [...new Set(named), 'programme.json', 'favicon.svg', ...LANGUAGE_FILES, ...INSTALL_FILES].map(async (name) => {
      const response = await fetch(new URL(name, scope), { cache: HASHED.test(name) ? 'default' : 'no-cache' });
      if (response.ok) await save(cache, new URL(name, scope).href, response);
    }),
  );
}

async function cacheFirst(event) {
  const request = event.request;
  const cache = await caches.open(CACHE);
  const saved = await cache.match(request);
  if (saved) return saved;
  const response = await fetch(request);
  if (response.ok) {
    // Streamed to the page at once (the wasm compiles while it downloads), saved beside it.
    const copy = response.clone();
    event.waitUntil(save(cache, request.url, copy).then(() => dropOlderBuilds(cache, request.url)));
  }
  return response;
}

async function networkFirst(event, url) {
  // The page is saved once, whatever its query string: every view is the same page.
  const key = url.origin + url.pathname;
  const cache = await caches.open(CACHE);
  // The answer goes to the page as soon as it starts; the copy is saved beside it (the
  // worker is kept alive for that, even after the page has its answer).
  const answer = fetch(event.request).then((response) => ({ response, copy: response.ok ? response.clone() : null }));
  event.waitUntil(answer.then(({ copy }) => copy && save(cache, key, copy)).catch(() => {}));
  const network = answer.then(({ response }) => response);
  const saved = await cache.match(key);
  if (!saved) return network;
  // With a saved copy, a network that fails or keeps the reader waiting loses the race.
  const patience = new Promise((resolve) => setTimeout(() => resolve(saved), PATIENCE_MS));
  return Promise.race([network.catch(() => saved), patience]);
}

// Stores a response with the time it was saved, which the app shows when it is used.
async function save(cache, key, response) {
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT, String(Date.now()));
  const body = await response.arrayBuffer();
  await cache.put(key, new Response(body, { status: response.status, statusText: response.statusText, headers }));
}

// A new build's file replaces the same file of older builds (same name, another hash).
async function dropOlderBuilds(cache, url) {
  const family = (href) => href.replace(/-[0-9a-f]{8,16}(_bg)?\./, '-#$1.');
  for (const old of await cache.keys()) {
    if (old.url !== url && family(old.url) === family(url)) await cache.delete(old);
  }
}
