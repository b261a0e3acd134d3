/**
 * English message catalogue. Keys are shared with messages.fr.ts (the compiler and a test enforce
 * parity). `{name}` placeholders are filled by `t()` and must appear in both languages.
 */
export const en = {
  'lang.name': 'English',
  'lang.switchTo': 'Français',
  'lang.switchLabel': 'Afficher cette page en français',

  'site.tagline': 'Micro-credentials for the jobs Ontario needs',
  'site.homeLink': '{brand} home',
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
  'aboutData.sources.heading': 'The sources this page will list',
  'aboutData.sources.body':
    'Once the data is loaded, this page lists each source with its publisher, title, version, licence, the date it was loaded and the attribution its licence requires:',
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
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
