/**
 * Serves the built front ends: portal at /, mobile at /m/, handheld at /h/, each with a
 * fallback to its index.html so deep links work. The API is mounted before this.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';

const APPS = [
  { prefix: '/m', dir: 'mobile' },
  { prefix: '/h', dir: 'handheld' },
  { prefix: '/', dir: 'portal' },
] as const;

export function serveApps(app: Express, appsDir: string): void {
  for (const { prefix, dir } of APPS) {
    const root = path.join(appsDir, dir, 'browser');
    const index = path.join(root, 'index.html');
    app.use(
      prefix,
      express.static(root, { index: false, maxAge: '1h', setHeaders: noCacheForHtml }),
    );
    app.get(prefix === '/' ? '/{*rest}' : [prefix, `${prefix}/{*rest}`], (req, res, next) => {
      if (req.path.startsWith('/api/')) return next();
      if (
        prefix === '/' &&
        (req.path === '/m' ||
          req.path.startsWith('/m/') ||
          req.path === '/h' ||
          req.path.startsWith('/h/'))
      ) {
        return next();
      }
      if (!fs.existsSync(index)) {
        res
          .status(503)
          .type('text/html')
          .send(
            `<!doctype html><meta charset="utf-8"><title>Prapa</title><p>ยังไม่ได้สร้างแอป ${dir} — The ${dir} app is not built yet: run <code>npm run build:apps</code>.</p>`,
          );
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  }
}

function noCacheForHtml(res: express.Response, file: string): void {
  if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
