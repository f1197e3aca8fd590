CREATE TABLE "account_menus" (
	"account_id" integer PRIMARY KEY NOT NULL,
	"draft" jsonb NOT NULL,
	"published" jsonb,
	"wechat_menu_ids" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "menu_clicks" (
	"account_id" integer NOT NULL,
	"day" date NOT NULL,
	"event_key" text NOT NULL,
	"clicks" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "menu_clicks_account_id_day_event_key_pk" PRIMARY KEY("account_id","day","event_key")
);
--> statement-breakpoint
CREATE TABLE "qr_channels" (
	"id" serial PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"name" text NOT NULL,
	"note" text,
	"welcome" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"welcome_mode" text DEFAULT 'all' NOT NULL,
	"tag_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"caption" text,
	"poster_image" "bytea",
	"poster_type" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qr_codes" (
	"id" serial PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"channel_id" integer NOT NULL,
	"label" text,
	"kind" text NOT NULL,
	"scene_type" text NOT NULL,
	"scene_id" bigint,
	"scene" text NOT NULL,
	"ticket" text,
	"url" text,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qr_scans" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "qr_scans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" integer NOT NULL,
	"channel_id" integer NOT NULL,
	"code_id" integer,
	"fan_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"scanned_at" timestamp with time zone NOT NULL,
	"unfollowed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "materials" (
	"id" serial PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" bigint NOT NULL,
	"data" "bytea" NOT NULL,
	"title" text,
	"description" text,
	"wechat_media_id" text,
	"wechat_url" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "news_drafts" (
	"id" serial PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"articles" jsonb NOT NULL,
	"wechat_media_id" text,
	"publish_id" text,
	"publish_status" text,
	"article_id" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "broadcast_batches" (
	"broadcast_id" integer NOT NULL,
	"batch_no" integer NOT NULL,
	"account_id" integer NOT NULL,
	"client_msg_id" text NOT NULL,
	"first_seq" integer NOT NULL,
	"last_seq" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"msg_id" text,
	"msg_data_id" text,
	"error" text,
	"sent_at" timestamp with time zone,
	CONSTRAINT "broadcast_batches_broadcast_id_batch_no_pk" PRIMARY KEY("broadcast_id","batch_no")
);
--> statement-breakpoint
CREATE TABLE "broadcast_recipients" (
	"broadcast_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"fan_id" bigint NOT NULL,
	"openid" text NOT NULL,
	CONSTRAINT "broadcast_recipients_broadcast_id_seq_pk" PRIMARY KEY("broadcast_id","seq")
);
--> statement-breakpoint
CREATE TABLE "broadcasts" (
	"id" serial PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"message" jsonb NOT NULL,
	"target" jsonb NOT NULL,
	"mode" text NOT NULL,
	"counts_quota" integer DEFAULT 0 NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"scheduled_at" timestamp with time zone,
	"job_id" integer,
	"created_by" integer,
	"approved_by" integer,
	"approved_at" timestamp with time zone,
	"audience" integer,
	"skipped" integer DEFAULT 0 NOT NULL,
	"error" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mass_job_results" (
	"account_id" integer NOT NULL,
	"msg_id" text NOT NULL,
	"status" text NOT NULL,
	"total_count" integer NOT NULL,
	"filter_count" integer NOT NULL,
	"sent_count" integer NOT NULL,
	"error_count" integer NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mass_job_results_account_id_msg_id_pk" PRIMARY KEY("account_id","msg_id")
);
--> statement-breakpoint
ALTER TABLE "fans" ADD COLUMN "first_channel_id" integer;--> statement-breakpoint
ALTER TABLE "fans" ADD COLUMN "first_touch_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "fans" ADD COLUMN "last_channel_id" integer;--> statement-breakpoint
ALTER TABLE "fans" ADD COLUMN "last_touch_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "account_menus" ADD CONSTRAINT "account_menus_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "menu_clicks" ADD CONSTRAINT "menu_clicks_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qr_channels" ADD CONSTRAINT "qr_channels_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qr_codes" ADD CONSTRAINT "qr_codes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qr_codes" ADD CONSTRAINT "qr_codes_channel_id_qr_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."qr_channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qr_scans" ADD CONSTRAINT "qr_scans_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qr_scans" ADD CONSTRAINT "qr_scans_channel_id_qr_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."qr_channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_drafts" ADD CONSTRAINT "news_drafts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_batches" ADD CONSTRAINT "broadcast_batches_broadcast_id_broadcasts_id_fk" FOREIGN KEY ("broadcast_id") REFERENCES "public"."broadcasts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_recipients" ADD CONSTRAINT "broadcast_recipients_broadcast_id_broadcasts_id_fk" FOREIGN KEY ("broadcast_id") REFERENCES "public"."broadcasts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD CONSTRAINT "broadcasts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mass_job_results" ADD CONSTRAINT "mass_job_results_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "qr_channels_account_name" ON "qr_channels" USING btree ("account_id","name") WHERE "qr_channels"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "qr_codes_account_scene" ON "qr_codes" USING btree ("account_id","scene");--> statement-breakpoint
CREATE INDEX "qr_codes_channel" ON "qr_codes" USING btree ("channel_id");--> statement-breakpoint
CREATE INDEX "qr_scans_channel_time" ON "qr_scans" USING btree ("channel_id","scanned_at");--> statement-breakpoint
CREATE INDEX "qr_scans_code" ON "qr_scans" USING btree ("code_id");--> statement-breakpoint
CREATE INDEX "qr_scans_open_follows" ON "qr_scans" USING btree ("account_id","fan_id") WHERE "qr_scans"."kind" = 'subscribe' and "qr_scans"."unfollowed_at" is null;--> statement-breakpoint
CREATE INDEX "materials_account_kind" ON "materials" USING btree ("account_id","kind","id");--> statement-breakpoint
CREATE INDEX "news_drafts_account" ON "news_drafts" USING btree ("account_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "broadcast_batches_msg" ON "broadcast_batches" USING btree ("account_id","msg_id");--> statement-breakpoint
CREATE INDEX "broadcast_recipients_fan" ON "broadcast_recipients" USING btree ("fan_id");--> statement-breakpoint
CREATE INDEX "broadcasts_account" ON "broadcasts" USING btree ("account_id","id");--> statement-breakpoint
CREATE INDEX "broadcasts_quota" ON "broadcasts" USING btree ("account_id","started_at") WHERE "broadcasts"."counts_quota" = 1;