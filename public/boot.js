/* Boot script: a classic script in <head> (a file, hashed by Trunk: dist/ has no inline
   script, so it works under a strict Content Security Policy). It runs before the first
   paint, in any browser from about 2012 on. It decides whether the prerendered first screen
   is what this address asks for and, when it is not, sends an older link to its view's own
   page or shows it as a neutral skeleton until the app has rendered; it registers the
   service worker, and says so plainly when the app cannot start (public/start.js starts it).
   The app marks <html data-app="started|ready"> (src/browser/handover.rs). No app logic
   here. */
(function () {
  var root = document.documentElement;
  /* The reader's colours (src/components/colour_choice.rs), before anything is painted. */
  try {
    var colours = window.localStorage.getItem('programme-browser/colours');
    if (colours === 'light' || colours === 'dark') root.setAttribute('data-theme', colours);
  } catch (e) { /* storage refused: the device's colours */ }
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
  /* An address relative to the page (or to `from`), made absolute (without query or fragment). */
  function absolute(href, from) {
    if (from) return new URL(href, from).href.split(/[?#]/)[0];
    var a = document.createElement('a');
    a.href = href;
    return a.href.split(/[?#]/)[0];
  }
  /* A meta's "name=value name=value" content. */
  function listOf(meta) {
    var found = {}, entries = meta ? String(meta.getAttribute('content')).split(' ') : [];
    for (var l = 0; l < entries.length; l++) {
      var at = entries[l].indexOf('=');
      if (at > 0) found[entries[l].slice(0, at)] = entries[l].slice(at + 1);
    }
    return found;
  }
  /* Each language's page of a view (the prerender's `pb-languages`: "fr=../fr/ …"), from a
     page at `from` (else this one). */
  function languagesOf(meta, from) {
    var found = listOf(meta);
    for (var lang in found) found[lang] = absolute(found[lang], from);
    return found;
  }
  function ready() { return root.getAttribute('data-app') === 'ready'; }
  /* The app's root folder: where its code is (every page names it relative to itself). */
  var code = document.querySelector('meta[name="app-code"]'), base = location.href;
  try { base = new URL(code ? code.getAttribute('data-js') : './', location.href).href.replace(/[^/]*$/, ''); } catch (e) { /* an old browser: no app */ }
  var alternates = languagesOf(document.querySelector('meta[name="pb-languages"]'));
  /* The query: its language, the rest kept for the page it may be sent to, and what names the
     view (`named`) apart from campaign tags (`campaign`). */
  var prerendered = root.getAttribute('lang') || 'en', asked = null, other = false, kept = [], named = [], campaign = [];
  try {
    var pairs = location.search.replace(/^\?/, '').split('&');
    for (var i = 0; i < pairs.length; i++) {
      if (!pairs[i]) continue;
      var eq = pairs[i].indexOf('='), key = decodeURIComponent(eq < 0 ? pairs[i] : pairs[i].slice(0, eq));
      var value = eq < 0 ? '' : decodeURIComponent(pairs[i].slice(eq + 1).replace(/\+/g, ' '));
      if (key === 'lang') { asked = String(value).toLowerCase(); continue; }
      kept.push(pairs[i]);
      /* Campaign tags never change the view (src/domain/query.rs). */
      if (/^utm_|^fbclid$|^gclid$/.test(key)) campaign.push(pairs[i]);
      else { other = true; named.push([key, value]); }
    }
  } catch (e) { other = true; named = []; }
  /* Another language's static page of this view, before anything is painted: the language an
     older link names (`?lang=`), else, on the root page (the one every language's page names
     as x-default), the first of the browser's languages that the programme has a page in.
     Hosts that can (docs/deploy.md) do this before sending the page. */
  var self = location.href.split(/[?#]/)[0], target = null;
  if (asked) target = asked !== prerendered && alternates[asked];
  else if (alternates['x-default'] === self) {
    var preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || prerendered];
    for (var p = 0; p < preferred.length && !target; p++) {
      var primary = String(preferred[p]).split(/[-_]/)[0].toLowerCase();
      if (primary === prerendered) break;
      if (alternates[primary] && alternates[primary] !== self) target = alternates[primary];
    }
  }
  if (target) {
    location.replace(target + (kept.length ? '?' + kept.join('&') : '') + location.hash);
    return;
  }
  /* A language the page is not in and has no page for: the app shows it. */
  if (asked && asked !== prerendered && !alternates[asked]) other = true;
  /* A shared shortlist is the app's to show. */
  var shared = /(^#|&)share=/.test(location.hash);
  if (shared) other = true;
  /* An older link to one view (`?event=<id>`, `?theme=<code>`, …): where the build would have
     written its page, from the folders a language's home lists (`pb-view-pages`). */
  var viewPage = null, views = document.querySelector('meta[name="pb-view-pages"]');
  if (views && named.length === 1 && !shared && !(asked && asked !== prerendered) && alternates[prerendered]) {
    var folder = listOf(views)[named[0][0]], id = String(named[0][1]);
    if (folder && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) viewPage = alternates[prerendered] + folder + '/' + id + '.html';
  }
  /* That page, if the build wrote it: asked for and read first, since some hosts answer any
     address with the root page; it must name itself as this language's page of its view.
     Else (or after 3 s) `otherwise`: the app builds the view. */
  function openViewPage(otherwise) {
    var settled = false;
    function fallBack() { if (!settled) { settled = true; otherwise(); } }
    if (!window.fetch || !window.DOMParser) return fallBack();
    setTimeout(fallBack, 3000);
    fetch(viewPage, { credentials: 'same-origin' }).then(function (response) {
      return response.ok ? response.text() : '';
    }).then(function (html) {
      var page = new DOMParser().parseFromString(html, 'text/html');
      if (settled || languagesOf(page.querySelector('meta[name="pb-languages"]'), viewPage)[prerendered] !== viewPage) return fallBack();
      settled = true;
      location.replace(viewPage + (campaign.length ? '?' + campaign.join('&') : '') + location.hash);
    }).catch(fallBack);
  }
  add('js');
  /* The offline copy (public/sw.js) is made once the app's page is ready: installing it
     downloads the app's files again, which slowed a first visit's loading by ~60 ms here (2
     cores), the programme being read meanwhile. Without a running app (no wasm, a failure, or
     still not ready after 8 s) it is made once the page has loaded. */
  var offlineAsked = false;
  function keepOffline() {
    if (offlineAsked || !('serviceWorker' in navigator)) return;
    offlineAsked = true;
    navigator.serviceWorker.register(base + 'sw.js').then(function (registration) {
      /* The page being read is kept offline too (an event's page, another language's). */
      var worker = registration.active || registration.waiting || registration.installing;
      if (worker) worker.postMessage({ keep: location.href.split('#')[0] });
    }).catch(function () {});
  }
  function keepOfflineOnLoad() {
    if (document.readyState === 'complete') keepOffline();
    else window.addEventListener('load', keepOffline);
  }
  /* Without modules the app's loader (a module script) never runs: the same as no wasm. */
  if (typeof WebAssembly !== 'object' || !('noModule' in document.createElement('script'))) {
    add('pb-nowasm');
    /* The view's page is better than the first page, and the first page than a skeleton. */
    if (viewPage) { add('pb-skeleton'); openViewPage(function () { reveal(); keepOfflineOnLoad(); }); } else keepOfflineOnLoad();
    return;
  }
  if (window.MutationObserver) {
    new MutationObserver(function (changes, observer) {
      if (!ready()) return;
      observer.disconnect();
      keepOffline();
    }).observe(root, { attributes: true, attributeFilter: ['data-app'] });
  } else keepOfflineOnLoad();
  if (other) add('pb-skeleton');
  /* A current programme's list leaves out what is over, and the static page was written on the
     build's day: what has ended since is left out here too, before the first paint, as the
     app will (src/prerender/head.rs, `pb-past`: the build's day and the programme's last). */
  var past = !other && document.querySelector('meta[name="pb-past"]');
  if (past) {
    var span = String(past.getAttribute('content')).split(' ');
    var iso = function (d) { return d.getFullYear() + '-' + ('0' + (d.getMonth() + 1)).slice(-2) + '-' + ('0' + d.getDate()).slice(-2); };
    var today = iso(new Date()), over = [];
    if (span.length === 2 && today > span[0] && today <= span[1]) {
      var day = new Date(+span[0].slice(0, 4), +span[0].slice(5, 7) - 1, +span[0].slice(8, 10));
      for (var n = 0; iso(day) < today && n < 400; n++, day.setDate(day.getDate() + 1)) over.push('#prerender [data-last="' + iso(day) + '"]');
    }
    var sheets = document.styleSheets;
    /* CSSOM, not a style element or attribute: allowed by a strict security policy. */
    try { if (over.length && sheets.length) sheets[sheets.length - 1].insertRule(over.join(',') + '{display:none}', 0); } catch (e) { /* left as published */ }
  }
  /* The programme downloads beside the app's code (fetch() then takes the preloaded response:
     same URL and mode), but after the first paint, so that it does not slow the page's own
     HTML and CSS: the bundled programme.json, or a `?programme=` file of this same site (a big
     programme no longer waits for the app to start before it starts downloading). Another
     site's file is left to the app, which judges it first. */
  var programme = base + 'programme.json';
  if (/[?&]programme=/.test(location.search)) {
    programme = null;
    try {
      var named = new URL(new URLSearchParams(location.search).get('programme') || '', base);
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
  /* The app's loader (start.js, which the page names in <meta name="app-start">) and the
     programme are asked for once the static page has been painted: what a page asks for while
     it is read shares the network and the main thread with its first paint. A skeleton is no
     reading matter: the reader waits for the app whatever happens, so then they are asked for
     at once, with the app's code (60-100 ms sooner for a shared or filtered link here). */
  var skeleton = other;
  function startApp() {
    var loader = document.querySelector('meta[name="app-start"]');
    if (programme) preload('preload', programme);
    if (!loader) return;
    var script = document.createElement('script');
    script.type = 'module';
    script.src = loader.getAttribute('data-src');
    if (loader.getAttribute('data-integrity')) script.integrity = loader.getAttribute('data-integrity');
    document.head.appendChild(script);
  }
  /* The first contentful paint as the browser reports it (after the frame is on screen), else
     the frame after the first one; a hidden tab paints nothing; and a second at most once the
     page has been read (on a slow network its body arrives well after this script runs). */
  function afterFirstPaint(then) {
    var done = false;
    function once() { if (!done) { done = true; then(); } }
    var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
    if (document.hidden) return once();
    document.addEventListener('DOMContentLoaded', function () { setTimeout(once, 1000); });
    try {
      if (!types || types.indexOf('paint') < 0) throw new Error('no paint timing');
      new PerformanceObserver(function (list, observer) {
        var entries = list.getEntries();
        for (var e = 0; e < entries.length; e++) {
          if (entries[e].name === 'first-contentful-paint') { observer.disconnect(); setTimeout(once, 0); }
        }
      }).observe({ type: 'paint', buffered: true });
    } catch (e) {
      requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(once, 0); }); });
    }
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
  /* A tap on the static page before the app has taken over is kept for the app, never lost:
     a star shows pressed at once and is added by the app; "Filters", "Show more" and past events' "Show them" are done
     by the app once it is there (a checkbox keeps its own state, which the app reads). The app
     reads the list from <html data-pb-queued> (src/browser/handover.rs). */
  var queued = [];
  document.addEventListener('click', function (e) {
    var page = document.getElementById('prerender'), control = e.target;
    while (control && control.tagName !== 'BUTTON') control = control.parentNode;
    if (ready() || !page || !control || !page.contains(control)) return;
    var id = control.getAttribute('data-testid') || '', at = -1;
    for (var q = 0; q < queued.length; q++) if (queued[q] === id) at = q;
    if (/^shortlist-toggle-/.test(id)) {
      var pressed = at < 0, star = control.firstElementChild;
      if (pressed) queued.push(id); else queued.splice(at, 1);
      control.setAttribute('aria-pressed', pressed ? 'true' : 'false');
      if (star) star.textContent = pressed ? '\u2605' : '\u2606';
    } else if (id === 'open-filters' || id === 'show-more' || id === 'show-past') {
      if (at < 0) queued.push(id);
      control.className += ' pb-queued';
      var status = page.querySelector('.boot-loading');
      /* Said again, so that a screen reader hears why nothing opened yet. */
      if (status) { var text = status.textContent; status.textContent = ''; setTimeout(function () { status.textContent = text; }, 50); }
    } else return;
    e.preventDefault();
    root.setAttribute('data-pb-queued', queued.join(' '));
  }, true);
  document.addEventListener('DOMContentLoaded', function () {
    if (/ pb-skeleton /.test(' ' + root.className + ' ')) hideContent(true);
  });
  /* Last, so that the listeners above hear a loader that fails. */
  function startNow() {
    if (code) {
      preload('preload', code.getAttribute('data-wasm'));
      preload('modulepreload', code.getAttribute('data-js'));
    }
    startApp();
  }
  /* An older link to a view with a page: that page, else the app at once. */
  if (viewPage) openViewPage(startNow);
  else if (skeleton) startNow();
  else afterFirstPaint(startApp);
})();
