import type { IncomingMessage, ServerResponse } from 'node:http';

export const HSTS: string;
export function bindAddress(env: Record<string, string | undefined>): {
  host: string | undefined;
  loopbackOnly: boolean;
};
export function trustedProxyHops(value: string | undefined): number;
export function isLoopbackHost(hostHeader: string | undefined): boolean;
export function clientOf(req: IncomingMessage, hops: number): { address: string; isHttps: boolean };
export function edgeHandler(
  handle: (req: IncomingMessage, res: ServerResponse) => unknown,
  options: { hops: number; loopbackOnly: boolean },
): (req: IncomingMessage, res: ServerResponse) => unknown;
export const SHARE_VIEWS: { max: number; maxWaiting: number };
export function isShareView(url: string): boolean;
export function limitConcurrency(
  handle: (req: IncomingMessage, res: ServerResponse) => unknown,
  options: { match: (url: string) => boolean; max: number; maxWaiting: number },
): (req: IncomingMessage, res: ServerResponse) => unknown;
