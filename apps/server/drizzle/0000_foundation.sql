CREATE TABLE "account_tokens" (
	"account_id" integer PRIMARY KEY NOT NULL,
	"access_token_sealed" text,
	"token_hash" text,
	"rejected_hash" text,
	"expires_at" timestamp with time zone,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"refreshed_at" timestamp with time zone,
	"refresh_count" integer DEFAULT 0 NOT NULL,
	"last_error_code" text,
	"last_error" text,
	"last_error_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"app_id" text NOT NULL,
	"original_id" text,
	"app_secret_sealed" text NOT NULL,
	"token_sealed" text NOT NULL,
	"aes_key_sealed" text,
	"previous_aes_key_sealed" text,
	"message_mode" text DEFAULT 'safe' NOT NULL,
	"account_type" text DEFAULT 'subscription' NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"timezone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "accounts_app_id_unique" UNIQUE("app_id")
);
--> statement-breakpoint
CREATE TABLE "fans" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" integer NOT NULL,
	"openid" text NOT NULL,
	"subscribed" boolean DEFAULT true NOT NULL,
	"subscribed_at" timestamp with time zone,
	"first_subscribed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	"subscription_changed_at" timestamp with time zone,
	"subscribe_scene" text,
	"qr_scene" text,
	"last_interaction_at" timestamp with time zone,
	"last_message_at" timestamp with time zone,
	"remark" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" integer NOT NULL,
	"fan_id" bigint NOT NULL,
	"direction" text NOT NULL,
	"dedupe_key" text,
	"msg_id" text,
	"msg_type" text NOT NULL,
	"event" text,
	"event_key" text,
	"content" text,
	"payload" jsonb,
	"reply" jsonb,
	"reply_source" text,
	"sent_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reply_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"name" text NOT NULL,
	"trigger" text NOT NULL,
	"keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"replies" jsonb NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fans" ADD CONSTRAINT "fans_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_fan_id_fans_id_fk" FOREIGN KEY ("fan_id") REFERENCES "public"."fans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_rules" ADD CONSTRAINT "reply_rules_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fans_account_openid" ON "fans" USING btree ("account_id","openid");--> statement-breakpoint
CREATE INDEX "fans_account_last_interaction" ON "fans" USING btree ("account_id","last_interaction_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "messages_account_dedupe" ON "messages" USING btree ("account_id","dedupe_key") WHERE "messages"."dedupe_key" is not null;--> statement-breakpoint
CREATE INDEX "messages_fan_timeline" ON "messages" USING btree ("account_id","fan_id","id");--> statement-breakpoint
CREATE INDEX "reply_rules_account" ON "reply_rules" USING btree ("account_id");