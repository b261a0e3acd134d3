import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import Negotiator from 'negotiator';

const CLIENT_DIR = path.resolve(import.meta.dirname, '../client');

/** Logical names pages refer to; each maps to one fingerprinted URL under /assets/. */
export type AssetName = 'styles' | 'search' | 'favicon' | 'logo';

export interface Asset {
  readonly type: string;
  readonly body: Buffer;
  /** The body in the best encoding the client accepts (brotli, gzip or none), compressed once. */
  encoded(acceptEncoding: string | undefined): { body: Buffer; encoding: 'br' | 'gzip' | undefined };
  readonly etag: string;
}

export interface Assets {
  /** Fingerprinted URL of a logical asset, or undefined when absent (no logo configured). */
  url(name: AssetName): string | undefined;
  /** The asset served at /assets/<file>, if any. */
  get(file: string): Asset | undefined;
}

export interface AssetOptions {
  brandColour: string;
  logoFile: string | undefined;
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
};

/**
 * Builds the browser assets in memory at start (esbuild, ~0.3 s): the stylesheet with the Ontario
 * Design System styles and fonts bundled in, the search box script (an ES module), the favicon and the
 * optional brand logo. Every file name carries a hash of its content, so responses can be cached for
 * a year; text files are compressed once here instead of on every request.
 */
export async function buildAssets(options: AssetOptions): Promise<Assets> {
  const files = new Map<string, Asset>();
  const named = new Map<AssetName, string>();

  const result = await esbuild.build({
    entryPoints: {
      ladder: path.join(CLIENT_DIR, 'styles/ladder.css'),
      search: path.join(CLIENT_DIR, 'scripts/search-combobox.ts'),
    },
    bundle: true,
    minify: true,
    // Scripts only enhance server-rendered pages; a browser that cannot run them keeps the plain forms.
    format: 'esm',
    target: 'es2020',
    write: false,
    outdir: '/assets',
    publicPath: '/assets',
    entryNames: '[name]',
    assetNames: '[name]-[hash]',
    loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
    logLevel: 'silent',
    absWorkingDir: path.resolve(import.meta.dirname, '../..'),
  });

  for (const output of result.outputFiles) {
    const base = path.basename(output.path);
    if (base === 'ladder.css') {
      // The brand colour is configuration, and CSP forbids inline styles: it goes into the stylesheet.
      const css = Buffer.concat([
        Buffer.from(output.contents),
        Buffer.from(`:root{--ladder-brand:${options.brandColour}}`),
      ]);
      named.set('styles', add(files, 'ladder', '.css', css));
    } else if (base === 'search.js') {
      named.set('search', add(files, 'search', '.js', Buffer.from(output.contents)));
    } else {
      files.set(base, makeAsset(path.extname(base), Buffer.from(output.contents)));
    }
  }
  named.set('favicon', add(files, 'favicon', '.svg', readFileSync(path.join(CLIENT_DIR, 'favicon.svg'))));
  if (options.logoFile !== undefined) {
    const ext = path.extname(options.logoFile).toLowerCase();
    named.set('logo', add(files, 'logo', ext, readFileSync(options.logoFile)));
  }

  return {
    url: (name) => {
      const file = named.get(name);
      return file === undefined ? undefined : `/assets/${file}`;
    },
    get: (file) => files.get(file),
  };
}

function add(files: Map<string, Asset>, stem: string, ext: string, body: Buffer): string {
  const file = `${stem}-${createHash('sha256').update(body).digest('hex').slice(0, 12)}${ext}`;
  files.set(file, makeAsset(ext, body));
  return file;
}

function makeAsset(ext: string, body: Buffer): Asset {
  const type = TYPES[ext] ?? 'application/octet-stream';
  // woff/woff2/png are compressed formats already.
  const compressible = /^(text\/|image\/svg|application\/vnd\.ms-fontobject|font\/ttf)/.test(type);
  let br: Buffer | undefined;
  let gzip: Buffer | undefined;
  return {
    type,
    body,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`,
    encoded(acceptEncoding) {
      if (!compressible) return { body, encoding: undefined };
      const preferred = new Negotiator({ headers: { 'accept-encoding': acceptEncoding ?? '' } }).encoding([
        'br',
        'gzip',
      ]);
      if (preferred === 'br') {
        br ??= brotliCompressSync(body, {
          params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
        });
        return { body: br, encoding: 'br' };
      }
      if (preferred === 'gzip') {
        gzip ??= gzipSync(body, { level: 9 });
        return { body: gzip, encoding: 'gzip' };
      }
      return { body, encoding: undefined };
    },
  };
}
