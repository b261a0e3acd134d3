/**
 * English message catalogue. Keys are shared with messages.fr.ts (the compiler and a test enforce
 * parity). `{name}` placeholders are filled by `t()` and must appear in both languages.
 */
export const en = {
  'lang.name': 'English',
  'lang.switchTo': 'Français',

  'site.tagline': 'Micro-credentials for the jobs Ontario needs',
  'layout.skipToContent': 'Skip to main content',
  'layout.headerNav': 'Site',
  'layout.footerNav': 'About this site',
  'layout.footer.aboutData': 'About the data',
  'layout.footer.accessibility': 'Accessibility',
  'layout.footer.privacy': 'Privacy',
  'layout.footer.terms': 'Terms of use',
  'layout.footer.apiDocs': 'API for developers',
  'layout.footer.openSource': '{brand} is open-source software.',
  'layout.nav.search': 'Search programs',

  'notice.lmiMissing.title': 'Labour-market data is not loaded',
  'notice.lmiMissing.body':
    'This portal is running without the official labour-market information (NOC, OaSIS, COPS, Job Bank, O*NET). Occupations, outlooks and skills are not shown, and no figure on this site is presented as labour-market data.',
  'notice.lmiMissing.howTo':
    'To load it, set LMI_DIR to a folder holding the published files and restart. See About the data.',

  'home.title': 'Find a micro-credential that moves your career forward',
  'home.lead':
    'Short, job-focused training from Ontario colleges, universities and Indigenous Institutes. Search by job title, skill, tool or industry.',
  'home.search.label': 'Search micro-credentials',
  'home.search.hint':
    'Try a job title, a skill or a technology, such as “web developer”, “Python” or “welding”.',
  'home.search.button': 'Search',
  'home.examples.heading': 'Popular searches',
  'home.examples.personalSupportWorker': 'Personal support worker',
  'home.examples.webDeveloper': 'Web developer',
  'home.examples.projectManagement': 'Project management',
  'home.examples.electrician': 'Electrician',
  'home.examples.dataAnalysis': 'Data analysis',
  'home.about.heading': 'What is a micro-credential?',
  'home.about.body':
    'A micro-credential is a short program, usually under 12 weeks, that teaches skills employers are asking for. Many can be combined into a larger credential, and some qualify for OSAP student aid.',

  'search.title': 'Search micro-credentials',
  'search.comingTitle': 'Search is on its way',
  'search.comingBody':
    'Program search is being built. When it is ready, this page will list the micro-credentials that match your search, with filters for cost, schedule, duration, delivery and OSAP eligibility.',
  'search.youSearchedFor': 'You searched for: {query}',
  'search.noQuery': 'You did not enter a search term.',
  'search.backHome': 'Back to the home page',

  'aboutData.title': 'About the data',
  'aboutData.lead':
    'Ladder is powered by labour-market information published by Statistics Canada, Employment and Social Development Canada, the O*NET program and the European Commission.',
  'aboutData.status.heading': 'What is loaded on this portal',
  'aboutData.status.notLoaded':
    'No labour-market data is loaded yet. The portal runs on demonstration data until an administrator loads the official files.',
  'aboutData.source.noc': 'National Occupational Classification (NOC) 2021, Statistics Canada',
  'aboutData.source.oasis': 'Occupational and Skills Information System (OaSIS), ESDC',
  'aboutData.source.cops': 'Canadian Occupational Projection System (COPS) 2024–2033, ESDC',
  'aboutData.source.jobbank': 'Job Bank 3-year employment outlooks 2025–2027, ESDC',
  'aboutData.source.onet': 'O*NET 29.3 database, U.S. Department of Labor (CC BY 4.0)',
  'aboutData.source.naics':
    'North American Industry Classification System (NAICS) Canada 2022, Statistics Canada',
  'aboutData.source.esco': 'ESCO classification, European Commission',
  'aboutData.load.heading': 'How to load the data',
  'aboutData.load.body':
    'Download the published files, put them in one folder with one sub-folder per source, set LMI_DIR to that folder and restart the portal. The import runs once and is recorded here.',

  'accessibility.title': 'Accessibility',
  'accessibility.lead':
    'Ladder is built to meet the Web Content Accessibility Guidelines (WCAG) 2.0 level AA, as Ontario’s Accessibility for Ontarians with Disabilities Act requires.',
  'accessibility.what.heading': 'What we do',
  'accessibility.what.body':
    'Every page works with a keyboard alone, has a link to skip to the main content, and is checked automatically with axe in English and French before each release.',
  'accessibility.coming.heading': 'What this page will hold',
  'accessibility.coming.body':
    'A full accessibility statement: the standard we test against, known issues and their fixes, and how to request content in another format or report a barrier.',

  'privacy.title': 'Privacy',
  'privacy.lead': 'Ladder collects as little personal information as it can.',
  'privacy.now.heading': 'What this site does today',
  'privacy.now.body':
    'Browsing and searching need no account. The site sets only the cookies it needs to protect forms from forgery. Server logs keep a request identifier, the address requested and the time, not your name.',
  'privacy.coming.heading': 'What this page will hold',
  'privacy.coming.body':
    'The full privacy notice: what accounts, saved programs, the credential passport and email news store, for how long, who can see them, and how to download or delete your information.',

  'terms.title': 'Terms of use',
  'terms.lead': 'Program information is published by the institutions that offer the programs.',
  'terms.coming.heading': 'What this page will hold',
  'terms.coming.body':
    'The terms for using the portal and its API: who is responsible for listings, how labour-market data may be reused under its licences, and the rules for institution and employer accounts.',

  'apiDocs.title': 'API for developers',
  'apiDocs.lead':
    'Ladder’s data is available as JSON over HTTP. The machine-readable description is an OpenAPI 3.1 document.',
  'apiDocs.openapiLink': 'Download the OpenAPI document (JSON)',
  'apiDocs.errors.heading': 'Errors',
  'apiDocs.errors.body':
    'Every error has the same shape: an object named error with a stable code, a message and, for invalid requests, details naming each parameter.',
  'apiDocs.endpoints.heading': 'Endpoints',
  'apiDocs.parameters': 'Parameters',
  'apiDocs.responses': 'Responses',
  'apiDocs.parameter.required': 'required',
  'apiDocs.parameter.optional': 'optional',
  'apiDocs.noParameters': 'No parameters.',
  'api.op.getStatus': 'The portal’s version, database engine and which data is loaded.',

  'error.notFound.title': 'We can’t find that page',
  'error.notFound.body': 'The address may be mistyped, or the page may have moved.',
  'error.badRequest.title': 'There is a problem with this address',
  'error.badRequest.body': 'Part of the address is not valid: {detail}',
  'error.tooManyRequests.title': 'Too many requests',
  'error.tooManyRequests.body':
    'You have made many requests in a short time. Please wait a minute and try again.',
  'error.forbidden.title': 'This form has expired',
  'error.forbidden.body': 'For your security, forms expire. Go back, reload the page and submit it again.',
  'error.server.title': 'Something went wrong on our side',
  'error.server.body':
    'Please try again in a few minutes. If it keeps happening, quote this reference: {requestId}',
  'error.goHome': 'Go to the home page',
  'layout.nav.occupations': 'Occupations',
  'notice.lmiPartial.title': 'Some labour-market data is not loaded',
  'notice.lmiPartial.body': 'These sources are not loaded, so what they provide is not shown: {sources}.',
  'lmi.notPublished': 'Not published',
  'lmi.outlook.very_good': 'Very good',
  'lmi.outlook.good': 'Good',
  'lmi.outlook.moderate': 'Moderate',
  'lmi.outlook.limited': 'Limited',
  'lmi.outlook.very_limited': 'Very limited',
  'lmi.outlook.undetermined': 'Undetermined',
  'lmi.conditions.strong_shortage': 'Strong risk of shortage',
  'lmi.conditions.moderate_shortage': 'Moderate risk of shortage',
  'lmi.conditions.balance': 'Balance',
  'lmi.conditions.moderate_surplus': 'Moderate risk of surplus',
  'lmi.conditions.strong_surplus': 'Strong risk of surplus',
  'lmi.hiring.hot': 'Hiring indicator: hot',
  'lmi.hiring.steady': 'Hiring indicator: steady',
  'lmi.hiring.cooling': 'Hiring indicator: cooling',
  'lmi.hiring.not_enough_data': 'Hiring indicator: not enough data',
  'lmi.hiring.inputs':
    'Based on the Ontario outlook ({outlook}, Job Bank) and the 10-year national conditions ({conditions}, COPS).',
  'lmi.hiring.howLink': 'How the hiring indicator is set',
  'occupations.title': 'Occupations',
  'occupations.lead':
    'Explore the National Occupational Classification (NOC) 2021: what each occupation involves, the skills it uses, and its job outlook in Ontario.',
  'occupations.breadcrumbs': 'Where this occupation sits in the NOC',
  'occupations.notLoaded': 'Occupation information appears here once the labour-market data is loaded.',
  'occupations.level.1': 'NOC broad category',
  'occupations.level.2': 'NOC major group',
  'occupations.level.3': 'NOC sub-major group',
  'occupations.level.4': 'NOC minor group',
  'occupations.level.5': 'NOC unit group',
  'occupations.search.label': 'Find an occupation by job title',
  'occupations.search.button': 'Find',
  'occupations.search.results': 'Occupations matching “{query}”',
  'occupations.search.none': 'No occupation matches this title. Try a shorter or more general title.',
  'occupations.search.matchedOn': 'matches the job title “{title}”',
  'occupations.inDemandLink': 'See the occupations in demand in Ontario',
  'occupations.browse.heading': 'Browse by category',
  'occupations.group.children': 'In this group',
  'occupation.code': 'NOC 2021 code {code}',
  'occupation.teer': 'TEER {teer}',
  'occupation.outlook.heading': 'Job outlook',
  'occupation.outlook.ontario': 'Ontario outlook',
  'occupation.outlook.ontarioValue': '{label} ({period}, Job Bank)',
  'occupation.outlook.future': 'Labour-market conditions in Canada, 2024 to 2033',
  'occupation.outlook.recent': 'Labour-market conditions in Canada, 2021 to 2023',
  'occupation.outlook.openings': 'Projected job openings in Canada, 2024 to 2033',
  'occupation.outlook.seekers': 'Projected job seekers in Canada, 2024 to 2033',
  'occupation.outlook.employment': 'Employment in Canada, 2023',
  'occupation.outlook.aggregate':
    'COPS publishes these projections for a group of occupations: {title} ({code}).',
  'occupation.outlook.national':
    'The 10-year figures are national projections from the Canadian Occupational Projection System (COPS); the outlook is Job Bank’s for Ontario.',
  'occupation.duties.heading': 'Main duties',
  'occupation.titles.heading': 'Example job titles',
  'occupation.titles.more': 'And {count} more job titles.',
  'occupation.ratings.heading': 'Skills, abilities and knowledge',
  'occupation.ratings.explain':
    'Levels from 0 (not needed) to 5 (highest proficiency), from OaSIS. Where the occupation has several profiles, the level is their average. Descriptor names are published in English.',
  'occupation.ratings.skills': 'Top skills',
  'occupation.ratings.abilities': 'Top abilities',
  'occupation.ratings.knowledge': 'Top knowledge areas',
  'occupation.ratings.descriptor': 'Descriptor',
  'occupation.ratings.level': 'Level',
  'occupation.ratings.value': '{level} out of 5',
  'occupation.ratings.release': 'Source: {releases}.',
  'occupation.technologies.heading': 'Hot and in-demand technologies',
  'occupation.technologies.hot': 'Hot',
  'occupation.technologies.inDemand': 'In demand',
  'occupation.technologies.explain':
    'From O*NET 29.3, linked to this NOC unit group through the BC Government crosswalk. “Hot” technologies are frequently named in U.S. job postings; “in demand” ones are named by employers for this occupation.',
  'occupation.related.heading': 'Related occupations',
  'occupation.programs.heading': 'Programs that train for this occupation',
  'occupation.programs.coming':
    'Micro-credentials linked to this occupation will be listed here once the program catalogue is published.',
  'occupation.sources.heading': 'Data sources',
  'occupation.sources.item': '{title}, {version} (loaded {date})',
  'occupation.sources.more': 'About the data and the licences',
  'inDemand.title': 'Occupations in demand in Ontario',
  'inDemand.lead':
    'Occupations whose hiring indicator is “hot”: a good or very good Job Bank outlook in Ontario, backed by national projections.',
  'inDemand.none': 'No occupation currently meets the “hot” rule.',
  'inDemand.caption': '{count} occupations in demand, strongest signals first',
  'inDemand.col.occupation': 'Occupation',
  'inDemand.col.outlook': 'Ontario outlook',
  'inDemand.col.conditions': 'Conditions in Canada, 2024 to 2033',
  'inDemand.col.openings': 'Job openings in Canada, 2024 to 2033',
  'aboutData.field.publisher': 'Publisher',
  'aboutData.field.version': 'Version',
  'aboutData.field.licence': 'Licence',
  'aboutData.field.loaded': 'Loaded',
  'aboutData.field.loadedValue': '{date}, {rows} rows',
  'aboutData.field.files': 'Files',
  'aboutData.field.checksum': 'SHA-256 {sha}…',
  'aboutData.status.missing': 'Not loaded: {sources}.',
  'aboutData.hiring.heading': 'How the hiring indicator is set',
  'aboutData.hiring.body':
    'Each occupation’s hiring indicator combines the Job Bank 3-year outlook for Ontario with the national labour-market conditions projected by COPS for 2024 to 2033:',
  'aboutData.hiring.hot':
    'Hot: the Ontario outlook is very good (and COPS projects no surplus), or good with a risk of shortage.',
  'aboutData.hiring.steady': 'Steady: neither hot nor cooling.',
  'aboutData.hiring.cooling':
    'Cooling: the Ontario outlook is limited or very limited without a projected shortage to offset it, or moderate with a projected surplus.',
  'aboutData.hiring.notEnough': 'Not enough data: Job Bank publishes no Ontario outlook for the occupation.',
  'aboutData.hiring.points':
    'In points: outlook very good +2, good +1, moderate 0, limited −1, very limited −2; COPS strong risk of shortage +2, moderate +1, balance 0, moderate risk of surplus −1, strong −2. Hot needs a good or very good outlook and 2 points or more; cooling is −1 or less.',
  'aboutData.caveats.heading': 'What is not shown',
  'aboutData.caveats.body':
    'Job Bank publishes no national outlook; the portal shows only the official province labels. Employment and wage estimates that are not official unit-group figures are not shown. OaSIS descriptor names and O*NET technologies are published in English only.',
  'api.op.getOccupation':
    'A NOC 2021 unit group with its skills, technologies, Ontario outlook and hiring indicator.',
  'api.op.searchOccupations': 'Unit groups whose title or example job titles match a text, best first.',
  'api.op.listLmiSources':
    'Provenance of the loaded labour-market data: publisher, version, licence and file checksums.',
  'api.param.noc': 'A 5-digit NOC 2021 unit group code, such as 21232.',
  'api.param.lang': 'Language of titles: en (default) or fr.',
  'api.param.q': 'The text to match, such as a job title (1 to 200 characters).',
  'api.param.limit': 'How many results, 1 to 50 (default 10).',
  'api.status.200': 'Success',
  'api.status.400': 'A parameter is invalid; details name it',
  'api.status.404': 'Not found',
  'api.status.429': 'Too many requests; retry after the delay given',
  'api.status.500': 'Unexpected error; the request id is in the logs',
  'api.status.503': 'The data is not loaded or the portal is shutting down',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
