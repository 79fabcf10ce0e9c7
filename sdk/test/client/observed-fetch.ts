// A `fetch` for the client's `fetch` option that lets a test see what the client did with each
// response body: how many bytes it read, and whether it cancelled the body.

export interface ObservedBody {
  bytesRead: number;
  /** The client read the body to its end. */
  finished: boolean;
  cancelled: boolean;
}

export interface ObservedFetch {
  fetch: typeof fetch;
  bodies: ObservedBody[];
}

export function observedFetch(): ObservedFetch {
  const bodies: ObservedBody[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (response.body === null) return response;
    const observed: ObservedBody = { bytesRead: 0, finished: false, cancelled: false };
    bodies.push(observed);
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          observed.finished = true;
          controller.close();
        } else {
          observed.bytesRead += value.length;
          controller.enqueue(value);
        }
      },
      cancel(reason) {
        observed.cancelled = true;
        return reader.cancel(reason);
      },
    });
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  return { fetch: wrapped, bodies };
}
