import type { MessageKey } from './messages.en.ts';

/** Catalogue français. Mêmes clés que messages.en.ts ; les {paramètres} doivent correspondre. */
export const fr: Record<MessageKey, string> = {
  'lang.name': 'Français',
  'lang.switchTo': 'English',
  'lang.switchLabel': 'Show this page in English',

  'site.tagline': 'Des microcertifications pour les emplois dont l’Ontario a besoin',
  'site.homeLink': 'Accueil de {brand}',
  'layout.skipToContent': 'Passer au contenu principal',
  'layout.headerNav': 'Site',
  'layout.footerNav': 'À propos de ce site',
  'layout.footer.aboutData': 'À propos des données',
  'layout.footer.accessibility': 'Accessibilité',
  'layout.footer.privacy': 'Confidentialité',
  'layout.footer.terms': 'Conditions d’utilisation',
  'layout.footer.apiDocs': 'API pour les développeurs',
  'layout.footer.openSource': '{brand} est un logiciel libre.',
  'layout.nav.search': 'Rechercher des programmes',

  'notice.lmiMissing.title': 'Les données sur le marché du travail ne sont pas chargées',
  'notice.lmiMissing.body':
    'Ce portail fonctionne sans l’information officielle sur le marché du travail (CNP, OaSIS, SPPC, Guichet-Emplois, O*NET). Les professions, les perspectives et les compétences ne sont pas affichées, et aucun chiffre de ce site n’est présenté comme une donnée sur le marché du travail.',
  'notice.lmiMissing.howTo':
    'Pour les charger, définissez LMI_DIR sur un dossier contenant les fichiers publiés, puis redémarrez. Consultez la page À propos des données.',

  'home.title': 'Trouvez une microcertification qui fait avancer votre carrière',
  'home.lead':
    'De courtes formations axées sur l’emploi, offertes par les collèges, les universités et les instituts autochtones de l’Ontario. Cherchez par titre d’emploi, compétence, outil ou industrie.',
  'home.search.label': 'Rechercher des microcertifications',
  'home.search.hint':
    'Essayez un titre d’emploi, une compétence ou une technologie, comme « développeur Web », « Python » ou « soudage ».',
  'home.search.button': 'Rechercher',
  'home.examples.heading': 'Recherches populaires',
  'home.examples.personalSupportWorker': 'Préposé aux services de soutien à la personne',
  'home.examples.webDeveloper': 'Développeur Web',
  'home.examples.projectManagement': 'Gestion de projet',
  'home.examples.electrician': 'Électricien',
  'home.examples.dataAnalysis': 'Analyse de données',
  'home.about.heading': 'Qu’est-ce qu’une microcertification?',
  'home.about.body':
    'Une microcertification est un programme court, généralement de moins de 12 semaines, qui enseigne des compétences recherchées par les employeurs. Plusieurs peuvent être combinées en un titre plus important, et certaines sont admissibles à l’aide financière du RAFEO.',

  'search.title': 'Rechercher des microcertifications',
  'search.comingTitle': 'La recherche arrive bientôt',
  'search.comingBody':
    'La recherche de programmes est en cours de construction. Une fois prête, cette page affichera les microcertifications correspondant à votre recherche, avec des filtres pour le coût, l’horaire, la durée, le mode de prestation et l’admissibilité au RAFEO.',
  'search.youSearchedFor': 'Vous avez cherché : {query}',
  'search.noQuery': 'Vous n’avez saisi aucun terme de recherche.',
  'search.backHome': 'Retour à la page d’accueil',

  'aboutData.title': 'À propos des données',
  'aboutData.lead':
    'Ladder s’appuie sur l’information sur le marché du travail publiée par Statistique Canada, Emploi et Développement social Canada, le programme O*NET et la Commission européenne.',
  'aboutData.status.heading': 'Ce qui est chargé sur ce portail',
  'aboutData.status.notLoaded':
    'Aucune donnée sur le marché du travail n’est encore chargée. Le portail fonctionne avec des données de démonstration jusqu’à ce qu’un administrateur charge les fichiers officiels.',
  'aboutData.sources.heading': 'Les sources que cette page présentera',
  'aboutData.sources.body':
    'Une fois les données chargées, cette page présente chaque source avec son éditeur, son titre, sa version, sa licence, la date de chargement et la mention exigée par sa licence :',
  'aboutData.source.noc': 'Classification nationale des professions (CNP) 2021, Statistique Canada',
  'aboutData.source.oasis': 'Système d’information sur les professions et les compétences (OaSIS), EDSC',
  'aboutData.source.cops': 'Système de projection des professions au Canada (SPPC) 2024-2033, EDSC',
  'aboutData.source.jobbank': 'Perspectives d’emploi sur trois ans 2025-2027 du Guichet-Emplois, EDSC',
  'aboutData.source.onet': 'Base de données O*NET 29.3, département du Travail des États-Unis (CC BY 4.0)',
  'aboutData.source.naics':
    'Système de classification des industries de l’Amérique du Nord (SCIAN) Canada 2022, Statistique Canada',
  'aboutData.source.esco': 'Classification ESCO, Commission européenne',
  'aboutData.load.heading': 'Comment charger les données',
  'aboutData.load.body':
    'Téléchargez les fichiers publiés, placez-les dans un dossier avec un sous-dossier par source, définissez LMI_DIR sur ce dossier et redémarrez le portail. L’importation s’exécute une fois et est consignée ici.',

  'accessibility.title': 'Accessibilité',
  'accessibility.lead':
    'Ladder est conçu pour respecter les Règles pour l’accessibilité des contenus Web (WCAG) 2.0, niveau AA, comme l’exige la Loi sur l’accessibilité pour les personnes handicapées de l’Ontario.',
  'accessibility.what.heading': 'Ce que nous faisons',
  'accessibility.what.body':
    'Chaque page fonctionne au clavier seul, offre un lien pour passer au contenu principal et est vérifiée automatiquement avec axe, en français et en anglais, avant chaque version.',
  'accessibility.coming.heading': 'Ce que cette page contiendra',
  'accessibility.coming.body':
    'Une déclaration d’accessibilité complète : la norme selon laquelle nous testons, les problèmes connus et leurs correctifs, et la façon de demander un contenu dans un autre format ou de signaler un obstacle.',

  'privacy.title': 'Confidentialité',
  'privacy.lead': 'Ladder recueille le moins de renseignements personnels possible.',
  'privacy.now.heading': 'Ce que fait ce site aujourd’hui',
  'privacy.now.body':
    'La navigation et la recherche ne nécessitent aucun compte. Le site n’utilise que les témoins nécessaires pour protéger les formulaires contre la falsification. Les journaux du serveur conservent un identifiant de requête, l’adresse demandée et l’heure, pas votre nom.',
  'privacy.coming.heading': 'Ce que cette page contiendra',
  'privacy.coming.body':
    'L’avis de confidentialité complet : ce que conservent les comptes, les programmes enregistrés, le passeport de titres de compétences et les nouvelles par courriel, pendant combien de temps, qui peut les consulter, et comment télécharger ou supprimer vos renseignements.',

  'terms.title': 'Conditions d’utilisation',
  'terms.lead': 'Les renseignements sur les programmes sont publiés par les établissements qui les offrent.',
  'terms.coming.heading': 'Ce que cette page contiendra',
  'terms.coming.body':
    'Les conditions d’utilisation du portail et de son API : qui est responsable des inscriptions au catalogue, comment les données sur le marché du travail peuvent être réutilisées selon leurs licences, et les règles des comptes d’établissements et d’employeurs.',

  'apiDocs.title': 'API pour les développeurs',
  'apiDocs.lead':
    'Les données de Ladder sont offertes en JSON par HTTP. La description lisible par machine est un document OpenAPI 3.1.',
  'apiDocs.openapiLink': 'Télécharger le document OpenAPI (JSON)',
  'apiDocs.errors.heading': 'Erreurs',
  'apiDocs.errors.body':
    'Chaque erreur a la même forme : un objet nommé error avec un code stable, un message et, pour les requêtes non valides, des détails nommant chaque paramètre.',
  'apiDocs.endpoints.heading': 'Points de terminaison',
  'apiDocs.parameters': 'Paramètres',
  'apiDocs.responses': 'Réponses',
  'apiDocs.parameter.required': 'obligatoire',
  'apiDocs.parameter.optional': 'facultatif',
  'apiDocs.noParameters': 'Aucun paramètre.',
  'api.op.getStatus': 'La version du portail, son moteur de base de données et les données chargées.',

  'error.notFound.title': 'Nous ne trouvons pas cette page',
  'error.notFound.body': 'L’adresse est peut-être mal saisie, ou la page a peut-être été déplacée.',
  'error.badRequest.title': 'Cette adresse comporte un problème',
  'error.badRequest.body': 'Une partie de l’adresse n’est pas valide : {detail}',
  'error.tooManyRequests.title': 'Trop de requêtes',
  'error.tooManyRequests.body':
    'Vous avez fait beaucoup de requêtes en peu de temps. Veuillez patienter une minute, puis réessayer.',
  'error.forbidden.title': 'Ce formulaire a expiré',
  'error.forbidden.body':
    'Pour votre sécurité, les formulaires expirent. Revenez en arrière, rechargez la page et soumettez-le de nouveau.',
  'error.server.title': 'Un problème est survenu de notre côté',
  'error.server.body':
    'Veuillez réessayer dans quelques minutes. Si le problème persiste, indiquez cette référence : {requestId}',
  'error.goHome': 'Aller à la page d’accueil',
};
