CREATE TABLE "reply_rule_hits" (
	"rule_id" integer NOT NULL,
	"day" date NOT NULL,
	"account_id" integer NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "reply_rule_hits_rule_id_day_pk" PRIMARY KEY("rule_id","day")
);
--> statement-breakpoint
CREATE TABLE "flow_finishers" (
	"flow_id" integer NOT NULL,
	"openid" text NOT NULL,
	"rank" integer NOT NULL,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "flow_finishers_flow_id_openid_pk" PRIMARY KEY("flow_id","openid")
);
--> statement-breakpoint
CREATE TABLE "flow_sessions" (
	"account_id" integer NOT NULL,
	"openid" text NOT NULL,
	"flow_id" integer NOT NULL,
	"step" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"score" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "flow_sessions_account_id_openid_pk" PRIMARY KEY("account_id","openid")
);
--> statement-breakpoint
CREATE TABLE "flow_submissions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "flow_submissions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" integer NOT NULL,
	"flow_id" integer NOT NULL,
	"fan_id" bigint NOT NULL,
	"data" jsonb NOT NULL,
	"score" integer DEFAULT 0 NOT NULL,
	"rank" integer,
	"winner" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flows" (
	"id" serial PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"entry_keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"exit_words" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"exit_message" text DEFAULT '' NOT NULL,
	"timeout_minutes" integer DEFAULT 30 NOT NULL,
	"start_step" text NOT NULL,
	"steps" jsonb NOT NULL,
	"finishers" jsonb,
	"finisher_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"image_url" text,
	"link" text,
	"keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" serial PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"name" text NOT NULL,
	"price_fen" integer NOT NULL,
	"image_url" text,
	"link" text,
	"category" text,
	"description" text,
	"stock" integer,
	"keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stores" (
	"id" serial PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"phone" text,
	"hours" text,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"image_url" text,
	"keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fans" ADD COLUMN "last_latitude" double precision;--> statement-breakpoint
ALTER TABLE "fans" ADD COLUMN "last_longitude" double precision;--> statement-breakpoint
ALTER TABLE "fans" ADD COLUMN "last_location_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reply_rules" ADD COLUMN "message_types" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "reply_rules" ADD COLUMN "ignore_case" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "reply_rules" ADD COLUMN "fold_width" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "reply_rules" ADD COLUMN "reply_mode" text DEFAULT 'random' NOT NULL;--> statement-breakpoint
ALTER TABLE "reply_rules" ADD COLUMN "schedule" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "reply_rule_hits" ADD CONSTRAINT "reply_rule_hits_rule_id_reply_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."reply_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_finishers" ADD CONSTRAINT "flow_finishers_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_sessions" ADD CONSTRAINT "flow_sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_sessions" ADD CONSTRAINT "flow_sessions_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_submissions" ADD CONSTRAINT "flow_submissions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_submissions" ADD CONSTRAINT "flow_submissions_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_submissions" ADD CONSTRAINT "flow_submissions_fan_id_fans_id_fk" FOREIGN KEY ("fan_id") REFERENCES "public"."fans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flows" ADD CONSTRAINT "flows_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_entries" ADD CONSTRAINT "knowledge_entries_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stores" ADD CONSTRAINT "stores_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "flow_sessions_flow" ON "flow_sessions" USING btree ("flow_id");--> statement-breakpoint
CREATE INDEX "flow_submissions_flow" ON "flow_submissions" USING btree ("account_id","flow_id","id");--> statement-breakpoint
CREATE INDEX "flows_account" ON "flows" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "knowledge_entries_account" ON "knowledge_entries" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "products_account" ON "products" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "stores_account" ON "stores" USING btree ("account_id");