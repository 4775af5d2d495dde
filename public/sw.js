// Offline copy of the app and its programme, for delegates on bad networks: after one visit,
// the app opens with no network at all, showing the programme as last loaded (the app says so).
//
// - Hashed files (name-<hash>.js/.wasm/.css) never change once published: cache first. Trunk
//   writes the hash in hex without leading zeros, so it is up to 16 digits, not always 16.
// - Everything else of ours (the page, programme.json, the language files): network first,
//   revalidated with the server (never a stale copy from the browser's HTTP cache passed off
//   as live), so that an organiser's update shows at once. The saved copy is used, and
//   marked so that the app says it is one, when the network fails, has not started answering
//   within a few seconds (the answer, if it comes, still refreshes the copy), or answers with
//   a server error (5xx); never for a 404, which must still say 404.
// - A new build is switched to all or nothing: the saved page is replaced only once every
//   file it names is saved, so a download cut short leaves the last complete build in place;
//   then files no build of this page names any more are evicted.
// - Caches are named by this worker's scope, and only this scope's caches are ever deleted:
//   two deployments on one origin (org.github.io/a/ and /b/) do not touch each other's.
// - Other origins (a ?programme= on another host), other methods and the organiser's page
//   (organiser/) are left alone.
// - Installing saves the page, the files it names, the icons and manifest, the language files,
//   each language's home page and the bundled programme, so the very first visit is enough.
//   Other pages (an event's, a filtered view's) are kept once visited: the page that registered
//   the worker asks for itself to be kept; later visits are kept as they are made. An event's
//   page never visited opens offline in the app, from its language's home.
//
// Plain JavaScript because a service worker cannot be WebAssembly-only; it holds no app logic.

const CACHE_PREFIX = 'programme-browser-offline-v2 ';
const CACHE = CACHE_PREFIX + self.registration.scope;
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;
const NAMED_IN_PAGE = /[\w.-]+-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)/g;
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
// Each language's home page (src/domain/address.rs): small, and what a reader switching
// language offline, or opening an event's page never visited, lands on.
const LANGUAGE_HOMES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'].map((tag) => `${tag}/`);
// A static page of one view (src/domain/address.rs): its language, folder and value.
const VIEW_PAGE = /^([a-z]{2,3})\/(events|theme|month|partner|series|mode|language|accessibility|person|venue)\/([\w.-]+)\.html$/;

// Hashed files being saved as the page downloads them (url -> promise).
const inflight = new Map();

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  // Only this scope's older caches: never another deployment's, never another app's.
  const ours = (name) => name.startsWith(CACHE_PREFIX.replace(/v\d+ $/, '')) && name.endsWith(' ' + self.registration.scope);
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE && ours(name)).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

// A page asks to be kept (the page that registered the worker, which the worker did not see).
self.addEventListener('message', (event) => {
  const href = event.data && typeof event.data.keep === 'string' ? event.data.keep : null;
  if (!href) return;
  const url = new URL(href);
  if (url.origin !== self.location.origin || !url.href.startsWith(self.registration.scope)) return;
  if (url.href.startsWith(self.registration.scope + 'organiser/')) return;
  const key = url.origin + url.pathname;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      if (await cache.match(key)) return;
      const page = await fetch(key, { cache: 'no-cache' });
      if (page.ok && isHtml(page)) await saveBuild(cache, key, page);
    })().catch(() => {}),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(self.registration.scope)) return;
  // The organiser's page (organiser/) is a tool of its own, never part of the offline copy.
  if (url.href.startsWith(self.registration.scope + 'organiser/')) return;
  event.respondWith(HASHED.test(url.pathname) ? cacheFirst(event) : networkFirst(event, url));
});

