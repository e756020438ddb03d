// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // The canvas benchmark's baseline (app/bench/bare-flow/page.bench.tsx) is a page only in the build
  // that `npm run bench:canvas` makes (TIDEMARK_BENCH=1); the production build leaves it out.
  pageExtensions: ['tsx', 'ts', 'jsx', 'js', ...(process.env.TIDEMARK_BENCH === '1' ? ['bench.tsx'] : [])],
  // Loaded from node_modules at run time, never bundled: better-sqlite3 is a native addon, piscina
  // starts worker threads from its own files, rate-limiter-flexible loads its optional stores lazily,
  // pg-boss is a Node-only queue client, highs finds its .wasm beside its own loader.
  serverExternalPackages: ['better-sqlite3', 'piscina', 'rate-limiter-flexible', 'pg-boss', 'highs'],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
      {
        // Share links carry their token in the path: it must never leave in a Referer, nor be indexed.
        // Listed after the catch-all so that its Referrer-Policy wins.
        source: '/s/:token*',
        headers: [
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
