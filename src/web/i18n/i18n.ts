import Negotiator from 'negotiator';
import { en, type MessageKey } from './messages.en.ts';
import { fr } from './messages.fr.ts';

export const LANGS = ['en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];
export type { MessageKey };

export const catalogues: Record<Lang, Record<MessageKey, string>> = { en, fr };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'fr';
}

export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'fr' : 'en';
}

/**
 * A message split at its placeholders: even indexes are text, odd ones parameter names
 * ("{count} programs" → ["", "count", " programs"]).
 */
type Compiled = readonly string[];

function compile(message: string): Compiled {
  return message.split(/\{(\w+)\}/);
}

/** Messages compiled once per language (pages ask for a few hundred per request). */
const compiledCatalogues = new Map<Lang, Map<MessageKey, Compiled>>();

/** A translator for one language; a missing `{param}` is left visible rather than dropped. */
export function translator(lang: Lang): Translate {
  const catalogue = catalogues[lang];
  const parts = compiledCatalogues.get(lang) ?? new Map<MessageKey, Compiled>();
  compiledCatalogues.set(lang, parts);
  return (key, params) => {
    const message = catalogue[key];
    if (!params) return message;
    let pieces = parts.get(key);
    if (pieces === undefined) {
      pieces = compile(message);
      parts.set(key, pieces);
    }
    let text = pieces[0] ?? '';
    for (let i = 1; i < pieces.length; i += 2) {
      const name = pieces[i] ?? '';
      text += (name in params ? String(params[name]) : `{${name}}`) + (pieces[i + 1] ?? '');
    }
    return text;
  };
}

/** Names of the `{param}` placeholders in a message, sorted. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

/** The language a visitor prefers from an Accept-Language header; English unless French ranks higher. */
export function negotiateLang(acceptLanguage: string | undefined): Lang {
  const preferred = new Negotiator({ headers: { 'accept-language': acceptLanguage ?? '' } }).language([
    'en',
    'fr',
  ]);
  return preferred === 'fr' ? 'fr' : 'en';
}

/** Language of a request path: its /en/ or /fr/ prefix, else undefined. */
export function langOfPath(urlPath: string): Lang | undefined {
  const match = /^\/(en|fr)(\/|$)/.exec(urlPath);
  return match ? (match[1] as Lang) : undefined;
}
