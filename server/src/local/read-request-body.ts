import type { IncomingMessage } from 'node:http';

/**
 * Reads a request body of at most `limit` bytes. A larger one resolves to `undefined` (the rest
 * is read and dropped, so the caller can still answer 413 on the same connection). Rejects when
 * the client goes away mid-body.
 */
export function readRequestBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
