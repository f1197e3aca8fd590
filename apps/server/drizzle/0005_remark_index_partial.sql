DROP INDEX "fans_remark_trgm";--> statement-breakpoint
CREATE INDEX "fans_remark_trgm" ON "fans" USING gin ("remark" gin_trgm_ops) WHERE "fans"."remark" is not null;