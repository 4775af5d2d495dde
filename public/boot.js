/* Boot script: a classic script in <head> (a file, hashed by Trunk: dist/ has no inline
   script, so it works under a strict Content Security Policy). It runs before the first
   paint, in any browser from about 2012 on. It decides whether the prerendered first screen
   is what this address asks for and, when it is not, shows it as a neutral skeleton until the
   app has rendered; it registers the service worker, and says so plainly when the app cannot
   start (public/start.js starts it). The app marks <html
   data-app="started|ready"> (src/browser/handover.rs). No app logic here. */
(function () {
  var root = document.documentElement;
  function add(name) { if ((' ' + root.className + ' ').indexOf(' ' + name + ' ') < 0) root.className += ' ' + name; }
  function remove(name) { root.className = (' ' + root.className + ' ').replace(' ' + name + ' ', ' ').replace(/^\s+|\s+$/g, ''); }
  /* The skeleton's hidden text is not read out either; its notices (a "Loading" status) are. */
  function hideContent(hidden) {
    var page = document.getElementById('prerender');
    for (var node = page && page.firstElementChild; node; node = node.nextElementSibling) {
      if (node.className === 'boot-notices') continue;
      if (hidden) node.setAttribute('aria-hidden', 'true'); else node.removeAttribute('aria-hidden');
    }
  }
  function reveal() {
    remove('pb-skeleton');
    hideContent(false);
  }
  function started() { return root.hasAttribute('data-app'); }
  function ready() { return root.getAttribute('data-app') === 'ready'; }
  add('js');
  /* The prerender sets <html lang> to the static page's language; nothing has changed it yet. */
  var prerendered = root.getAttribute('lang') || 'en', known = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
  var wanted = navigator.language || 'en', other = false;
  try {
    var pairs = location.search.replace(/^\?/, '').split('&');
    for (var i = 0; i < pairs.length; i++) {
      if (!pairs[i]) continue;
      var eq = pairs[i].indexOf('='), key = decodeURIComponent(eq < 0 ? pairs[i] : pairs[i].slice(0, eq));
      var value = eq < 0 ? '' : decodeURIComponent(pairs[i].slice(eq + 1).replace(/\+/g, ' '));
      if (key === 'lang') wanted = value;
      /* Campaign tags never change the view (src/domain/query.rs). */
      else if (!/^utm_|^fbclid$|^gclid$/.test(key)) other = true;
    }
  } catch (e) { other = true; }
  wanted = String(wanted).split(/[-_]/)[0].toLowerCase();
  if (known.indexOf(wanted) < 0) wanted = 'en';
  if (/(^#|&)share=/.test(location.hash)) other = true;
  /* The offline copy (public/sw.js) is made once the app's page is ready: installing it
     downloads the app's files again, which slowed a first visit's loading by ~60 ms here (2
     cores), the programme being read meanwhile. Without a running app (no wasm, a failure, or
     still not ready after 8 s) it is made once the page has loaded. */
  var offlineAsked = false;
  function keepOffline() {
    if (offlineAsked || !('serviceWorker' in navigator)) return;
    offlineAsked = true;
    navigator.serviceWorker.register('./sw.js').catch(function () {});
  }
  function keepOfflineOnLoad() {
    if (document.readyState === 'complete') keepOffline();
    else window.addEventListener('load', keepOffline);
  }
  /* Without modules the app's loader (a module script) never runs: the same as no wasm. */
  if (typeof WebAssembly !== 'object' || !('noModule' in document.createElement('script'))) { add('pb-nowasm'); keepOfflineOnLoad(); return; }
  if (window.MutationObserver) {
    new MutationObserver(function (changes, observer) {
      if (!ready()) return;
      observer.disconnect();
      keepOffline();
    }).observe(root, { attributes: true, attributeFilter: ['data-app'] });
  } else keepOfflineOnLoad();
  if (other || wanted !== prerendered) add('pb-skeleton');
  /* The programme downloads beside the app's code (fetch() then takes the preloaded response:
     same URL and mode), but after the first paint, so that it does not slow the page's own
     HTML and CSS: the bundled programme.json, or a `?programme=` file of this same site (a big
     programme no longer waits for the app to start before it starts downloading). Another
     site's file is left to the app, which judges it first. */
  var programme = 'programme.json';
  if (/[?&]programme=/.test(location.search)) {
    programme = null;
    try {
      var named = new URL(new URLSearchParams(location.search).get('programme') || '', location.href);
      if (named.origin === location.origin && /^https?:$/.test(named.protocol)) programme = named.href;
    } catch (e) { /* an old browser or an address it cannot read: the app fetches it */ }
  }
  /* `as` only for rel=preload: the same request mode as the fetch() or import() that takes it. */
  function preload(rel, href) {
    var link = document.createElement('link');
    link.rel = rel;
    if (rel === 'preload') link.as = 'fetch';
    link.href = href; link.crossOrigin = 'anonymous';
    document.head.appendChild(link);
  }
  /* A skeleton is no reading matter: the reader waits for the app whatever happens, so its
     code and the programme are asked for at once rather than after the first paint (start.js
     starts the app at once too). This took 60-100 ms off opening a shared or filtered link here. */
  var skeleton = other || wanted !== prerendered, code = document.querySelector('meta[name="app-code"]');
  if (skeleton && code) {
    preload('preload', code.getAttribute('data-wasm'));
    preload('modulepreload', code.getAttribute('data-js'));
  }
  if (programme && skeleton) preload('preload', programme);
  else if (programme) {
    requestAnimationFrame(function () { setTimeout(function () { preload('preload', programme); }, 0); });
  }
  function failed() { if (!started()) { add('pb-failed'); reveal(); keepOfflineOnLoad(); } }
  /* The running app died: a panic (panics abort, which traps) or no memory left. Its page
     no longer answers, so a plain notice (#crash, written by the prerender) says so, offers a
     reload, and the reader's picks as a file, read straight from storage (the app can import
     it). No wasm is needed for any of this. */
  function crashed(error) {
    var trap = typeof WebAssembly === 'object' && WebAssembly.RuntimeError && error instanceof WebAssembly.RuntimeError;
    var memory = error instanceof RangeError && /memory/i.test(String(error.message));
    var panel = document.getElementById('crash');
    if (!started() || !(trap || memory) || !panel || !panel.hidden) return;
    var link = panel.querySelector('.crash-download'), saved = null;
    try { saved = window.localStorage.getItem(panel.getAttribute('data-storage-key')); } catch (e) { /* blocked storage */ }
    if (saved && window.Blob && window.URL && URL.createObjectURL) {
      link.href = URL.createObjectURL(new Blob([saved], { type: 'application/json' }));
      link.setAttribute('download', 'shortlist-backup.json');
      link.hidden = false;
    }
    panel.querySelector('.crash-reload').addEventListener('click', function () { location.reload(); });
    panel.hidden = false;
    add('pb-crashed');
    panel.focus();
  }
  /* Before the app has started: the wasm or its loader did not arrive, or did not start (the
     loader's error: a module script reports it as an error on window), or a script file did
     not load. After: the app died. */
  window.addEventListener('unhandledrejection', function (e) { failed(); crashed(e.reason); });
  window.addEventListener('error', function (e) {
    if (e.target === window || (e.target && e.target.tagName === 'SCRIPT')) failed();
    crashed(e.error);
  }, true);
  setTimeout(function () {
    if (ready()) return;
    add('pb-slow');
    keepOfflineOnLoad();
    /* Not started at all: the first page as published is better than a skeleton. */
    if (!started()) reveal();
  }, 8000);
  document.addEventListener('DOMContentLoaded', function () {
    if (/ pb-skeleton /.test(' ' + root.className + ' ')) hideContent(true);
  });
})();
