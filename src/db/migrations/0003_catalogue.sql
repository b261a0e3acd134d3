CREATE TABLE "feed_import" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "feed_import_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"format" text NOT NULL,
	"file_name" text,
	"checksum" text NOT NULL,
	"counts" jsonb NOT NULL,
	"origin" text NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "institution" (
	"id" text PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"name_fr" text NOT NULL,
	"type" text NOT NULL,
	"city" text NOT NULL,
	"region" text,
	"website" text NOT NULL,
	"logo_url" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"ctdl_id" text
);
--> statement-breakpoint
CREATE TABLE "program" (
	"id" uuid PRIMARY KEY NOT NULL,
	"institution_id" text NOT NULL,
	"external_id" text NOT NULL,
	"slug" text NOT NULL,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"content_hash" text NOT NULL,
	"listing" jsonb NOT NULL,
	"title_en" text,
	"title_fr" text,
	"area_of_focus" text NOT NULL,
	"delivery_mode" text NOT NULL,
	"pacing" text,
	"proficiency_level" text,
	"credential" text NOT NULL,
	"duration_weeks" real NOT NULL,
	"duration_hours" integer,
	"workload_hours" integer,
	"languages" text[] NOT NULL,
	"total_cost_cents" bigint,
	"osap_status" text NOT NULL,
	"transcriptable" boolean NOT NULL,
	"stackable" boolean NOT NULL,
	"review_flags" text[] NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_link" (
	"program_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"position" smallint NOT NULL,
	"target_id" uuid,
	"target_institution_id" text,
	"target_external_id" text,
	CONSTRAINT "program_link_program_id_kind_position_pk" PRIMARY KEY("program_id","kind","position")
);
--> statement-breakpoint
CREATE TABLE "program_offering" (
	"program_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"start_date" date,
	"end_date" date,
	"schedule" text[] NOT NULL,
	"city" text,
	"campus" text,
	"seats" integer,
	CONSTRAINT "program_offering_program_id_position_pk" PRIMARY KEY("program_id","position")
);
--> statement-breakpoint
CREATE TABLE "program_tag" (
	"program_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"position" smallint NOT NULL,
	"label" text NOT NULL,
	"code" text,
	"source" text NOT NULL,
	"confidence" double precision NOT NULL,
	CONSTRAINT "program_tag_program_id_kind_position_pk" PRIMARY KEY("program_id","kind","position")
);
--> statement-breakpoint
CREATE TABLE "referral_click" (
	"program_id" uuid NOT NULL,
	"clicked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lang" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "program" ADD CONSTRAINT "program_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_link" ADD CONSTRAINT "program_link_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_offering" ADD CONSTRAINT "program_offering_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_tag" ADD CONSTRAINT "program_tag_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_click" ADD CONSTRAINT "referral_click_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "program_identity_idx" ON "program" USING btree ("institution_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "program_slug_idx" ON "program" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "program_status_idx" ON "program" USING btree ("status");--> statement-breakpoint
CREATE INDEX "program_link_target_idx" ON "program_link" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "program_offering_start_idx" ON "program_offering" USING btree ("start_date");--> statement-breakpoint
CREATE INDEX "program_tag_code_idx" ON "program_tag" USING btree ("kind","code");--> statement-breakpoint
CREATE INDEX "referral_click_program_idx" ON "referral_click" USING btree ("program_id","clicked_at");