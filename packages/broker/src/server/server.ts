// The TCP (or TLS) listener: accepts sockets, hands each to a Connection, and closes them all on shutdown.
import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { TlsConfig } from '../config.ts';
import type { BrokerServices } from './context.ts';
import { Connection } from './connection.ts';
import type { HandlerRegistry } from './registry.ts';

export interface ServerOptions {
  readonly registry: HandlerRegistry;
  readonly maxFrameBytes: number;
  readonly maxInFlight: number;
  readonly maxIdleMs: number;
  readonly requireAuthentication: boolean;
  /** Serve TLS instead of plain TCP; connections reach the Connection once the handshake is done. */
  readonly tls?: TlsConfig | null;
}

export class BrokerServer {
  private readonly server: Server;
  private readonly connections = new Set<Connection>();
  private services: BrokerServices | undefined;
  private nextId = 0;

  constructor(private readonly options: ServerOptions) {
    const tls = options.tls;
    if (tls) {
      const server = createTlsServer(
        { cert: tls.cert, key: tls.key, ...(tls.ca ? { ca: tls.ca, requestCert: true, rejectUnauthorized: true } : {}) },
        (socket) => this.accept(socket),
      );
      // A client that speaks plain TCP to a TLS port, or has no trusted certificate, ends here.
      server.on('tlsClientError', (err, socket) => this.services?.logger.info({ err: err.message, remote: `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}` }, 'TLS handshake failed'));
      this.server = server;
    } else {
      this.server = createServer((socket) => this.accept(socket));
    }
  }

  /** Binds, then builds the services from the bound address (port 0 becomes the real port) before accepting. */
  listen(host: string, port: number, makeServices: (bound: { host: string; port: number }) => BrokerServices): Promise<{ host: string; port: number }> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen({ host, port }, () => {
        this.server.off('error', reject);
        const address = this.server.address();
        if (address === null || typeof address === 'string') return reject(new Error('listening on a non-TCP address'));
        const bound = { host: address.address, port: address.port };
        // Set synchronously in the listening callback: no connection event can run before it.
        this.services = makeServices(bound);
        this.server.on('error', (err) => this.services?.logger.error({ err }, 'server error'));
        resolve(bound);
      });
    });
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  private accept(socket: Socket): void {
    const services = this.services;
    if (!services) {
      socket.destroy();
      return;
    }
    const connection = new Connection(socket, ++this.nextId, {
      registry: this.options.registry,
      services,
      maxFrameBytes: this.options.maxFrameBytes,
      maxInFlight: this.options.maxInFlight,
      maxIdleMs: this.options.maxIdleMs,
      requireAuthentication: this.options.requireAuthentication,
    });
    this.connections.add(connection);
    connection.onClose(() => this.connections.delete(connection));
  }

  /** Stops accepting, drops every connection, and resolves once the listener is closed. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      for (const connection of this.connections) connection.destroyQuietly();
    });
  }
}
