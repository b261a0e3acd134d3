import { institutionToCtdl, listingToCtdl } from './feeds/ctdl.ts';
import { listingsToCsv } from './feeds/csv.ts';
import { LISTING_FEED_SCHEMA_PATH } from './feeds/json.ts';
import type { Institution, Listing } from './model.ts';
import type { InstitutionRow } from './repository.ts';
import type { CatalogueService } from './service.ts';

export const EXPORT_FORMATS = ['json', 'csv', 'ctdl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Links written into exports: the program page and the institution's API record. */
export function catalogueUrls(baseUrl: string) {
  return {
    program: (slug: string) => `${baseUrl}/en/programs/${encodeURIComponent(slug)}`,
    institution: (id: string) => `${baseUrl}/api/v1/institutions/${encodeURIComponent(id)}`,
  };
}

export function toInstitution(row: InstitutionRow): Institution {
  return {
    id: row.id,
    name: { en: row.nameEn, fr: row.nameFr },
    type: row.type,
    city: row.city,
    ...(row.region === null ? {} : { region: row.region }),
    website: row.website,
    ...(row.logoUrl === null ? {} : { logoUrl: row.logoUrl }),
    ...(row.ctdlId === null ? {} : { ctdlId: row.ctdlId }),
  };
}

/**
 * The catalogue as a feed in the format the importer reads, produced a chunk at a time so a
 * 100,000-listing catalogue streams instead of being built in memory. JSON and CTDL carry the
 * institutions the listings belong to, so the export imports into an empty catalogue.
 */
export async function* exportCatalogue(
  catalogue: CatalogueService,
  format: ExportFormat,
  baseUrl: string,
  options: { all?: boolean } = {},
): AsyncGenerator<{ text: string; listings: number }> {
  const urls = catalogueUrls(baseUrl);
  const institutions = new Map((await catalogue.institutions()).map((row) => [row.id, toInstitution(row)]));
  const used = new Set<string>();
  // An object so the closure's updates are visible to the checks below.
  const state = { first: true };
  if (format === 'json') {
    yield {
      text: `{"$schema":${JSON.stringify(`${baseUrl}${LISTING_FEED_SCHEMA_PATH}`)},"listings":[\n`,
      listings: 0,
    };
  } else if (format === 'ctdl') {
    yield { text: '{"@context":"https://credreg.net/ctdl/schema/context/json","@graph":[\n', listings: 0 };
  }
  const pending: { id: string; slug: string; listing: Listing }[] = [];
  const flush = (): { text: string; listings: number } => {
    let text: string;
    if (format === 'csv') {
      text = listingsToCsv(pending.map((item) => item.listing));
      if (!state.first) text = text.slice(text.indexOf('\n') + 1);
    } else {
      const nodes = pending.map((item) => {
        if (format === 'json') return JSON.stringify(item.listing);
        const institution = institutions.get(item.listing.institution);
        if (institution === undefined) throw new Error(`institution ${item.listing.institution} is missing`);
        return JSON.stringify(
          listingToCtdl(item.listing, institution, {
            id: item.id,
            program: urls.program(item.slug),
            institution: urls.institution(institution.id),
          }),
        );
      });
      text = (state.first ? '' : ',\n') + nodes.join(',\n');
    }
    state.first = false;
    const listings = pending.length;
    pending.length = 0;
    return { text, listings };
  };
  for await (const item of catalogue.listings(options.all ?? false)) {
    used.add(item.listing.institution);
    pending.push(item);
    if (pending.length === 1000) yield flush();
  }
  if (pending.length > 0 || (state.first && format === 'csv')) yield flush();
  const owners = [...used].flatMap((id) => {
    const institution = institutions.get(id);
    return institution === undefined ? [] : [institution];
  });
  if (format === 'json') {
    yield { text: `\n],"institutions":${JSON.stringify(owners)}}\n`, listings: 0 };
  } else if (format === 'ctdl') {
    const nodes = owners.map((institution) =>
      JSON.stringify(institutionToCtdl(institution, urls.institution(institution.id))),
    );
    yield {
      text: `${state.first || nodes.length === 0 ? '' : ',\n'}${nodes.join(',\n')}\n]}\n`,
      listings: 0,
    };
  }
}
