import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluate, heldOutCases, matcherWithout } from './title-eval.ts';
import { MajorClassifier } from './title-major.ts';
import {
  DEFAULT_OPTIONS,
  RERANK_FEATURES,
  TitleMatcher,
  type TitleEntry,
  type UnitGroupName,
} from './title-matcher.ts';
import { headWord, learnAbbreviations, rawWords } from './title-text.ts';

// A small hand-written world: a few real unit groups and titles in the NOC's own style.
const groups: UnitGroupName[] = [
  {
    code: '31301',
    titleEn: 'Registered nurses and registered psychiatric nurses',
    titleFr:
      'Infirmiers autorisés/infirmières autorisées et infirmiers psychiatriques autorisés/infirmières psychiatriques autorisées',
  },
  {
    code: '32101',
    titleEn: 'Licensed practical nurses',
    titleFr: 'Infirmiers auxiliaires/infirmières auxiliaires',
  },
  {
    code: '33102',
    titleEn: 'Nurse aides, orderlies and patient service associates',
    titleFr:
      'Aides-infirmiers/aides-infirmières, aides-soignants/aides-soignantes et préposés/préposées aux bénéficiaires',
  },
  {
    code: '21234',
    titleEn: 'Web developers and programmers',
    titleFr: 'Développeurs/développeuses et programmeurs/programmeuses Web',
  },
  {
    code: '21232',
    titleEn: 'Software developers and programmers',
    titleFr: 'Concepteurs/conceptrices et programmeurs/programmeuses de logiciels',
  },
  {
    code: '65201',
    titleEn: 'Food counter attendants, kitchen helpers and related support occupations',
    titleFr: 'Serveurs/serveuses au comptoir, aides de cuisine et personnel de soutien assimilé',
  },
  {
    code: '94153',
    titleEn: 'Photographic and film processors',
    titleFr: 'Développeurs/développeuses de films et de photographies',
  },
  {
    code: '13110',
    titleEn: 'Administrative assistants',
    titleFr: 'Adjoints administratifs/adjointes administratives',
  },
];

const title = (
  noc: string,
  text: string,
  lang: 'en' | 'fr' = 'en',
  source: TitleEntry['source'] = 'nocExample',
  weight = 1,
): TitleEntry => ({
  noc,
  title: text,
  lang,
  source,
  weight,
});

const entries: TitleEntry[] = [
  title('31301', 'Registered nurse (R.N.)'),
  title('31301', 'Nurse'),
  title('31301', 'Emergency nurse'),
  title('31301', 'Infirmier autorisé/infirmière autorisée', 'fr'),
  title('32101', 'Licensed practical nurse (LPN)'),
  title('32101', 'Registered practical nurse (RPN)'),
  title('32101', 'Infirmier auxiliaire/infirmière auxiliaire', 'fr'),
  title('33102', 'Personal support worker - nursing care'),
  title('33102', 'Nurse aide'),
  title('33102', 'Préposé/préposée aux bénéficiaires', 'fr'),
  title('21234', 'Web developer'),
  title('21234', 'Full stack web developer'),
  title('21234', 'Développeur/développeuse Web', 'fr'),
  title('21232', 'Software developer'),
  title('21232', 'Application programmer'),
  title('21232', 'Python Developer', 'en', 'onetAlternate', 1),
  title('65201', 'Barista'),
  title('65201', 'Kitchen helper'),
  title('94153', 'Film developer'),
  title('94153', 'Photo developer'),
  title('13110', 'Administrative assistant'),
  title('13110', 'Executive assistant'),
];

const matcher = new TitleMatcher(entries, groups);
const best = (text: string, lang: 'en' | 'fr' = 'en') => matcher.match(text, lang, 3)[0]?.noc;

