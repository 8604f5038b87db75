import type { RequestListener } from 'node:http';
import type { Logger } from './logging.js';

const REFUSAL = 'Bad Request: the Host header names no host.\n';

/**
 * Refuses a request whose Host header makes no URL (`a b`, `[::1`, two hosts): the server
 * adapter builds each request's URL from it (`http://HOST/path`) and, failing, answered 500
 * with a stack trace — install path and all — and no log line. Here: 400 in one line, logged.
 */
export function refuseBadHost(listener: RequestListener, logger: Logger): RequestListener {
  return (request, response) => {
    const host = request.headers.host;
    if (host === undefined || URL.canParse(`http://${host}${request.url ?? '/'}`)) {
      listener(request, response);
      return;
    }
    const path = (request.url ?? '').split('?')[0];
    logger.warn({ method: request.method, path, status: 400 }, 'request refused: Host is no host');
    response.shouldKeepAlive = false;
    response
      .writeHead(400, {
        'content-type': 'text/plain; charset=utf-8',
        'content-length': Buffer.byteLength(REFUSAL),
      })
      .end(REFUSAL);
  };
}
