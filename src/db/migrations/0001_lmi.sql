CREATE TABLE "cops_coverage" (
	"noc_code" text PRIMARY KEY NOT NULL,
	"cops_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cops_projection" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title_en" text NOT NULL,
	"title_fr" text NOT NULL,
	"employment_2023" integer,
	"employment_growth" integer,
	"retirements" integer,
	"other_replacement" integer,
	"job_openings" integer,
	"school_leavers" integer,
	"immigration" integer,
	"other_seekers" integer,
	"job_seekers" integer,
	"recent_conditions" text,
	"future_conditions" text
);
--> statement-breakpoint
CREATE TABLE "esco_occupation" (
	"uri" text PRIMARY KEY NOT NULL,
	"isco_group" text,
	"label_en" text NOT NULL,
	"alt_labels_en" text[] NOT NULL,
	"description_en" text
);
--> statement-breakpoint
CREATE TABLE "esco_skill" (
	"uri" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"label_en" text NOT NULL,
	"alt_labels_en" text[] NOT NULL,
	"description_en" text,
	"broader_uri" text,
	"collections" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lmi_source" (
	"id" text PRIMARY KEY NOT NULL,
	"publisher" text NOT NULL,
	"title" text NOT NULL,
	"version" text NOT NULL,
	"licence" text NOT NULL,
	"licence_url" text NOT NULL,
	"attribution_en" text NOT NULL,
	"attribution_fr" text NOT NULL,
	"files" jsonb NOT NULL,
	"checksum" text NOT NULL,
	"rows" integer NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "naics_class" (
	"code" text PRIMARY KEY NOT NULL,
	"level" smallint NOT NULL,
	"parent_code" text,
	"title_en" text NOT NULL,
	"title_fr" text,
	"definition_en" text,
	"superscript" text
);
--> statement-breakpoint
CREATE TABLE "noc_example_title" (
	"noc_code" text NOT NULL,
	"lang" text NOT NULL,
	"title" text NOT NULL,
	CONSTRAINT "noc_example_title_noc_code_lang_title_pk" PRIMARY KEY("noc_code","lang","title")
);
--> statement-breakpoint
CREATE TABLE "noc_group" (
	"code" text PRIMARY KEY NOT NULL,
	"level" smallint NOT NULL,
	"parent_code" text,
	"title_en" text NOT NULL,
	"title_fr" text,
	"definition_en" text,
	"teer" smallint
);
--> statement-breakpoint
CREATE TABLE "oasis_descriptor" (
	"code" text PRIMARY KEY NOT NULL,
	"category" text NOT NULL,
	"kind" text NOT NULL,
	"parent_code" text,
	"name_en" text NOT NULL,
	"description_en" text
);
--> statement-breakpoint
CREATE TABLE "oasis_profile" (
	"code" text PRIMARY KEY NOT NULL,
	"noc_code" text NOT NULL,
	"title_en" text NOT NULL,
	"lead_statement_en" text,
	"main_duties_en" text[] NOT NULL,
	"employment_requirements_en" text[] NOT NULL,
	"interests" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oasis_rating" (
	"profile_code" text NOT NULL,
	"descriptor_code" text NOT NULL,
	"level" smallint NOT NULL,
	"release" text NOT NULL,
	CONSTRAINT "oasis_rating_profile_code_descriptor_code_pk" PRIMARY KEY("profile_code","descriptor_code")
);
--> statement-breakpoint
CREATE TABLE "oasis_title" (
	"profile_code" text NOT NULL,
	"title_en" text NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "oasis_title_profile_code_title_en_pk" PRIMARY KEY("profile_code","title_en")
);
--> statement-breakpoint
CREATE TABLE "occupation_rating" (
	"noc_code" text NOT NULL,
	"descriptor_code" text NOT NULL,
	"level" double precision NOT NULL,
	"release" text NOT NULL,
	CONSTRAINT "occupation_rating_noc_code_descriptor_code_pk" PRIMARY KEY("noc_code","descriptor_code")
);
--> statement-breakpoint
CREATE TABLE "occupation_related" (
	"noc_code" text NOT NULL,
	"related_noc_code" text NOT NULL,
	"score" double precision NOT NULL,
	CONSTRAINT "occupation_related_noc_code_related_noc_code_pk" PRIMARY KEY("noc_code","related_noc_code")
);
--> statement-breakpoint
CREATE TABLE "occupation_technology" (
	"noc_code" text NOT NULL,
	"name" text NOT NULL,
	"commodity_title" text NOT NULL,
	"hot" boolean NOT NULL,
	"in_demand" boolean NOT NULL,
	"weight" double precision NOT NULL,
	CONSTRAINT "occupation_technology_noc_code_name_pk" PRIMARY KEY("noc_code","name")
);
--> statement-breakpoint
CREATE TABLE "onet_noc_link" (
	"onet_code" text NOT NULL,
	"noc_code" text NOT NULL,
	"weight" double precision NOT NULL,
	"source" text NOT NULL,
	"via_aggregate" text,
	CONSTRAINT "onet_noc_link_onet_code_noc_code_pk" PRIMARY KEY("onet_code","noc_code")
);
--> statement-breakpoint
CREATE TABLE "onet_occupation" (
	"code" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"job_zone" smallint
);
--> statement-breakpoint
CREATE TABLE "onet_related" (
	"onet_code" text NOT NULL,
	"related_code" text NOT NULL,
	"tier" text NOT NULL,
	"rank" smallint NOT NULL,
	CONSTRAINT "onet_related_onet_code_related_code_pk" PRIMARY KEY("onet_code","related_code")
);
--> statement-breakpoint
CREATE TABLE "onet_technology" (
	"onet_code" text NOT NULL,
	"name" text NOT NULL,
	"commodity_code" text NOT NULL,
	"commodity_title" text NOT NULL,
	"hot" boolean NOT NULL,
	"in_demand" boolean NOT NULL,
	CONSTRAINT "onet_technology_onet_code_name_pk" PRIMARY KEY("onet_code","name")
);
--> statement-breakpoint
CREATE TABLE "onet_title" (
	"onet_code" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"short_title" text,
	CONSTRAINT "onet_title_onet_code_title_kind_pk" PRIMARY KEY("onet_code","title","kind")
);
--> statement-breakpoint
CREATE TABLE "onet_tool" (
	"onet_code" text NOT NULL,
	"name" text NOT NULL,
	"commodity_code" text NOT NULL,
	"commodity_title" text NOT NULL,
	CONSTRAINT "onet_tool_onet_code_name_pk" PRIMARY KEY("onet_code","name")
);
--> statement-breakpoint
CREATE TABLE "outlook" (
	"noc_code" text NOT NULL,
	"geo" text NOT NULL,
	"geo_level" text NOT NULL,
	"label" text NOT NULL,
	"period" text NOT NULL,
	"release_date" text,
	CONSTRAINT "outlook_noc_code_geo_period_pk" PRIMARY KEY("noc_code","geo","period")
);
--> statement-breakpoint
CREATE INDEX "esco_skill_label_idx" ON "esco_skill" USING gin ("label_en" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "naics_class_parent_idx" ON "naics_class" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "noc_group_parent_idx" ON "noc_group" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "oasis_profile_noc_idx" ON "oasis_profile" USING btree ("noc_code");--> statement-breakpoint
CREATE INDEX "oasis_rating_descriptor_idx" ON "oasis_rating" USING btree ("descriptor_code");--> statement-breakpoint
CREATE INDEX "occupation_technology_name_idx" ON "occupation_technology" USING btree ("name");--> statement-breakpoint
CREATE INDEX "onet_noc_link_noc_idx" ON "onet_noc_link" USING btree ("noc_code");