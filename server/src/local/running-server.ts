import type { AddressInfo, Server, Socket } from 'node:net';

/** A local server that is listening. */
export interface RunningServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  server: Server;
  /** Stops listening and drops open connections (streams in flight are cut). */
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Starts a server (HTTP/1.1 or HTTP/2) on loopback; resolves once it listens. Refuses other
 * interfaces: the local runtime is a development tool.
 */
export function listen(server: Server, port: number, host: string): Promise<RunningServer> {
  if (!LOOPBACK_HOSTS.has(host)) {
    return Promise.reject(
      new Error(
        `Refusing to listen on ${host}: the local runtime serves loopback (127.0.0.1) only.`,
      ),
    );
  }
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
        port: address.port,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            for (const socket of sockets) socket.destroy();
          }),
      });
    });
  });
}
