// The static file server the end-to-end tests and the benchmark read dist/ from. It sends what
// docs/embedding.md asks of a host and nothing more (a content type, and
// Access-Control-Allow-Origin: * so that a sandboxed iframe can load the widget), logs every
// request that reaches it, and doubles as an HTTP proxy so that a browser told to use it shows
// every request it makes, to any address, in that log.
import { createHash } from 'node:crypto';
import { createServer, request as forward } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { DIST } from './paths.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
};

/** The headers docs/embedding.md asks a host to send with every widget file. */
export const HOST_HEADERS = { 'access-control-allow-origin': '*' };

/** The caching docs/embedding.md asks of a host: a year, immutable, for files whose names carry
 * a hash of their content (explainer fingerprint); for the rest, whose addresses stay the same
 * from build to build, a check with the server each time (answered 304 when unchanged). */
export const CACHING = {
  hashed: /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/,
  immutable: 'public, max-age=31536000, immutable',
  revalidate: 'no-cache',
};

/** Serves `dir` on 127.0.0.1 at a free port. `extra` maps paths to `[type, body, headers?]`,
 * served as they are (a body may be a function, called at each request), or to a function
 * `(request, response)` that answers itself.
 * `options.inject(html)` may rewrite every HTML page served. */
export async function serve(dir = DIST, extra = {}, options = {}) {
  await stat(join(dir, 'index.html')).catch(() => {
    throw new Error(`${dir}/index.html is missing: build first (trunk build --release)`);
  });
  const log = [];
  const refused = new Set();
  const held = new Map();
  let origin = '';
  const server = createServer(async (req, res) => {
    // A proxied request names its whole address: one for another test server on this machine
    // is passed on to it, and anything else is refused, as a machine with no network would.
    const address = new URL(req.url, origin);
    log.push(address.href);
    if (address.origin !== origin) {
      if (address.hostname !== '127.0.0.1') {
        res.writeHead(502).end();
        return;
      }
      const onward = forward(address, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      });
      onward.on('error', () => res.writeHead(502).end());
      req.pipe(onward);
      return;
    }
    const path = decodeURIComponent(address.pathname);
    if (held.has(path)) await held.get(path).promise;
    if (refused.has(path)) {
      req.socket.destroy();
      return;
    }
    if (typeof extra[path] === 'function') {
      extra[path](req, res);
      return;
    }
    if (extra[path]) {
      const [type, made, headers = {}] = extra[path];
      const body = typeof made === 'function' ? made() : made;
      res.writeHead(200, { 'content-type': type, ...headers });
      res.end(type.startsWith('text/html') && options.inject ? options.inject(body) : body);
      return;
    }
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (type.startsWith('text/html') && options.inject) body = options.inject(body.toString('utf8'));
      if (CACHING.hashed.test(path)) {
        res.writeHead(200, { 'content-type': type, 'cache-control': CACHING.immutable, ...HOST_HEADERS });
        res.end(body);
        return;
      }
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
      const headers = { 'content-type': type, 'cache-control': CACHING.revalidate, etag, ...HOST_HEADERS };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  // A proxied https request asks to CONNECT: log where it was going and refuse it. The socket
  // is the server's no longer, so closing the server would wait for the browser to end it.
  server.on('connect', (req, socket) => {
    log.push(`https://${req.url}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n', () => socket.destroy());
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    /** Every address requested since the server started. */
    log,
    /** Until `allow(path)`, requests for `path` have their connection dropped, as a failed
     * network would. */
    refuse: (path) => refused.add(path),
    allow: (path) => refused.delete(path),
    /** Until the returned function is called, answers for `path` wait, as on a slow network. */
    hold: (path) => {
      let release;
      const promise = new Promise((done) => { release = done; });
      held.set(path, { promise });
      return () => {
        held.delete(path);
        release();
      };
    },
    close: () => new Promise((done) => {
      server.closeAllConnections();
      server.close(done);
    }),
  };
}
