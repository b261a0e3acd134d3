import type { MessageKey } from './messages.en.ts';

/** Catalogue français. Mêmes clés que messages.en.ts; les {paramètres} doivent correspondre. */
export const fr: Record<MessageKey, string> = {
  'lang.name': 'Français',
  'lang.switchTo': 'English',

  'site.tagline': 'Des microcertifications pour les emplois dont l’Ontario a besoin',
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
  'layout.nav.occupations': 'Professions',
  'notice.lmiPartial.title': 'Certaines données sur le marché du travail ne sont pas chargées',
  'notice.lmiPartial.body':
    'Ces sources ne sont pas chargées; ce qu’elles fournissent n’est donc pas affiché : {sources}.',
  'lmi.notPublished': 'Non publié',
  'lmi.outlook.very_good': 'Très bonnes',
  'lmi.outlook.good': 'Bonnes',
  'lmi.outlook.moderate': 'Modérées',
  'lmi.outlook.limited': 'Limitées',
  'lmi.outlook.very_limited': 'Très limitées',
  'lmi.outlook.undetermined': 'Indéterminées',
  'lmi.conditions.strong_shortage': 'Risque important de pénurie',
  'lmi.conditions.moderate_shortage': 'Risque modéré de pénurie',
  'lmi.conditions.balance': 'Équilibre',
  'lmi.conditions.moderate_surplus': 'Risque modéré de surplus',
  'lmi.conditions.strong_surplus': 'Risque important de surplus',
  'lmi.hiring.hot': 'Indicateur d’embauche : forte demande',
  'lmi.hiring.steady': 'Indicateur d’embauche : stable',
  'lmi.hiring.cooling': 'Indicateur d’embauche : en recul',
  'lmi.hiring.not_enough_data': 'Indicateur d’embauche : données insuffisantes',
  'lmi.hiring.inputs':
    'Selon les perspectives en Ontario ({outlook}, Guichet-Emplois) et les conditions nationales sur 10 ans ({conditions}, SPPC).',
  'lmi.hiring.howLink': 'Comment l’indicateur d’embauche est établi',
  'occupations.title': 'Professions',
  'occupations.lead':
    'Explorez la Classification nationale des professions (CNP) 2021 : en quoi consiste chaque profession, les compétences qu’elle mobilise et ses perspectives d’emploi en Ontario.',
  'occupations.breadcrumbs': 'Place de cette profession dans la CNP',
  'occupations.notLoaded':
    'L’information sur les professions s’affichera ici une fois les données sur le marché du travail chargées.',
  'occupations.level.1': 'Grande catégorie de la CNP',
  'occupations.level.2': 'Grand groupe de la CNP',
  'occupations.level.3': 'Sous-grand groupe de la CNP',
  'occupations.level.4': 'Groupe intermédiaire de la CNP',
  'occupations.level.5': 'Groupe de base de la CNP',
  'occupations.search.label': 'Trouver une profession par titre d’emploi',
  'occupations.search.button': 'Trouver',
  'occupations.search.results': 'Professions correspondant à « {query} »',
  'occupations.search.none':
    'Aucune profession ne correspond à ce titre. Essayez un titre plus court ou plus général.',
  'occupations.search.matchedOn': 'correspond au titre d’emploi « {title} »',
  'occupations.inDemandLink': 'Voir les professions en demande en Ontario',
  'occupations.browse.heading': 'Parcourir par catégorie',
  'occupations.group.children': 'Dans ce groupe',
  'occupation.code': 'Code CNP 2021 {code}',
  'occupation.teer': 'FÉER {teer}',
  'occupation.outlook.heading': 'Perspectives d’emploi',
  'occupation.outlook.ontario': 'Perspectives en Ontario',
  'occupation.outlook.ontarioValue': '{label} ({period}, Guichet-Emplois)',
  'occupation.outlook.future': 'Conditions du marché du travail au Canada, 2024 à 2033',
  'occupation.outlook.recent': 'Conditions du marché du travail au Canada, 2021 à 2023',
  'occupation.outlook.openings': 'Possibilités d’emploi projetées au Canada, 2024 à 2033',
  'occupation.outlook.seekers': 'Chercheurs d’emploi projetés au Canada, 2024 à 2033',
  'occupation.outlook.employment': 'Emploi au Canada, 2023',
  'occupation.outlook.aggregate':
    'Le SPPC publie ces projections pour un regroupement de professions : {title} ({code}).',
  'occupation.outlook.national':
    'Les chiffres sur 10 ans sont des projections nationales du Système de projection des professions au Canada (SPPC); les perspectives sont celles du Guichet-Emplois pour l’Ontario.',
  'occupation.duties.heading': 'Fonctions principales',
  'occupation.titles.heading': 'Exemples d’appellations d’emploi',
  'occupation.titles.more': 'Et {count} autres appellations d’emploi.',
  'occupation.ratings.heading': 'Compétences, aptitudes et connaissances',
  'occupation.ratings.explain':
    'Niveaux de 0 (non requis) à 5 (maîtrise la plus élevée), selon OaSIS. Lorsque la profession a plusieurs profils, le niveau est leur moyenne. Les noms des descripteurs sont publiés en anglais.',
  'occupation.ratings.skills': 'Principales compétences',
  'occupation.ratings.abilities': 'Principales aptitudes',
  'occupation.ratings.knowledge': 'Principaux domaines de connaissances',
  'occupation.ratings.descriptor': 'Descripteur',
  'occupation.ratings.level': 'Niveau',
  'occupation.ratings.value': '{level} sur 5',
  'occupation.ratings.release': 'Source : {releases}.',
  'occupation.technologies.heading': 'Technologies en vogue et en demande',
  'occupation.technologies.hot': 'En vogue',
  'occupation.technologies.inDemand': 'En demande',
  'occupation.technologies.explain':
    'Selon O*NET 29.3, reliées à ce groupe de base de la CNP par la table de concordance du gouvernement de la Colombie-Britannique. Les technologies « en vogue » sont souvent citées dans les offres d’emploi aux États-Unis; celles « en demande » sont citées par les employeurs pour cette profession.',
  'occupation.related.heading': 'Professions connexes',
  'occupation.programs.heading': 'Programmes qui préparent à cette profession',
  'occupation.programs.coming':
    'Les microcertifications liées à cette profession seront présentées ici une fois le catalogue des programmes publié.',
  'occupation.sources.heading': 'Sources des données',
  'occupation.sources.item': '{title}, {version} (chargé le {date})',
  'occupation.sources.more': 'À propos des données et des licences',
  'inDemand.title': 'Professions en demande en Ontario',
  'inDemand.lead':
    'Les professions dont l’indicateur d’embauche est « forte demande » : des perspectives bonnes ou très bonnes en Ontario selon le Guichet-Emplois, appuyées par les projections nationales.',
  'inDemand.none': 'Aucune profession ne répond actuellement à la règle « forte demande ».',
  'inDemand.caption': '{count} professions en demande, signaux les plus forts d’abord',
  'inDemand.col.occupation': 'Profession',
  'inDemand.col.outlook': 'Perspectives en Ontario',
  'inDemand.col.conditions': 'Conditions au Canada, 2024 à 2033',
  'inDemand.col.openings': 'Possibilités d’emploi au Canada, 2024 à 2033',
  'aboutData.field.publisher': 'Éditeur',
  'aboutData.field.version': 'Version',
  'aboutData.field.licence': 'Licence',
  'aboutData.field.loaded': 'Chargement',
  'aboutData.field.loadedValue': '{date}, {rows} lignes',
  'aboutData.field.files': 'Fichiers',
  'aboutData.field.checksum': 'SHA-256 {sha}…',
  'aboutData.status.missing': 'Non chargées : {sources}.',
  'aboutData.hiring.heading': 'Comment l’indicateur d’embauche est établi',
  'aboutData.hiring.body':
    'L’indicateur d’embauche de chaque profession combine les perspectives sur trois ans du Guichet-Emplois pour l’Ontario et les conditions nationales du marché du travail projetées par le SPPC pour 2024 à 2033 :',
  'aboutData.hiring.hot':
    'Forte demande : perspectives très bonnes en Ontario (sans surplus projeté par le SPPC), ou bonnes avec un risque de pénurie.',
  'aboutData.hiring.steady': 'Stable : ni forte demande ni en recul.',
  'aboutData.hiring.cooling':
    'En recul : perspectives limitées ou très limitées en Ontario sans pénurie projetée pour les compenser, ou modérées avec un surplus projeté.',
  'aboutData.hiring.notEnough':
    'Données insuffisantes : le Guichet-Emplois ne publie pas de perspectives pour la profession en Ontario.',
  'aboutData.hiring.points':
    'En points : perspectives très bonnes +2, bonnes +1, modérées 0, limitées −1, très limitées −2; SPPC risque important de pénurie +2, modéré +1, équilibre 0, risque modéré de surplus −1, important −2. La forte demande exige des perspectives bonnes ou très bonnes et au moins 2 points; le recul correspond à −1 ou moins.',
  'aboutData.caveats.heading': 'Ce qui n’est pas affiché',
  'aboutData.caveats.body':
    'Le Guichet-Emplois ne publie pas de perspectives nationales; le portail n’affiche que les cotes officielles des provinces. Les estimations d’emploi et de salaires qui ne sont pas des chiffres officiels par groupe de base ne sont pas affichées. Les noms des descripteurs d’OaSIS et les technologies d’O*NET sont publiés en anglais seulement.',
  'api.op.getOccupation':
    'Un groupe de base de la CNP 2021 avec ses compétences, ses technologies, ses perspectives en Ontario et son indicateur d’embauche.',
  'api.op.searchOccupations':
    'Les groupes de base dont le titre ou les exemples d’appellations correspondent à un texte, les meilleurs d’abord.',
  'api.op.listLmiSources':
    'Provenance des données sur le marché du travail chargées : éditeur, version, licence et sommes de contrôle des fichiers.',
  'api.param.noc': 'Un code de groupe de base de la CNP 2021 à 5 chiffres, par exemple 21232.',
  'api.param.lang': 'Langue des titres : en (par défaut) ou fr.',
  'api.param.q': 'Le texte à chercher, par exemple un titre d’emploi (1 à 200 caractères).',
  'api.param.limit': 'Nombre de résultats, de 1 à 50 (10 par défaut).',
  'api.status.200': 'Succès',
  'api.status.400': 'Un paramètre est invalide; les détails le nomment',
  'api.status.404': 'Introuvable',
  'api.status.429': 'Trop de requêtes; réessayez après le délai indiqué',
  'api.status.500': 'Erreur inattendue; l’identifiant de la requête figure dans les journaux',
  'api.status.503': 'Les données ne sont pas chargées ou le portail s’arrête',
};
