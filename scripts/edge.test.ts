/**
 * The edge over real HTTP: a server on an ephemeral loopback port runs edgeHandler in front of a stub
 * that echoes the headers the app would see.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bindAddress,
  edgeHandler,
  HSTS,
  isLoopbackHost,
  isShareView,
  limitConcurrency,
  trustedProxyHops,
} from './edge.mjs';

let server: http.Server | undefined;
afterEach(() => server?.close());

async function start(options: { hops: number; loopbackOnly: boolean }): Promise<number> {
  server = http.createServer(
    edgeHandler((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(req.headers));
    }, options),
  );
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function get(
  port: number,
  headers: Record<string, string>,
  path = '/',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    // A fresh connection each time: the views must not queue behind each other on one socket.
    const req = http.get({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
  });
}

describe('the edge', () => {
  it('replaces a forged X-Forwarded-For (every spelling) with the socket address when no proxy is trusted', async () => {
    const port = await start({ hops: 0, loopbackOnly: true });
    for (const forged of ['1.2.3.4', '1.2.3.4, 5.6.7.8', ' 9.9.9.9 ', 'unknown', '::1', '']) {
      const res = await get(port, {
        host: `127.0.0.1:${port}`,
        'x-forwarded-for': forged,
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'evil.example',
        'x-real-ip': '8.8.8.8',
      });
      const seen = JSON.parse(res.body) as Record<string, string>;
      expect(seen['x-forwarded-for']).toBe('127.0.0.1');
      expect(seen['x-forwarded-proto']).toBe('http');
      expect(seen['x-forwarded-host']).toBeUndefined();
      expect(seen['x-real-ip']).toBeUndefined();
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('behind a trusted proxy, takes the address it appended and its scheme, and sends HSTS over HTTPS', async () => {
    const port = await start({ hops: 1, loopbackOnly: false });
    const res = await get(port, {
      host: 'tide.example',
      'x-forwarded-for': 'forged-by-client, 203.0.113.7',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'tide.example',
    });
    const seen = JSON.parse(res.body) as Record<string, string>;
    expect(seen['x-forwarded-for']).toBe('203.0.113.7');
    expect(seen['x-forwarded-proto']).toBe('https');
    expect(seen['x-forwarded-host']).toBe('tide.example');
    expect(res.headers['strict-transport-security']).toBe(HSTS);
    const plain = await get(port, {
      host: 'tide.example',
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-proto': 'http',
    });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('bound to loopback, answers only to loopback host names (no DNS rebinding)', async () => {
    const port = await start({ hops: 0, loopbackOnly: true });
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `app.localhost:${port}`])
      expect((await get(port, { host })).status, host).toBe(200);
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1.evil.example:${port}`, `10.0.0.5:${port}`]) {
      const res = await get(port, { host });
      expect(res.status, host).toBe(421);
      expect(res.body).toMatch(/answers to localhost/);
    }
  });

  it('binds to loopback unless told otherwise or protected by a password', () => {
    expect(bindAddress({})).toEqual({ host: '127.0.0.1', loopbackOnly: true });
    expect(bindAddress({ TIDEMARK_PASSWORD: 'pw' })).toEqual({ host: undefined, loopbackOnly: false });
    expect(bindAddress({ HOST: '0.0.0.0' })).toEqual({ host: '0.0.0.0', loopbackOnly: false });
    expect(bindAddress({ HOST: 'localhost', TIDEMARK_PASSWORD: 'pw' })).toEqual({
      host: 'localhost',
      loopbackOnly: true,
    });
    expect(isLoopbackHost(undefined)).toBe(false);
  });

  it('reads TIDEMARK_TRUST_PROXY, refusing what it cannot mean', () => {
    expect([undefined, '', '0', 'false', 'true', '2'].map(trustedProxyHops)).toEqual([0, 0, 0, 0, 1, 2]);
    expect(() => trustedProxyHops('yes')).toThrow(/TIDEMARK_TRUST_PROXY must be/);
  });
});

describe('share views at a time', () => {
  it('runs a few at once, queues a few more, and turns the rest away; other paths never wait', async () => {
    const held: (() => void)[] = [];
    server = http.createServer(
      limitConcurrency(
        (req, res) => {
          if (req.url?.startsWith('/s/')) held.push(() => res.end('shared'));
          else res.end('cheap');
        },
        { match: isShareView, max: 2, maxWaiting: 1 },
      ),
    );
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const views = [1, 2, 3].map(() => get(port, { host: 'localhost' }, '/s/token'));
    while (held.length < 2) await new Promise((r) => setTimeout(r, 5));
    const refused = await get(port, { host: 'localhost' }, '/s/token');
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('2');
    expect((await get(port, { host: 'localhost' }, '/icon.svg')).body).toBe('cheap');
    expect(held).toHaveLength(2); // the third waits
    held.shift()!();
    while (held.length < 2) await new Promise((r) => setTimeout(r, 5));
    for (const release of held) release();
    expect((await Promise.all(views)).map((r) => r.body)).toEqual(['shared', 'shared', 'shared']);
  });
});

describe('share views at a time, when clients give up', () => {
  it('frees the queue place of a client that went away, and never leaks a slot', async () => {
    const held: (() => void)[] = [];
    server = http.createServer(
      limitConcurrency((_req, res) => void held.push(() => res.end('shared')), {
        match: isShareView,
        max: 1,
        maxWaiting: 1,
      }),
    );
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const first = get(port, { host: 'localhost' }, '/s/a');
    while (held.length < 1) await new Promise((r) => setTimeout(r, 5));
    // A second viewer queues, then gives up.
    const quitter = http.get({ host: '127.0.0.1', port, path: '/s/b', agent: false });
    quitter.on('error', () => undefined);
    await new Promise((r) => setTimeout(r, 50));
    quitter.destroy();
    await new Promise((r) => setTimeout(r, 50));
    // Its place in the queue is free again, and when the first finishes the next viewer is served.
    const third = get(port, { host: 'localhost' }, '/s/c');
    held.shift()!();
    expect((await first).body).toBe('shared');
    while (held.length < 1) await new Promise((r) => setTimeout(r, 5));
    held.shift()!();
    expect((await third).body).toBe('shared');
  });
});
