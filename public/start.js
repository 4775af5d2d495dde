// Starts the app's code. The boot script (public/boot.js) adds this file to the page once the
// static first screen has been painted (at once when that screen is only a skeleton); the
// organiser's page names it itself. The app's page replaces the static one, so it starts only
// once the whole document has been read. A module file rather than Trunk's inline loader, so
// that dist/ works under a strict Content Security Policy (README, "Security headers"); Trunk
// writes the names of the app's hashed files into <meta name="app-code"> (Trunk.toml,
// pattern_script). A failure here reaches the boot script as an unhandled rejection.
const code = document.querySelector('meta[name="app-code"]');

function start() {
  if (!code) return;
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

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
