import { createHash } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { LmiStatus } from '../lmi/service.ts';
import { parseCsvFeed } from './feeds/csv.ts';
import { parseCtdlFeed } from './feeds/ctdl.ts';
import { parseJsonFeed } from './feeds/json.ts';
import { decodeUtf8 } from './feeds/text.ts';
import {
  FeedFileError,
  type FeedCounts,
  type FeedFormat,
  type FeedProblem,
  type FeedReport,
  type ParsedFeed,
} from './feeds/report.ts';
import { generateDemoCatalogue } from './demo.ts';
import { loadDemoVocabulary } from './demo-vocabulary.ts';
import { ONTARIO_INSTITUTIONS } from './directory.ts';
import type { Institution, Listing, Tag } from './model.ts';
import { describeOsapFlag, osapFlags, type OsapRules } from './osap.ts';
import type {
  CatalogueRepository,
  InstitutionRow,
  ProgramInsert,
  ProgramRecord,
  ProgramSummary,
  StoredState,
} from './repository.ts';

export interface FeedOptions {
  format?: FeedFormat;
  fileName?: string;
  /** Every listing must belong to this institution (an institution's own upload); CTDL listings are assigned to it. */
  institution?: string;
  /** Retire stored listings of the feed's institutions that the feed no longer lists. Never the default. */
  retireMissing?: boolean;
}

export interface ApplyOptions {
  origin: 'feed' | 'demo';
  isDemo: boolean;
  retireMissing: boolean;
  fileName?: string;
  checksum: string;
  format: FeedFormat | 'generated';
  /** Extra facts recorded with the feed (the demo's seed and count). */
  details?: Record<string, unknown>;
  /** Delete every demo listing and institution first, in the same transaction. */
  replaceDemo?: boolean;
}

export interface DemoOptions {
  count: number;
  seed: number;
  /** Offerings start after this date (YYYY-MM-DD). */
  startDate: string;
}

/** What the last generated demonstration catalogue was built from. */
interface DemoDetails {
  seed?: number;
  count?: number;
  startDate?: string;
  vocabulary?: 'lmi' | 'builtin';
}

const EMPTY_COUNTS: FeedCounts = { inserted: 0, updated: 0, unchanged: 0, retired: 0, institutions: 0 };

/**
 * The catalogue: reading and checking feeds, applying them all-or-nothing, and reading programs for
 * pages and the API.
 */
export class CatalogueService {
  constructor(
    private readonly repository: CatalogueRepository,
    private readonly rules: { osap: OsapRules; feedMaxBytes: number },
    private readonly lmiStatus: () => LmiStatus,
  ) {}

  /** Reads a feed file and checks it against the catalogue without writing anything. */
  async validateFeed(bytes: Uint8Array, options: FeedOptions = {}): Promise<FeedReport> {
    const { report } = await this.check(bytes, options);
    return report;
  }

  /**
   * Reads, checks and applies a feed in one transaction: either every listing is written or none is
   * (any error rejects the whole feed). Re-applying the same feed writes nothing.
   */
  async importFeed(bytes: Uint8Array, options: FeedOptions = {}): Promise<FeedReport> {
    const { report, feed } = await this.check(bytes, options);
    if (report.errors.length > 0 || feed === undefined) return report;
    const counts = await this.apply(
      feed.entries.map((entry) => entry.listing),
      feed.institutions,
      {
        origin: 'feed',
        isDemo: false,
        retireMissing: options.retireMissing ?? false,
        checksum: sha256(bytes),
        format: report.format,
        ...(options.fileName === undefined ? {} : { fileName: options.fileName }),
      },
    );
    return { ...report, applied: true, counts };
  }

