import type { MessageKey, Translate } from '../i18n/i18n.ts';

/** Catalogue keys of the LMI sources' names. */
export const SOURCE_NAMES: Record<string, MessageKey> = {
  noc: 'aboutData.source.noc',
  oasis: 'aboutData.source.oasis',
  cops: 'aboutData.source.cops',
  jobbank: 'aboutData.source.jobbank',
  onet: 'aboutData.source.onet',
  naics: 'aboutData.source.naics',
  esco: 'aboutData.source.esco',
};

/** The name of an LMI source in the page's language (its id when the catalogue has none). */
export function sourceName(t: Translate, id: string): string {
  const key = SOURCE_NAMES[id];
  return key ? t(key) : id;
}
