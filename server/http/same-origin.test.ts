import { describe, expect, it } from 'vitest';
import { crossSiteRefusal } from './same-origin';

const post = (headers: Record<string, string>) =>
  new Request('http://127.0.0.1:3000/api/trpc/designs.delete', { method: 'POST', headers });

describe('crossSiteRefusal', () => {
  it('lets the site’s own pages and non-browser clients through', () => {
    expect(crossSiteRefusal(post({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }))).toBeNull();
    expect(crossSiteRefusal(post({ host: 'LOCALHOST:3000', origin: 'http://localhost:3000' }))).toBeNull();
    expect(crossSiteRefusal(post({ host: '127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }))).toBeNull();
    expect(crossSiteRefusal(post({ host: '127.0.0.1:3000' }))).toBeNull();
    expect(
      crossSiteRefusal(post({ host: 'tide.example', origin: 'https://tide.example', 'x-forwarded-proto': 'https' })),
    ).toBeNull();
  });

  it('refuses another origin, another port, another scheme, a null origin and cross-site fetches', () => {
    const refused: Record<string, string>[] = [
      { host: '127.0.0.1:3000', origin: 'http://evil.example' },
      { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:4000' },
      { host: 'tide.example', origin: 'http://tide.example', 'x-forwarded-proto': 'https' },
      { host: '127.0.0.1:3000', origin: 'null' },
      { host: '127.0.0.1:3000', 'sec-fetch-site': 'cross-site' },
      { host: '127.0.0.1:3000', 'sec-fetch-site': 'same-site', origin: 'http://a.localhost:3000' },
      { origin: 'http://127.0.0.1:3000' },
    ];
    for (const headers of refused) {
      expect(crossSiteRefusal(post(headers)), JSON.stringify(headers)).toMatch(/refused\.$/);
    }
  });
});
