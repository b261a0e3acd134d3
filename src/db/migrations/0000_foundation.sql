-- Foundation: extensions and text-search configurations every capability relies on.
-- Valid on PostgreSQL 15+ and on PGlite; pg_trgm and unaccent are trusted extensions, so the
-- database owner may create them without superuser rights.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary could change), so it cannot appear in an index or a
-- generated column. This wrapper pins the dictionary and is declared IMMUTABLE for that use.
CREATE OR REPLACE FUNCTION public.immutable_unaccent(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$;
--> statement-breakpoint
-- French full-text search: accents removed before French stemming, so "élève", "eleve" and
-- "élèves" share one lexeme.
CREATE TEXT SEARCH CONFIGURATION public.french_unaccent (COPY = pg_catalog.french);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION public.french_unaccent
  ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, french_stem;
--> statement-breakpoint
-- English with accents folded too ("résumé", "café" in English text).
CREATE TEXT SEARCH CONFIGURATION public.english_unaccent (COPY = pg_catalog.english);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION public.english_unaccent
  ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, english_stem;
