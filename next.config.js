// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Loaded from node_modules at run time, never bundled: better-sqlite3 is a native addon, piscina
  // starts worker threads from its own files, rate-limiter-flexible loads its optional stores lazily.
  serverExternalPackages: ['better-sqlite3', 'piscina', 'rate-limiter-flexible'],
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
