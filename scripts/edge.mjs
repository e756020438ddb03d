// The edge of the production server (scripts/serve.mjs): what every request passes before Next.js.
// - Bound to loopback (the default without TIDEMARK_PASSWORD), it answers only to loopback host
//   names, so a web page cannot reach it through a rebound DNS name (421 otherwise).
// - X-Forwarded-For/-Proto/-Host are what a client says about itself, and `next start` passes them on
//   when present: here they are replaced by the socket's own address and scheme, unless
//   TIDEMARK_TRUST_PROXY says how many proxies in front are trusted to set them. The app reads the
//   client's address (rate limits) and scheme (Secure cookies, HSTS) from these headers only.
// - Behind HTTPS, every answer carries Strict-Transport-Security.
// - Share views (/s/…) render at most a few at a time; the rest wait their turn without costing the
//   thread anything, and past a queue they are told to come back (503), so a crowd of viewers cannot
//   push a cheap page's wait past a few renders.

const LOOPBACK_BINDS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
export const HSTS = 'max-age=31536000; includeSubDomains';

/** Where to listen: HOST when set; else loopback without a password, every interface with one. */
export function bindAddress(env) {
  const host = env.HOST?.trim() || (env.TIDEMARK_PASSWORD ? undefined : '127.0.0.1');
  return { host, loopbackOnly: host !== undefined && LOOPBACK_BINDS.has(host) };
}

/** TIDEMARK_TRUST_PROXY: unset or 0, none; `true` or 1, one proxy; N, a chain of N. */
export function trustedProxyHops(value) {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '' || text === 'false' || text === '0') return 0;
  if (text === 'true') return 1;
  const hops = Number(text);
  if (!Number.isInteger(hops) || hops < 1 || hops > 10)
    throw new Error(
      `TIDEMARK_TRUST_PROXY must be true, false or the number of proxies in front (1-10), got "${value}".`,
    );
  return hops;
}

/** Whether a Host header names this machine's loopback: localhost, *.localhost, 127.x.y.z or [::1]. */
export function isLoopbackHost(hostHeader) {
  if (!hostHeader) return false;
  const host = hostHeader.toLowerCase().replace(/:\d+$/, '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '[::1]';
}

/** "::ffff:127.0.0.1" → "127.0.0.1". */
const plainAddress = (address) => (address ?? 'unknown').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

const firstValue = (header) => (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')[0].trim();

/**
 * The client's address and scheme. Each trusted proxy appends the address it received the request
 * from to X-Forwarded-For, so with `hops` proxies the client is `hops` entries from the end; anything
 * before it was written by the client and is ignored.
 */
export function clientOf(req, hops) {
  const socket = plainAddress(req.socket.remoteAddress);
  if (hops === 0) return { address: socket, isHttps: Boolean(req.socket.encrypted) };
  const header = req.headers['x-forwarded-for'];
  const chain = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const address = chain.length >= hops ? chain[chain.length - hops] : (chain[0] ?? socket);
  return {
    address: plainAddress(address).slice(0, 100),
    isHttps: firstValue(req.headers['x-forwarded-proto']) === 'https',
  };
}

const UNTRUSTED = [
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'x-forwarded-port',
  'forwarded',
  'x-real-ip',
];

/** Wraps Next.js's request handler with the edge's checks and header rewriting. */
export function edgeHandler(handle, { hops, loopbackOnly }) {
  return (req, res) => {
    if (loopbackOnly && !isLoopbackHost(req.headers.host)) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(
        'This Tidemark listens on loopback only and answers to localhost, not to this host name. ' +
          'Set HOST (and TIDEMARK_PASSWORD) to serve it to other machines.\n',
      );
      return;
    }
    const { address, isHttps } = clientOf(req, hops);
    const forwardedHost = hops > 0 ? req.headers['x-forwarded-host'] : undefined;
    for (const name of UNTRUSTED) delete req.headers[name];
    req.headers['x-forwarded-for'] = address;
    req.headers['x-forwarded-proto'] = isHttps ? 'https' : 'http';
    if (forwardedHost) req.headers['x-forwarded-host'] = forwardedHost;
    if (isHttps) res.setHeader('strict-transport-security', HSTS);
    return handle(req, res);
  };
}

/** Share views (the page and its document) being answered at once, and waiting, at most. */
export const SHARE_VIEWS = { max: 4, maxWaiting: 64 };

/**
 * Runs `handle` for requests `match` accepts at most `max` at a time, releasing a slot when the
 * response finishes or the client goes away; up to `maxWaiting` more wait, the rest get 503.
 */
export function limitConcurrency(handle, { match, max, maxWaiting }) {
  let active = 0;
  const waiting = [];
  const next = () => {
    // Waiters whose client went away meanwhile are dropped, never given a slot they would not free.
    while (active < max && waiting.length > 0) waiting.shift()();
  };
  return (req, res) => {
    if (!match(req.url ?? '')) return handle(req, res);
    const gone = () => res.destroyed || res.writableEnded || req.destroyed;
    const run = () => {
      if (gone()) return;
      active += 1;
      let released = false;
      const done = () => {
        if (released) return;
        released = true;
        active -= 1;
        next();
      };
      res.on('finish', done);
      res.on('close', done);
      return handle(req, res);
    };
    if (active < max) return run();
    if (waiting.length >= maxWaiting) {
      res.writeHead(503, {
        'retry-after': '2',
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end('Many people are viewing shared designs right now. Try again in a moment.\n');
      return;
    }
    waiting.push(run);
    res.on('close', () => {
      const at = waiting.indexOf(run);
      if (at >= 0) waiting.splice(at, 1);
    });
  };
}

export const isShareView = (url) => url.startsWith('/s/');