describe('job-title text', () => {
  it('folds, drops exclusions and stop words, and keeps dotted initials together', () => {
    assert.deepEqual(rawWords('Assessor (except tax)'), ['assessor']);
    assert.deepEqual(rawWords('Registered nurse (R.N.)'), ['registered', 'nurse', 'rn']);
    assert.deepEqual(rawWords('Préposée aux bénéficiaires'), ['preposee', 'beneficiaires']);
    assert.deepEqual(rawWords('.NET developer'), ['dotnet', 'developer']);
  });

  it('finds the head word: the last word of the main part in English, the first in French', () => {
    assert.equal(headWord('Aircraft power plant mechanic - airline', 'en'), 'mechanic');
    assert.equal(headWord('Senior web developer', 'en'), 'developer');
    assert.equal(headWord('Acheteur/acheteuse de grains', 'fr'), 'acheteur');
  });

  it('reads "foreman/woman" as one word, so the head word is the job, not "woman"', () => {
    assert.deepEqual(rawWords('Abattoir foreman/woman'), ['abattoir', 'foreman']);
    assert.deepEqual(rawWords('Chairman/chairwoman'), ['chairman']);
    assert.equal(headWord('Foreman/woman - motor vehicle manufacturing', 'en'), 'foreman');
    assert.deepEqual(rawWords('Woman'), ['woman']);
  });

  it('learns abbreviations that titles spell out in parentheses', () => {
    const learned = learnAbbreviations([
      'Wide area network (WAN) administrator',
      'Information technology (IT) analyst',
      'Nurse (RN)',
    ]);
    assert.equal(learned.get('wan'), 'wide area network');
    assert.equal(learned.get('it'), 'information technology');
    assert.equal(learned.has('rn'), false);
  });
});

describe('title matcher', () => {
  it('finds the unit group of exact, reordered and differently cased titles', () => {
    assert.equal(best('Barista'), '65201');
    assert.equal(best('developer web'), '21234');
    assert.equal(best('LICENSED PRACTICAL NURSE'), '32101');
  });

  it('reads abbreviations, seniority words and short forms', () => {
    assert.equal(best('RN'), '31301');
    assert.equal(best('RPN'), '32101');
    assert.equal(best('sr. full-stack dev'), '21234');
    assert.equal(best('PSW'), '33102');
    assert.equal(best('admin assistant'), '13110');
  });

  it('corrects typos, including a misspelling that is a rare word of the other language', () => {
    assert.equal(best('regsitered nurse'), '31301');
    assert.equal(best('software developper'), '21232');
  });

  it('reads an unknown word by the known job word it ends with, and nothing else', () => {
    // "Barista" and "developer" are known; these compounds are not.
    assert.equal(best('espressobarista'), '65201');
    assert.equal(best('gamedeveloper'), best('developer'));
    // Too short a beginning ("xx"), or too short a known ending ("aide"), is not read as a compound.
    assert.deepEqual(matcher.match('xxnurse', 'en', 3), []);
    assert.deepEqual(matcher.match('xyzaide', 'en', 3), []);
  });

  it('understands French with or without accents and in either gender', () => {
    assert.equal(best('préposée aux bénéficiaires', 'fr'), '33102');
    assert.equal(best('prepose aux beneficiaires', 'fr'), '33102');
    assert.equal(best('infirmière auxiliaire', 'fr'), '32101');
    assert.equal(
      matcher.match('infirmier auxiliaire', 'fr', 1)[0]?.title,
      'Infirmiers auxiliaires/infirmières auxiliaires',
    );
  });

  it('returns calibrated scores that never sum to more than 1, and says what it matched on', () => {
    const matches = matcher.match('web developer', 'en', 10);
    const sum = matches.reduce((total, match) => total + match.score, 0);
    assert.ok(sum <= 1.0001, `sum ${sum}`);
    assert.ok((matches[0]?.score ?? 0) > 0.5);
    assert.deepEqual(matches[0]?.matchedOn, {
      title: 'Web developer',
      source: 'nocExample',
      lang: 'en',
      similarity: 1,
    });
    // After the first (the best unit group of the most likely major group), by score.
    assert.ok(matches.every((match, index) => index <= 1 || match.score <= (matches[index - 1]?.score ?? 1)));
  });

  it('re-ranks the best candidates, or keeps the mixed score without re-ranker weights', () => {
    assert.equal(DEFAULT_OPTIONS.rerank.length, RERANK_FEATURES.length);
    const plain = new TitleMatcher(entries, groups, { rerank: [] });
    for (const text of ['web developer', 'kitchen helper', 'nurse aide']) {
      const ranked = plain.rank(text, 'en');
      const sorted = [...ranked].sort((a, b) => b.raw - a.raw);
      assert.deepEqual(
        ranked.map((candidate) => candidate.group.code),
        sorted.map((candidate) => candidate.group.code),
      );
      const features = matcher.rerankFeatures(text, 'en');
      assert.ok(
        features.length > 0 && features.every((row) => row.features.length === RERANK_FEATURES.length),
      );
      const sum = matcher.rank(text, 'en').reduce((total, candidate) => total + candidate.probability, 0);
      assert.ok(sum <= 1.0001, `sum ${sum}`);
    }
  });

  it('puts the best unit group of the most likely major group first', () => {
    for (const text of ['nurse', 'developer', 'assistant', 'helper']) {
      const ranked = matcher.rank(text, 'en');
      const byMajor = new Map<string, number>();
      for (const candidate of ranked.slice(0, 10)) {
        const major = candidate.group.code.slice(0, 2);
        byMajor.set(major, (byMajor.get(major) ?? 0) + candidate.probability);
      }
      const top = Math.max(...byMajor.values());
      assert.equal(byMajor.get(ranked[0]?.group.code.slice(0, 2) ?? ''), top, text);
    }
  });

  it('answers nothing for empty or unknown text, and never throws on odd input', () => {
    assert.deepEqual(matcher.match('', 'en'), []);
    assert.deepEqual(matcher.match('   ---   ', 'en'), []);
    assert.deepEqual(matcher.match('zzqx', 'en'), []);
    for (const odd of ['\u0000', '((((', 'a'.repeat(5000), '🙂 nurse', 'C# .NET', '%00']) {
      assert.doesNotThrow(() => matcher.match(odd, 'fr', 5));
    }
  });

  it('names a job only when the text holds the head word of a close title', () => {
    assert.deepEqual(
      matcher.jobTitleMatches('barista', 'en').map((match) => match.noc),
      ['65201'],
    );
    // "Python" is a topic of "Python Developer", not a job.
    assert.deepEqual(matcher.jobTitleMatches('python', 'en'), []);
    assert.ok(matcher.jobTitleMatches('RN', 'en').some((match) => match.noc === '31301'));
  });
});

