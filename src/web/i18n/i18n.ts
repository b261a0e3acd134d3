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

/** A translator for one language; a missing `{param}` is left visible rather than dropped. */
export function translator(lang: Lang): Translate {
  const catalogue = catalogues[lang];
  return (key, params) => {
    const message = catalogue[key];
    if (!params) return message;
    return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
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
