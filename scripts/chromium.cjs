// How every browser this project starts is launched — the end-to-end tests, the canvas benchmark and
// the README's screenshots: Debian's Chromium, never a downloaded one, with these flags. CommonJS,
// so Playwright's config (which it loads as CommonJS) and the ES-module scripts can all load it.
// (`exports.X =`: the form Node's ES-module import can name.)
exports.CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