  private async check(
    bytes: Uint8Array,
    options: FeedOptions,
  ): Promise<{ report: FeedReport; feed?: ParsedFeed }> {
    const format = options.format ?? detectFormat(bytes, options.fileName);
    const base: FeedReport = {
      format,
      fileName: options.fileName,
      accepted: 0,
      errors: [],
      warnings: [],
      applied: false,
      counts: EMPTY_COUNTS,
    };
    if (bytes.byteLength > this.rules.feedMaxBytes) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      throw new FeedFileError(
        `the file is ${mb(bytes.byteLength)}; feeds may be at most ${mb(this.rules.feedMaxBytes)} (split it by institution)`,
      );
    }
    const feed = await this.parse(format, bytes, options.institution);
    const errors = [...feed.errors];
    const warnings = [...feed.warnings];
    await this.checkAgainstCatalogue(feed, options, errors, warnings);
    const failed = new Set(errors.map((error) => error.location));
    const accepted = feed.entries.filter((entry) => !failed.has(entry.location)).length;
    return {
      report: { ...base, accepted, errors, warnings },
      feed,
    };
  }

  private async parse(format: FeedFormat, bytes: Uint8Array, institution?: string): Promise<ParsedFeed> {
    switch (format) {
      case 'csv':
        return parseCsvFeed(bytes);
      case 'json':
        return parseJsonFeed(bytes);
      case 'ctdl': {
        const known = new Map<string, string>();
        for (const row of await this.repository.institutions()) {
          if (row.ctdlId !== null) known.set(row.ctdlId, row.id);
          known.set(row.id, row.id);
        }
        const crosswalk = await this.repository.onetCrosswalk();
        return parseCtdlFeed(decodeUtf8(bytes), {
          knownInstitutions: known,
          onetToNoc: (code) => crosswalk.get(code) ?? crosswalk.get(`${code}.00`) ?? [],
          ...(institution === undefined ? {} : { institution }),
        });
      }
    }
  }

  /** Checks that need the catalogue and the LMI: duplicates, institutions, codes, OSAP rules, links. */
  private async checkAgainstCatalogue(
    feed: ParsedFeed,
    options: FeedOptions,
    errors: FeedProblem[],
    warnings: FeedProblem[],
  ): Promise<void> {
    const seen = new Map<string, string>();
    if (options.institution !== undefined) {
      // An institution's own upload may describe itself, never another institution.
      for (const row of feed.institutions.filter((item) => item.id !== options.institution)) {
        errors.push({
          location: 'institutions',
          field: 'id',
          message: `describes "${row.id}"; this feed may only describe "${options.institution}"`,
        });
      }
    }
    const known = new Set((await this.repository.institutions()).map((row) => row.id));
    for (const row of feed.institutions) known.add(row.id);
    const nocLoaded = this.lmiStatus().loaded;
    const naicsLoaded = await this.repository.hasNaics();
    const allNoc = [
      ...new Set(feed.entries.flatMap((entry) => entry.listing.occupations.map((tag) => tag.name))),
    ];
    const allNaics = [
      ...new Set(feed.entries.flatMap((entry) => entry.listing.industries.map((tag) => tag.name))),
    ];
    const knownNoc = nocLoaded ? await this.repository.knownNoc(allNoc) : undefined;
    const knownNaics = naicsLoaded ? await this.repository.knownNaics(allNaics) : undefined;
    const identities = new Set(
      feed.entries.map(({ listing }) => `${listing.institution}\u0000${listing.externalId}`),
    );

    for (const { listing, location } of feed.entries) {
      const identity = `${listing.institution}\u0000${listing.externalId}`;
      const first = seen.get(identity);
      if (first !== undefined) {
        errors.push({
          location,
          field: 'externalId',
          message: `repeats the id "${listing.externalId}" of ${first}; each listing must appear once`,
        });
      }
      seen.set(identity, first ?? location);
      if (options.institution !== undefined && listing.institution !== options.institution) {
        errors.push({
          location,
          field: 'institution',
          message: `is "${listing.institution}"; this feed may only list programs of "${options.institution}"`,
        });
      } else if (!known.has(listing.institution)) {
        errors.push({
          location,
          field: 'institution',
          message: `"${listing.institution}" is not an institution in the directory`,
        });
      }
      for (const tag of listing.occupations) {
        if (knownNoc !== undefined && !knownNoc.has(tag.name)) {
          errors.push({
            location,
            field: 'occupations',
            message: `${tag.name} is not a NOC 2021 unit group`,
          });
        }
      }
      for (const tag of listing.industries) {
        if (knownNaics !== undefined && !knownNaics.has(tag.name)) {
          errors.push({ location, field: 'industries', message: `${tag.name} is not a NAICS 2022 code` });
        }
      }
      for (const flag of osapFlags(listing, this.rules.osap)) {
        warnings.push({ location, field: 'osap', message: describeOsapFlag(flag, listing, this.rules.osap) });
      }
      const references = [
        ...listing.requires.map((reference) => ({ field: 'requires', reference })),
        ...listing.stacksInto.flatMap((stack) =>
          stack.listing === undefined ? [] : [{ field: 'stacksInto', reference: stack.listing }],
        ),
      ];
      for (const { field, reference } of references) {
        const target = `${reference.institution ?? listing.institution}\u0000${reference.externalId}`;
        if (!identities.has(target)) {
          warnings.push({
            location,
            field,
            message: `names listing "${reference.externalId}", which is not in this feed; it is linked when that listing is in the catalogue`,
          });
        }
      }
    }
  }

  /**
   * Writes validated listings in one transaction: new ones inserted, changed ones replaced (version + 1),
   * unchanged ones untouched, and, with `retireMissing`, listings of the same institutions that are not
   * in `listings` retired. Tags gain vocabulary codes where their names are in the LMI vocabularies.
   */
  async apply(listings: Listing[], institutions: Institution[], options: ApplyOptions): Promise<FeedCounts> {
    const coded = await this.withVocabularyCodes(listings);
    return this.repository.transaction(async (tx) => {
      if (options.replaceDemo === true) await this.repository.deleteDemo(tx);
      // Only institutions that are new or changed are written, so a re-applied feed writes nothing.
      const current = new Map((await this.repository.institutions(tx)).map((row) => [row.id, row]));
      const changedInstitutions = institutions
        .map((row) => institutionRow(row, options.isDemo))
        .filter((row) => {
          const stored = current.get(row.id);
          return (
            stored === undefined || JSON.stringify({ ...stored }) !== JSON.stringify({ ...stored, ...row })
          );
        });
      await this.repository.upsertInstitutions(tx, changedInstitutions);
      const institutionIds = [...new Set(coded.map((listing) => listing.institution))];
      const stored = new Map(
        (await this.repository.states(tx, institutionIds)).map((state) => [
          `${state.institutionId}\u0000${state.externalId}`,
          state,
        ]),
      );
      const now = new Date();
      const changed: { listing: Listing; state: StoredState | undefined }[] = [];
      let unchanged = 0;
      for (const listing of coded) {
        const state = stored.get(`${listing.institution}\u0000${listing.externalId}`);
        if (state?.contentHash === listingHash(listing)) unchanged++;
        else changed.push({ listing, state });
      }
      const listed = new Set(coded.map((listing) => `${listing.institution}\u0000${listing.externalId}`));
      if (options.retireMissing) {
        for (const [key, state] of stored) {
          if (listed.has(key) || state.status === 'retired') continue;
          const current = await this.repository.record({ id: state.id }, tx);
          if (current !== undefined)
            changed.push({ listing: { ...current.listing, status: 'retired' }, state });
        }
      }
      const slugs = await this.slugsFor(
        tx,
        changed.filter((item) => item.state === undefined).map((item) => item.listing),
      );
      const rows: ProgramInsert[] = [];
      const offerings = [];
      const tags = [];
      const links = [];
      for (const { listing, state } of changed) {
        const id = state?.id ?? programId(listing.institution, listing.externalId);
        rows.push(this.programRow(id, listing, state, slugs, now, options.isDemo));
        offerings.push(
          ...listing.offerings.map((offering, position) => ({
            programId: id,
            position,
            startDate: offering.start ?? null,
            endDate: offering.end ?? null,
            schedule: offering.schedule,
            city: offering.city ?? null,
            campus: offering.campus ?? null,
            seats: offering.seats ?? null,
          })),
        );
        const tagRows = (kind: 'skill' | 'technology' | 'occupation' | 'industry', list: Tag[]) =>
          list.map((tag, position) => ({
            programId: id,
            kind,
            position,
            label: tag.name,
            code: tag.code ?? null,
            source: tag.source,
            confidence: tag.confidence,
          }));
        tags.push(
          ...tagRows('skill', listing.skills),
          ...tagRows('technology', listing.technologies),
          ...tagRows('occupation', listing.occupations),
          ...tagRows('industry', listing.industries),
        );
        const linkRows = (
          kind: 'stacks-into' | 'requires',
          references: { institution?: string | undefined; externalId: string }[],
        ) =>
          references.map((reference, position) => ({
            programId: id,
            kind,
            position,
            targetId: null,
            targetInstitutionId: reference.institution ?? listing.institution,
            targetExternalId: reference.externalId,
          }));
        links.push(
          ...linkRows('requires', listing.requires),
          ...linkRows(
            'stacks-into',
            listing.stacksInto.flatMap((stack) => (stack.listing === undefined ? [] : [stack.listing])),
          ),
        );
      }
      await this.repository.writePrograms(tx, rows, { offerings, tags, links });
      const retired = changed.filter(
        (item) => !listed.has(`${item.listing.institution}\u0000${item.listing.externalId}`),
      ).length;
      const counts: FeedCounts = {
        inserted: changed.filter((item) => item.state === undefined).length,
        updated: changed.length - retired - changed.filter((item) => item.state === undefined).length,
        unchanged,
        retired,
        institutions: changedInstitutions.length,
      };
      if (changed.length > 0 || changedInstitutions.length > 0) {
        await this.repository.resolveLinks(tx);
        await this.repository.recordFeed(tx, {
          format: options.format,
          fileName: options.fileName ?? null,
          checksum: options.checksum,
          counts: { ...counts, ...options.details },
          origin: options.origin,
        });
      }
      return counts;
    });
  }

  private programRow(
    id: string,
    listing: Listing,
    state: StoredState | undefined,
    slugs: Map<string, string>,
    now: Date,
    isDemo: boolean,
  ): ProgramInsert {
    const cost = listing.cost;
    return {
      id,
      institutionId: listing.institution,
      externalId: listing.externalId,
      slug: state?.slug ?? slugs.get(id) ?? id,
      status: listing.status,
      version: (state?.version ?? 0) + 1,
      contentHash: listingHash(listing),
      listing,
      titleEn: listing.title.en ?? null,
      titleFr: listing.title.fr ?? null,
      areaOfFocus: listing.areaOfFocus,
      deliveryMode: listing.deliveryMode,
      pacing: listing.pacing ?? null,
      proficiencyLevel: listing.proficiencyLevel ?? null,
      credential: listing.credential,
      durationWeeks: listing.durationWeeks,
      durationHours: listing.durationHours ?? null,
      workloadHours: listing.workloadHours ?? null,
      languages: listing.languages,
      totalCostCents: cost === undefined ? null : cost.tuitionCents + cost.feesCents + cost.materialsCents,
      osapStatus: listing.osap.status,
      transcriptable: listing.transcriptable,
      stackable: listing.stacksInto.length > 0,
      reviewFlags: osapFlags(listing, this.rules.osap),
      isDemo,
      createdAt: state?.createdAt ?? now,
      updatedAt: now,
    };
  }

  /** Readable, unique, permanent slugs: the title, then a short suffix from the id when taken. */
  private async slugsFor(tx: Db, listings: Listing[]): Promise<Map<string, string>> {
    const candidates = listings.map((listing) => {
      const id = programId(listing.institution, listing.externalId);
      return { id, base: slugify(listing.title.en ?? listing.title.fr ?? listing.externalId) };
    });
    const taken = await this.repository.takenSlugs(
      tx,
      candidates.map((candidate) => candidate.base),
    );
    const result = new Map<string, string>();
    const used = new Set<string>();
    for (const { id, base } of candidates) {
      let slug = base;
      if (taken.has(slug) || used.has(slug)) slug = `${base}-${id.slice(0, 6)}`;
      if (taken.has(slug) || used.has(slug)) slug = `${base}-${id.replace(/-/g, '').slice(0, 12)}`;
      used.add(slug);
      result.set(id, slug);
    }
    return result;
  }

  private async withVocabularyCodes(listings: Listing[]): Promise<Listing[]> {
    const missing = (kind: 'skills' | 'technologies') => [
      ...new Set(
        listings.flatMap((listing) =>
          listing[kind].filter((tag) => tag.code === undefined).map((tag) => tag.name),
        ),
      ),
    ];
    const codes = await this.repository.vocabularyCodes(missing('skills'), missing('technologies'));
    if (codes.skills.size === 0 && codes.technologies.size === 0) return listings;
    const code = (tags: Tag[], known: Map<string, string>) =>
      tags.map((tag) => {
        const found = tag.code === undefined ? known.get(tag.name.toLowerCase()) : undefined;
        return found === undefined ? tag : { ...tag, code: found };
      });
    return listings.map((listing) => ({
      ...listing,
      skills: code(listing.skills, codes.skills),
      technologies: code(listing.technologies, codes.technologies),
    }));
  }

  /** Writes the directory of Ontario's institutions (idempotent; run at start). */
  async seedDirectory(): Promise<void> {
    await this.repository.transaction((tx) =>
      this.repository.upsertInstitutions(
        tx,
        ONTARIO_INSTITUTIONS.map((row) => institutionRow(row, false)),
      ),
    );
  }

  /**
   * Replaces the demonstration catalogue with a freshly generated one (deterministic for the same
   * options and LMI), in one transaction. Real listings are never touched.
   */
  async replaceDemo(options: DemoOptions): Promise<FeedCounts & { vocabulary: 'lmi' | 'builtin' }> {
    const vocabulary = await loadDemoVocabulary(this.repository.db);
    const { institutions, listings } = generateDemoCatalogue(vocabulary, options);
    const counts = await this.apply(listings, institutions, {
      origin: 'demo',
      isDemo: true,
      retireMissing: false,
      replaceDemo: true,
      checksum: `demo:${options.seed}:${options.count}:${options.startDate}`,
      format: 'generated',
      details: { ...options, vocabulary: vocabulary.source },
    });
    return { ...counts, vocabulary: vocabulary.source };
  }

  /**
   * At start: creates the demonstration catalogue when the catalogue is empty, and rebuilds it when it
   * is the only content and is stale: built before the LMI was loaded, or its dates are over 30 days old.
   * Returns why it (re)built the demo, or undefined when nothing was done.
   */
  async ensureDemo(options: DemoOptions): Promise<string | undefined> {
    const totals = await this.repository.totals();
    if (totals.real > 0) return undefined;
    if (totals.all === 0) {
      await this.replaceDemo(options);
      return 'the catalogue was empty';
    }
    const details = ((await this.repository.demoFeed())?.counts ?? {}) as DemoDetails;
    if (details.vocabulary === 'builtin' && this.lmiStatus().loaded) {
      await this.replaceDemo(options);
      return 'labour-market data is now loaded';
    }
    const age =
      details.startDate === undefined
        ? Infinity
        : Date.parse(options.startDate) - Date.parse(details.startDate);
    if (age > 30 * 24 * 3600 * 1000) {
      await this.replaceDemo(options);
      return 'its dates were more than 30 days old';
    }
    return undefined;
  }

  // ------------------------------------------------------------------------------------------- reads

  institutions(): Promise<InstitutionRow[]> {
    return this.repository.institutions();
  }

  institution(id: string): Promise<InstitutionRow | undefined> {
    return this.repository.institution(id);
  }

  programCounts(): Promise<Map<string, number>> {
    return this.repository.programCounts();
  }

  /** A program by id (UUID) or slug; retired and draft listings are not shown. */
  async program(idOrSlug: string): Promise<ProgramRecord | undefined> {
    const record = UUID.test(idOrSlug)
      ? await this.repository.record({ id: idOrSlug.toLowerCase() })
      : await this.repository.record({ slug: idOrSlug });
    return record?.listing.status === 'published' ? record : undefined;
  }

  links(id: string) {
    return this.repository.links(id);
  }

  programsForOccupation(noc: string, limit = 20): Promise<ProgramSummary[]> {
    return this.repository.programsForOccupation(noc, limit);
  }

  countForOccupation(noc: string): Promise<number> {
    return this.repository.countForOccupation(noc);
  }

  programsForInstitution(id: string, limit: number, offset: number): Promise<ProgramSummary[]> {
    return this.repository.programsForInstitution(id, limit, offset);
  }

  totals() {
    return this.repository.totals();
  }

  /** Records a click on "Register with the institution" and returns where to send the learner. */
  async referral(id: string, lang: string): Promise<string | undefined> {
    const record = await this.program(id);
    if (record === undefined) return undefined;
    await this.repository.recordClick(record.id, lang);
    return record.listing.registrationUrl;
  }

  /** Referral clicks recorded for a program (institution analytics). */
  clicks(id: string): Promise<number> {
    return this.repository.clicks(id);
  }

  /** Every published listing (or every listing with `all`), in id order, a page at a time. */
  async *listings(all = false): AsyncGenerator<{ id: string; slug: string; listing: Listing }> {
    let after: string | null = null;
    for (;;) {
      const page = await this.repository.listings({
        status: all ? ['draft', 'published', 'retired'] : ['published'],
        after,
        limit: 1000,
      });
      yield* page;
      const last = page.at(-1);
      if (last === undefined || page.length < 1000) return;
      after = last.id;
    }
  }
}

