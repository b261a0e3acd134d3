import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILTIN_DEMO_VOCABULARY, generateDemoCatalogue } from './demo.ts';
import { listingSchema } from './model.ts';

const options = { count: 2600, seed: 1, startDate: '2027-01-04' };

describe('the demonstration catalogue generator', () => {
  const { institutions, listings } = generateDemoCatalogue(BUILTIN_DEMO_VOCABULARY, options);

  it('is deterministic: the same seed gives the same catalogue, another seed another', () => {
    assert.deepEqual(generateDemoCatalogue(BUILTIN_DEMO_VOCABULARY, options), { institutions, listings });
    const other = generateDemoCatalogue(BUILTIN_DEMO_VOCABULARY, { ...options, seed: 2 });
    assert.notDeepEqual(other.listings, listings);
  });

  it('gives valid, uniquely identified listings of fictional demo institutions', () => {
    assert.equal(listings.length, 2600);
    for (const listing of listings.slice(0, 500)) assert.deepEqual(listingSchema.parse(listing), listing);
    assert.equal(new Set(listings.map((listing) => listing.externalId)).size, 2600);
    assert.ok(
      institutions.every(
        (row) => row.id.startsWith('demo-') && /\(demo\)$/.test(row.name.en) && /\(démo\)$/.test(row.name.fr),
      ),
    );
    const ids = new Set(institutions.map((row) => row.id));
    assert.ok(listings.every((listing) => ids.has(listing.institution)));
  });

  it('covers every occupation of the vocabulary and teaches its skills and technologies', () => {
    const used = new Set(listings.flatMap((listing) => listing.occupations.map((tag) => tag.code)));
    for (const occupation of BUILTIN_DEMO_VOCABULARY.occupations)
      assert.ok(used.has(occupation.noc), occupation.noc);
    const first = listings.find((listing) => listing.occupations[0]?.code === '21232');
    const developer = BUILTIN_DEMO_VOCABULARY.occupations.find((occupation) => occupation.noc === '21232');
    assert.ok(first && developer);
    assert.ok(first.skills.every((tag) => developer.skills.includes(tag.name)));
    assert.ok(
      first.technologies.every((tag) =>
        developer.technologies.some((technology) => technology.name === tag.name),
      ),
    );
  });

  it('has realistic mixes: free, low cost, delivery, OSAP, stacking', () => {
    const share = (test: (listing: (typeof listings)[number]) => boolean) =>
      listings.filter(test).length / listings.length;
    const free = share((listing) => listing.cost?.tuitionCents === 0);
    assert.ok(free > 0.04 && free < 0.12, `free ${free}`);
    const online = share((listing) => listing.deliveryMode === 'online');
    assert.ok(online > 0.4 && online < 0.8, `online ${online}`);
    const approved = listings.filter((listing) => listing.osap.status === 'approved');
    assert.ok(approved.length / listings.length > 0.25, 'OSAP approved listings');
    const inconsistent = approved.filter((listing) => listing.durationWeeks > 11).length / listings.length;
    assert.ok(inconsistent > 0.002 && inconsistent < 0.03, `approved over 11 weeks ${inconsistent}`);
    const stacking = share((listing) => listing.stacksInto.length > 0);
    assert.ok(stacking > 0.08 && stacking < 0.2, `stacking ${stacking}`);
    assert.ok(
      listings.every((listing) =>
        listing.offerings.every((offering) => (offering.start ?? '') > options.startDate),
      ),
    );
    assert.ok(share((listing) => listing.languages.includes('fr')) > 0.03);
  });

  it('scales to 100,000 listings', () => {
    assert.equal(
      generateDemoCatalogue(BUILTIN_DEMO_VOCABULARY, { ...options, count: 100_000 }).listings.length,
      100_000,
    );
  });
});
