import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import expressStaticGzip from 'express-static-gzip';
import * as fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import * as path from 'node:path';

/** Paths that belong to the API side: never answered with the portal's index.html. */
const SERVER_PREFIXES = ['/api', '/docs', '/health'];
const isServerPath = (p: string): boolean =>
  SERVER_PREFIXES.some((prefix) => p === prefix || p.startsWith(`${prefix}/`) || p.startsWith(`${prefix}-`));

/**
 * Serves the built portal: hashed files under /assets cached for a year (immutable) and sent
 * precompressed when the browser accepts that, other files for an hour, and index.html for every
 * other GET (client-side routes) with no-cache, so a new release is picked up at the next visit. Everything the portal answers carries its own CSP.
 */
export function servePortal(webRoot: string, contentSecurityPolicy: string): RequestHandler {
  const indexFile = path.join(webRoot, 'index.html');
  const withCsp = (res: ServerResponse) => {
    res.setHeader('Content-Security-Policy', contentSecurityPolicy);
  };
  // The build writes each asset also brotli- and gzip-compressed (apps/web/build/precompress.mts):
  // sent as the browser accepts, with Vary: Accept-Encoding, nothing compressed per request.
  const assets = expressStaticGzip(path.join(webRoot, 'assets'), {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: {
      index: false,
      fallthrough: false,
      immutable: true,
      maxAge: '365d',
      setHeaders: (res) => withCsp(res),
    },
  });
  const rootFiles = express.static(webRoot, {
    index: false,
    maxAge: '1h',
    setHeaders: (res, filePath) => {
      withCsp(res);
      if (path.basename(filePath) === 'index.html') res.setHeader('Cache-Control', 'no-cache');
    },
  });
  let index: Buffer | undefined;
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isServerPath(req.path)) return next();
    if (req.path.startsWith('/assets/')) {
      // An unknown hashed file is a 404, never index.html (a stale page asking for an old chunk).
      req.url = req.url.slice('/assets'.length);
      return assets(req, res, (error?: unknown) => {
        res.status(404).type('text/plain').send('Niet gevonden');
        void error;
      });
    }
    rootFiles(req, res, () => {
      index ??= fs.readFileSync(indexFile);
      withCsp(res);
      res.setHeader('Cache-Control', 'no-cache');
      res.type('html').send(index);
    });
  };
}

export const portalBuilt = (webRoot: string): boolean => fs.existsSync(path.join(webRoot, 'index.html'));