function institutionRow(row: Institution, isDemo: boolean) {
  return {
    id: row.id,
    nameEn: row.name.en,
    nameFr: row.name.fr,
    type: row.type,
    city: row.city,
    region: row.region ?? null,
    website: row.website,
    logoUrl: row.logoUrl ?? null,
    isDemo,
    ctdlId: row.ctdlId ?? null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function detectFormat(bytes: Uint8Array, fileName?: string): FeedFormat {
  const name = fileName?.toLowerCase() ?? '';
  if (name.endsWith('.csv')) return 'csv';
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 4096))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('{') || head.startsWith('[')) {
    return /"@context"|"@graph"|"ceterms:/.test(head) ? 'ctdl' : 'json';
  }
  return 'csv';
}

/** The stable id of a listing: a UUID made from its institution and external id. */
export function programId(institutionId: string, externalId: string): string {
  const hex = createHash('sha256').update(`${institutionId}\u0000${externalId}`).digest('hex');
  // Shaped as a version-8 (custom) UUID so every tool accepts it.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function listingHash(listing: Listing): string {
  return createHash('sha256').update(JSON.stringify(listing)).digest('hex');
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** "Python for Data Analysts (Level 2)" → "python-for-data-analysts-level-2"; accents folded. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug === '' ? 'program' : slug;
}
