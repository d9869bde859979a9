import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwardRequestHeaders, gatewayBase, proxyToGateway, upstreamUrl } from './proxy.ts';

// A real HTTP server on loopback stands in for the gateway's side of the socket: the proxy
// is what is under test (forwarding, streaming, failures), not the gateway's routes.
let server: Server;
let base: string;
let releaseStream: (() => void) | null = null;
const seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];

function handler(req: IncomingMessage, res: ServerResponse) {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (body += chunk));
  req.on('end', () => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    if (req.url?.startsWith('/stream')) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('id: c1\nevent: record\ndata: {"n":1}\n\n');
      // The second event waits until the test has read the first through the proxy.
      releaseStream = () => res.end('id: c2\nevent: record\ndata: {"n":2}\n\n');
      return;
    }
    if (req.url === '/missing') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'GATEWAY_TOPIC_NOT_FOUND', message: 'Topic "x" does not exist' } }));
      return;
    }
    res.writeHead(201, { 'content-type': 'application/json', 'x-gateway': 'yes' });
    res.end(JSON.stringify({ echoed: body }));
  });
}

beforeAll(async () => {
  server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('console → gateway proxy', () => {
  it('maps /api paths onto the gateway, keeping encoding and query', () => {
    expect(upstreamUrl('http://g:8080', '/api/topics/a%2Fb/messages', '?limit=5')).toBe('http://g:8080/topics/a%2Fb/messages?limit=5');
    expect(upstreamUrl('http://g:8080', '/api', '')).toBe('http://g:8080/');
    expect(gatewayBase({ GATEWAY_URL: 'http://10.0.0.1:9000/' })).toBe('http://10.0.0.1:9000');
    expect(gatewayBase({})).toBe('http://127.0.0.1:8080');
  });

  it('drops hop-by-hop headers and asks for an uncompressed answer', () => {
    const out = forwardRequestHeaders(new Headers({ connection: 'keep-alive', 'accept-encoding': 'gzip', 'last-event-id': 'c9', authorization: 'Bearer k' }), 'console:3000', 'http');
    expect(out.get('connection')).toBeNull();
    expect(out.get('accept-encoding')).toBeNull();
    expect(out.get('last-event-id')).toBe('c9');
    expect(out.get('authorization')).toBe('Bearer k');
    expect(out.get('x-forwarded-host')).toBe('console:3000');
  });

  it('forwards method, headers and body, and returns status, headers and body', async () => {
    const response = await proxyToGateway(
      new Request('http://console.local/api/topics?x=1', { method: 'POST', headers: { 'content-type': 'application/json', 'last-event-id': 'abc' }, body: '{"name":"t"}' }),
      base,
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('x-gateway')).toBe('yes');
    expect(await response.json()).toEqual({ echoed: '{"name":"t"}' });
    const request = seen.at(-1);
    expect(request).toMatchObject({ method: 'POST', url: '/topics?x=1', body: '{"name":"t"}' });
    expect(request?.headers['last-event-id']).toBe('abc');
  });

  it('passes the gateway problem body through with its status', async () => {
    const response = await proxyToGateway(new Request('http://console.local/api/missing'), base);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'GATEWAY_TOPIC_NOT_FOUND' } });
  });

  it('streams server-sent events before the upstream response ends', async () => {
    const response = await proxyToGateway(new Request('http://console.local/api/stream?from=latest'), base);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('\n\n')) text += (await reader.read()).value ?? '';
    expect(text).toContain('data: {"n":1}');
    expect(text).not.toContain('"n":2');
    releaseStream?.();
    for (let r = await reader.read(); !r.done; r = await reader.read()) text += r.value;
    expect(text).toContain('data: {"n":2}');
  });

  it('answers 502 with a problem body when the gateway is down', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadBase = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const response = await proxyToGateway(new Request('http://console.local/api/health'), deadBase);
    expect(response.status).toBe(502);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('GATEWAY_UNREACHABLE');
    expect(body.error.message).toContain(deadBase);
  });
});
