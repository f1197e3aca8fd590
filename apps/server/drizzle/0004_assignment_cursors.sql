CREATE TABLE "assignment_cursors" (
	"account_id" integer PRIMARY KEY NOT NULL,
	"last_operator_id" integer
);
--> statement-breakpoint
ALTER TABLE "assignment_cursors" ADD CONSTRAINT "assignment_cursors_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;