import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1796399049067 implements MigrationInterface {
  name = 'Foundation1796399049067';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "organization_policies" (
                "organization_id" character varying(40) NOT NULL,
                "high_risk_threshold_usd" numeric(78, 18) NOT NULL DEFAULT '10000',
                "daily_outflow_limit_usd" numeric(78, 18),
                "approvals_required" integer NOT NULL DEFAULT '1',
                "allowlist_enabled" boolean NOT NULL DEFAULT false,
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2e114cf6f7a0abd86335e1e2462" PRIMARY KEY ("organization_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "wallets" (
                "id" character varying(40) NOT NULL,
                "organization_id" character varying(40) NOT NULL,
                "name" text NOT NULL,
                "chain" character varying(32) NOT NULL,
                "address" character varying(42) NOT NULL,
                "is_default" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_8402e5df5a30a229380e83e4f7e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_f907d5fd09a9d374f1da4e13bd" ON "wallets" ("address")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "wallets_one_default_per_organization" ON "wallets" ("organization_id")
            WHERE is_default
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_6dc777968bf46e710c4a937758" ON "wallets" ("organization_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "transactions" (
                "id" character varying(40) NOT NULL,
                "organization_id" character varying(40) NOT NULL,
                "wallet_id" character varying(40) NOT NULL,
                "type" character varying(16) NOT NULL,
                "currency" character varying(16) NOT NULL,
                "chain" character varying(32) NOT NULL,
                "amount" numeric(78, 18) NOT NULL,
                "direction" character varying(8) NOT NULL,
                "status" character varying(16) NOT NULL,
                "tx_hash" character varying(66),
                "counterparty" character varying(42),
                "request_id" character varying(40),
                "entry_id" character varying(40),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a219afd8dd77ed80f5a862f1db9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_0b171330be0cb621f8d73b87a9" ON "transactions" ("wallet_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_d8bd6b0bf8b8c2684d35b6bc8c" ON "transactions" ("request_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_5a7e14715878e2b54172959403" ON "transactions" ("organization_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "chains" (
                "code" character varying(32) NOT NULL,
                "name" text NOT NULL,
                "chain_id" integer NOT NULL,
                CONSTRAINT "PK_96cc20d6e67fc87b148212f6f46" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "ledger_postings" (
                "id" BIGSERIAL NOT NULL,
                "entry_id" character varying(40) NOT NULL,
                "account_id" character varying(40) NOT NULL,
                "amount" numeric(78, 18) NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4cdc4ebcb3797412b9d9177df70" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_4238d82624e0f91d70237bbf75" ON "ledger_postings" ("entry_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_5a274e1b9daa4a14d3082aa8a4" ON "ledger_postings" ("account_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "assets" (
                "code" character varying(16) NOT NULL,
                "name" text NOT NULL,
                "decimals" integer NOT NULL,
                CONSTRAINT "PK_bff60c1b89bff7edff592d85ea4" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "ledger_entries" (
                "id" character varying(40) NOT NULL,
                "organization_id" character varying(40) NOT NULL,
                "type" character varying(32) NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6efcb84411d3f08b08450ae75d5" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_bf079b7e8242be5098d48beac5" ON "ledger_entries" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "ledger_accounts" (
                "id" character varying(40) NOT NULL,
                "kind" character varying(16) NOT NULL,
                "organization_id" character varying(40),
                "wallet_id" character varying(40),
                "chain" character varying(32) NOT NULL,
                "currency" character varying(16) NOT NULL,
                "balance" numeric(78, 18) NOT NULL DEFAULT '0',
                "held" numeric(78, 18) NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ledger_accounts_no_overdraft" CHECK (
                    kind <> 'wallet'
                    OR (
                        held >= 0
                        AND balance >= held
                    )
                ),
                CONSTRAINT "PK_62b34396dda564757cf123fff0e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_0b133d5e034f18d1ad270d206d" ON "ledger_accounts" ("organization_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ledger_accounts_external_chain_currency" ON "ledger_accounts" ("chain", "currency")
            WHERE kind = 'external'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ledger_accounts_wallet_currency" ON "ledger_accounts" ("wallet_id", "currency")
            WHERE kind = 'wallet'
        `);
    await queryRunner.query(`
            CREATE TABLE "ledger_holds" (
                "id" character varying(40) NOT NULL,
                "organization_id" character varying(40) NOT NULL,
                "account_id" character varying(40) NOT NULL,
                "amount" numeric(78, 18) NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'active',
                "reference" character varying(40) NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "ended_at" TIMESTAMP(3) WITH TIME ZONE,
                CONSTRAINT "PK_cfbced87fad67367f85d9b56ac4" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_aaa3fb0151f06eb9ddbc5b0188" ON "ledger_holds" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_eb97745cdecd77aaca94c5b5a6" ON "ledger_holds" ("account_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_d9782aaa36f3b649e032b20fc5" ON "ledger_holds" ("reference")
        `);
    await queryRunner.query(`
            CREATE TABLE "organizations" (
                "id" character varying(40) NOT NULL,
                "name" text NOT NULL,
                "environment" character varying(16) NOT NULL,
                "kyc_status" character varying(16) NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "api_keys" (
                "id" character varying(40) NOT NULL,
                "organization_id" character varying(40) NOT NULL,
                "name" text NOT NULL,
                "secret_hash" bytea NOT NULL,
                "secret_hint" character varying(40) NOT NULL,
                "scopes" text array NOT NULL,
                "roles" text array NOT NULL,
                "supervisor_approved" boolean NOT NULL DEFAULT false,
                "approved_by" character varying(40),
                "approved_at" TIMESTAMP(3) WITH TIME ZONE,
                "expires_at" TIMESTAMP(3) WITH TIME ZONE,
                "revoked_at" TIMESTAMP(3) WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_a283bdef18876e525aefaec042" ON "api_keys" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_fef9aa4a1cf4f8c063ac5d75f2" ON "api_keys" ("secret_hash")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_fef9aa4a1cf4f8c063ac5d75f2"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_a283bdef18876e525aefaec042"
        `);
    await queryRunner.query(`
            DROP TABLE "api_keys"
        `);
    await queryRunner.query(`
            DROP TABLE "organizations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_d9782aaa36f3b649e032b20fc5"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_eb97745cdecd77aaca94c5b5a6"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_aaa3fb0151f06eb9ddbc5b0188"
        `);
    await queryRunner.query(`
            DROP TABLE "ledger_holds"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ledger_accounts_wallet_currency"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ledger_accounts_external_chain_currency"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_0b133d5e034f18d1ad270d206d"
        `);
    await queryRunner.query(`
            DROP TABLE "ledger_accounts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_bf079b7e8242be5098d48beac5"
        `);
    await queryRunner.query(`
            DROP TABLE "ledger_entries"
        `);
    await queryRunner.query(`
            DROP TABLE "assets"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_5a274e1b9daa4a14d3082aa8a4"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_4238d82624e0f91d70237bbf75"
        `);
    await queryRunner.query(`
            DROP TABLE "ledger_postings"
        `);
    await queryRunner.query(`
            DROP TABLE "chains"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_5a7e14715878e2b54172959403"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_d8bd6b0bf8b8c2684d35b6bc8c"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_0b171330be0cb621f8d73b87a9"
        `);
    await queryRunner.query(`
            DROP TABLE "transactions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_6dc777968bf46e710c4a937758"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."wallets_one_default_per_organization"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_f907d5fd09a9d374f1da4e13bd"
        `);
    await queryRunner.query(`
            DROP TABLE "wallets"
        `);
    await queryRunner.query(`
            DROP TABLE "organization_policies"
        `);
  }
}
