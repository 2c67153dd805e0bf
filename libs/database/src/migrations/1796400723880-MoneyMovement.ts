import { MigrationInterface, QueryRunner } from 'typeorm';

export class MoneyMovement1796400723880 implements MigrationInterface {
  name = 'MoneyMovement1796400723880';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "allowlist_entries" (
                "id" character varying(40) NOT NULL,
                "organization_id" character varying(40) NOT NULL,
                "chain" character varying(32) NOT NULL,
                "address" character varying(42) NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_cd523b5e34634e9a0ef9825eea8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_69b3890cf95ba3def0bfbca684" ON "allowlist_entries" ("organization_id", "chain", "address")
        `);
    await queryRunner.query(`
            CREATE TABLE "transfer_requests" (
                "id" character varying(40) NOT NULL,
                "organization_id" character varying(40) NOT NULL,
                "status" character varying(20) NOT NULL,
                "source_wallet_id" character varying(40) NOT NULL,
                "chain" character varying(32) NOT NULL,
                "currency" character varying(16) NOT NULL,
                "amount" numeric(78, 18) NOT NULL,
                "destination_address" character varying(42) NOT NULL,
                "destination_wallet_id" character varying(40),
                "note" text,
                "external_reference" character varying(255),
                "usd_value" numeric(78, 18) NOT NULL,
                "risk_level" character varying(8) NOT NULL,
                "risk_reasons" text array NOT NULL,
                "approvals_required" integer NOT NULL,
                "request_digest" character varying(100) NOT NULL,
                "hold_id" character varying(40) NOT NULL,
                "tx_hash" character varying(66),
                "submitted_at" TIMESTAMP(3) WITH TIME ZONE,
                "next_attempt_at" TIMESTAMP(3) WITH TIME ZONE,
                "attempts" integer NOT NULL DEFAULT '0',
                "failure_reason" text,
                "created_by" character varying(40) NOT NULL,
                "expires_at" TIMESTAMP(3) WITH TIME ZONE,
                "completed_at" TIMESTAMP(3) WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f97530bf47e4af43166089627ba" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "transfer_requests_expiring" ON "transfer_requests" ("expires_at")
            WHERE status = 'pending_approval'
        `);
    await queryRunner.query(`
            CREATE INDEX "transfer_requests_due" ON "transfer_requests" ("next_attempt_at")
            WHERE status = 'processing'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "transfer_requests_external_reference" ON "transfer_requests" ("organization_id", "external_reference")
            WHERE external_reference IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_51047f79cd3fe5f1826e7a9c2e" ON "transfer_requests" ("organization_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "idempotency_records" (
                "organization_id" character varying(40) NOT NULL,
                "key" character varying(255) NOT NULL,
                "fingerprint" character varying(64) NOT NULL,
                "response_status" integer NOT NULL,
                "response_body" jsonb NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_fbc9c703de8addc6c57a91e45be" PRIMARY KEY ("organization_id", "key")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_b3482fdd761179f433dab212e7" ON "idempotency_records" ("expires_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_log" (
                "seq" BIGSERIAL NOT NULL,
                "organization_id" character varying(40) NOT NULL,
                "actor" character varying(40) NOT NULL,
                "action" character varying(64) NOT NULL,
                "resource_id" character varying(40) NOT NULL,
                "data" jsonb NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "prev_hash" character varying(64) NOT NULL,
                "hash" character varying(64) NOT NULL,
                CONSTRAINT "PK_ce5b9b7d945cab0a6c604bafd9e" PRIMARY KEY ("seq")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_daaa7e49ccecba84176d6674e9" ON "audit_log" ("organization_id", "seq")
        `);
    // The audit log is append-only: the database itself refuses to change or remove an entry.
    await queryRunner.query(`
            CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_log is append-only';
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_log"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_log_append_only ON "audit_log"`);
    await queryRunner.query(`DROP FUNCTION audit_log_append_only()`);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_daaa7e49ccecba84176d6674e9"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_log"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b3482fdd761179f433dab212e7"
        `);
    await queryRunner.query(`
            DROP TABLE "idempotency_records"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_51047f79cd3fe5f1826e7a9c2e"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."transfer_requests_external_reference"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."transfer_requests_due"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."transfer_requests_expiring"
        `);
    await queryRunner.query(`
            DROP TABLE "transfer_requests"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_69b3890cf95ba3def0bfbca684"
        `);
    await queryRunner.query(`
            DROP TABLE "allowlist_entries"
        `);
  }
}
