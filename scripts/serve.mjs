// The production server: Next.js behind the edge (edge.mjs), which `npm start`, the end-to-end tests
// and the benchmarks all run. Listens on HOST (default: 127.0.0.1 without TIDEMARK_PASSWORD, every
// interface with it) and PORT (default 3000).
import http from 'node:http';
import next from 'next';
import { bindAddress, edgeHandler, isShareView, limitConcurrency, SHARE_VIEWS, trustedProxyHops } from './edge.mjs';
import { root } from './lib.mjs';

const port = Number(process.env.PORT ?? 3000);
const { host, loopbackOnly } = bindAddress(process.env);
// Refused here, in one line, rather than on every sign-in (server/auth/session-secret.ts says the same).
const secret = process.env.TIDEMARK_SESSION_SECRET;
if (secret && secret.length < 32) {
  console.error(`TIDEMARK_SESSION_SECRET must be at least 32 characters (it has ${secret.length}).`);
  process.exit(1);
}
let hops;
try {
  hops = trustedProxyHops(process.env.TIDEMARK_TRUST_PROXY);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const app = next({ dev: false, dir: root, hostname: host ?? 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();

const limited = limitConcurrency(handle, { match: isShareView, ...SHARE_VIEWS });
const server = http.createServer(edgeHandler(limited, { hops, loopbackOnly }));
// An idle keep-alive connection that the server closes as a client reuses it fails that request with
// ECONNRESET (seen in the end-to-end tests: a cleanup call after 6 s idle, Node's default being 5 s).
// Keep idle connections longer than a load balancer does (AWS ALB's idle timeout: 60 s by default,
// docs.aws.amazon.com/elasticloadbalancing, 2026-12), so the client side always closes first.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.on('error', (error) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${port} is already in use.`
      : `Cannot listen on ${host ?? '*'}:${port}: ${error.message}`,
  );
  process.exit(1);
});
/**
 * Next.js loads each route's code on its first request, which holds the thread for a few hundred
 * milliseconds: pay that before saying Ready, not while the first visitors wait.
 */
async function warmUp() {
  const origin = `http://${host === undefined || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host}:${port}`;
  for (const route of ['/sign-in', '/', '/api/trpc/designs.list', '/s/warm-up', '/icon.svg']) {
    await fetch(origin + route, { redirect: 'manual' })
      .then((res) => res.arrayBuffer())
      .catch(() => undefined);
  }
}

server.listen(port, host, () => {
  void warmUp().then(() => {
    const shown = host === undefined ? 'every interface' : host;
    console.log(`Ready on ${shown}, port ${port}${hops ? ` (trusting ${hops} proxy hop${hops > 1 ? 's' : ''})` : ''}`);
  });
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
