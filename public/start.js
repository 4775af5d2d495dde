// Starts the app's code once a frame has been painted (or after 300 ms: in a background tab
// requestAnimationFrame waits), so that the prerendered first screen is not slowed by it; at
// once when the boot script shows that screen as a skeleton (nothing to read until the app runs).
// A module file rather than Trunk's inline loader, so that dist/ works under a strict Content
// Security Policy (README, "Security headers"); Trunk writes the names of the app's hashed
// files into <meta name="app-code"> (Trunk.toml, pattern_script). A failure here reaches the
// boot script (public/boot.js) as an unhandled rejection.
const code = document.querySelector('meta[name="app-code"]');
let started = false;

function start() {
  if (started || !code) return;
  started = true;
  // User Timing marks for the benchmark (like the app's own `pb-*`, src/browser/page.rs).
  const mark = (name) => performance.mark && performance.mark(name);
  mark('pb-asked');
  // The page names the files relative to itself; import() would read them from this file.
  const page = (name) => new URL(name, document.baseURI).href;
  import(page(code.dataset.js))
    .then((bindings) => {
      mark('pb-bindings');
      window.wasmBindings = bindings;
      return bindings.default({ module_or_path: page(code.dataset.wasm) });
    })
    .then((wasm) => dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } })));
}

// Behind a skeleton (public/boot.js) the first paint shows nothing to read: start at once.
if (document.documentElement.classList.contains('pb-skeleton')) start();
requestAnimationFrame(() => setTimeout(start, 0));
setTimeout(start, 300);