async function precache() {
  const scope = self.registration.scope;
  const page = await fetch(scope, { cache: 'no-cache' });
  if (!page.ok) return;
  const cache = await caches.open(CACHE);
  // Installing: the page is not ours yet, nothing to wait for (the HTTP cache has its files).
  await saveBuild(cache, scope, page, false);
  await Promise.all(
    ['programme.json', 'favicon.svg', ...LANGUAGE_FILES, ...INSTALL_FILES].map(async (name) => {
      const response = await fetch(new URL(name, scope), { cache: 'no-cache' });
      if (response.ok) await save(cache, new URL(name, scope).href, response);
    }),
  );
  // The homes name the same build as the page: saved once that is in.
  await Promise.all(
    LANGUAGE_HOMES.map(async (home) => {
      const response = await fetch(new URL(home, scope), { cache: 'no-cache' });
      if (response.ok && isHtml(response)) await save(cache, new URL(home, scope).href, response);
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
    const saving = save(cache, request.url, response.clone())
      .catch(() => {})
      .finally(() => inflight.delete(request.url));
    inflight.set(request.url, saving);
    event.waitUntil(saving);
  }
  return response;
}

async function networkFirst(event, url) {
  // A page is saved once, whatever its query string: every view of it is the same file.
  const key = url.origin + url.pathname;
  const cache = await caches.open(CACHE);
  // Revalidated: offline, the browser's HTTP cache must not answer as if it were the network.
  const request = new Request(event.request, { cache: 'no-cache' });
  // The answer goes to the page as soon as it starts; the copy is saved beside it (the
  // worker is kept alive for that, even after the page has its answer).
  const answer = fetch(request).then((response) => ({ response, copy: response.ok ? response.clone() : null }));
  event.waitUntil(
    answer.then(({ copy }) => copy && (isHtml(copy) ? saveBuild(cache, key, copy) : save(cache, key, copy))).catch(() => {}),
  );
  const network = answer.then(({ response }) => response);
  const saved = await cache.match(key);
  if (!saved) return event.request.mode === 'navigate' ? network.catch(() => viewInApp(url)) : network;
  // With a saved copy, a network that fails, errs or keeps the reader waiting loses the race.
  const patience = new Promise((resolve) => setTimeout(() => resolve(saved), PATIENCE_MS));
  const answered = network.then((response) => (response.status >= 500 ? saved : response)).catch(() => saved);
  return Promise.race([answered, patience]);
}

// Saves a page and its build, all or nothing: every hashed file the page names is saved
// first (from the cache when it is there already, else from the network: usually the
// browser's HTTP cache, since the page has just loaded them); the page only after all of
// them. Then hashed files that this page does not name are evicted.
async function saveBuild(cache, key, page, patient = true) {
  const html = await page.clone().text();
  const names = [...new Set(html.match(NAMED_IN_PAGE) || [])];
  const urls = names.map((name) => new URL(name, self.registration.scope).href);
  // The page itself is about to load these (the app's code after its first paint): when it is
  // ours (`patient`), wait for those downloads rather than make a second one, for up to 15 s.
  const missing = [];
  for (let waited = 0; ; waited += 500) {
    missing.length = 0;
    for (const url of urls) {
      if (inflight.has(url)) await inflight.get(url);
      if (!(await cache.match(url))) missing.push(url);
    }
    if (missing.length === 0 || !patient || waited >= 15000) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // Any failure here rejects, and the page saved before (with its files) stays.
  const fetched = await Promise.all(
    missing.map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return [url, await response.arrayBuffer(), response];
    }),
  );
  for (const [url, body, response] of fetched) {
    await cache.put(url, new Response(body, { status: response.status, headers: savedHeaders(response) }));
  }
  await save(cache, key, page);
  const wanted = new Set(urls);
  for (const entry of await cache.keys()) {
    if (HASHED.test(new URL(entry.url).pathname) && !wanted.has(entry.url)) await cache.delete(entry);
  }
  // Pages saved with an older build would open without their files: let them go (they are
  // saved again when next visited; until then the app shows their view).
  for (const entry of await cache.keys()) {
    if (entry.url === key) continue;
    const saved = await cache.match(entry);
    if (!saved || !isHtml(saved)) continue;
    const named = (await saved.text()).match(NAMED_IN_PAGE) || [];
    if (named.some((name) => !wanted.has(new URL(name, self.registration.scope).href))) await cache.delete(entry);
  }
}

// Offline, a view's page never visited: the app shows that view from its language's home
// (saved at install), e.g. fr/events/a.html -> fr/?event=a.
function viewInApp(url) {
  const match = url.href.slice(self.registration.scope.length).split(/[?#]/)[0].match(VIEW_PAGE);
  if (!match) return Response.error();
  const param = match[2] === 'events' ? 'event' : match[2];
  return Response.redirect(`${self.registration.scope}${match[1]}/?${param}=${encodeURIComponent(match[3])}`, 302);
}

function isHtml(response) {
  return (response.headers.get('content-type') || '').startsWith('text/html');
}

// Stores a response with the time it was saved, which the app shows when it is used.
async function save(cache, key, response) {
  const body = await response.arrayBuffer();
  await cache.put(key, new Response(body, { status: response.status, statusText: response.statusText, headers: savedHeaders(response) }));
}

function savedHeaders(response) {
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT, String(Date.now()));
  return headers;
}
