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
CREATE UNIQUE INDEX "qr_channels_account_name" ON "qr_channels" USING btree ("account_id","name") WHERE "qr_channels"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "qr_codes_account_scene" ON "qr_codes" USING btree ("account_id","scene");--> statement-breakpoint
CREATE INDEX "qr_codes_channel" ON "qr_codes" USING btree ("channel_id");--> statement-breakpoint
CREATE INDEX "qr_scans_channel_time" ON "qr_scans" USING btree ("channel_id","scanned_at");--> statement-breakpoint
CREATE INDEX "qr_scans_code" ON "qr_scans" USING btree ("code_id");--> statement-breakpoint
CREATE INDEX "qr_scans_open_follows" ON "qr_scans" USING btree ("account_id","fan_id") WHERE "qr_scans"."kind" = 'subscribe' and "qr_scans"."unfollowed_at" is null;