describe('major-group classifier', () => {
  it('learns which words tell major groups apart, head words and word pairs included', () => {
    // Terms: 0 paper, 1 labourer, 2 operator, 3 machine; classes: 0 operators, 1 labourers.
    const documents = [
      { terms: [0, 3, 2], head: 2, label: 0, weight: 1 },
      { terms: [3, 2], head: 2, label: 0, weight: 1 },
      { terms: [0, 1], head: 1, label: 1, weight: 1 },
      { terms: [1], head: 1, label: 1, weight: 1 },
    ];
    const classifier = new MajorClassifier(documents, 4, 2);
    const labourer = classifier.probabilities([0, 1], [1, 1], 1);
    assert.ok((labourer[1] ?? 0) > 0.5, `labourer ${labourer[1]}`);
    const operator = classifier.probabilities([0, 2], [1, 1], 2);
    assert.ok((operator[0] ?? 0) > 0.5, `operator ${operator[0]}`);
    const unknown = classifier.probabilities([-1], [0], -1);
    assert.ok(Math.abs((unknown[0] ?? 0) + (unknown[1] ?? 0) - 1) < 1e-9);
    // Deterministic: the same titles train the same model.
    assert.deepEqual(
      [...new MajorClassifier(documents, 4, 2).probabilities([0, 1], [1, 1], 1)],
      [...classifier.probabilities([0, 1], [1, 1], 1)],
    );
  });
});

describe('title evaluation', () => {
  it('holds the evaluated titles out of the index and measures top-1, top-5 and major group', () => {
    const cases = [
      { title: 'Emergency nurse', noc: '31301', lang: 'en' as const },
      { title: 'Kitchen helper', noc: '65201', lang: 'en' as const },
      { title: 'Executive assistant', noc: '13110|31301', lang: 'en' as const },
    ];
    const held = matcherWithout(entries, groups, cases);
    assert.ok(held.size < matcher.size);
    const result = evaluate(held, cases);
    assert.equal(result.cases, 3);
    assert.ok(result.top1 >= 2 / 3, `top-1 ${result.top1}`);
    assert.ok(result.top5 >= result.top1 && result.majorTop1 >= result.top1);
  });

  it('splits NOC example titles into stable buckets', () => {
    const dev = heldOutCases(entries, 0, 50);
    const rest = heldOutCases(entries, 50, 100);
    assert.equal(dev.length + rest.length, entries.filter((entry) => entry.source === 'nocExample').length);
    assert.deepEqual(heldOutCases(entries, 0, 50), dev);
  });
});
