import { MigrationInterface, QueryRunner } from 'typeorm';

export class Approvals1796402710241 implements MigrationInterface {
  name = 'Approvals1796402710241';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "signing_keys" (
                "keyid" character varying(64) NOT NULL,
                "organization_id" character varying(40) NOT NULL,
                "principal_id" character varying(40) NOT NULL,
                "alg" character varying(32) NOT NULL,
                "public_jwk" jsonb NOT NULL,
                "revoked_at" TIMESTAMP(3) WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d847d7368e5d6871ba0e4731da1" PRIMARY KEY ("keyid")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_1dc4939465e058b4d63afd9717" ON "signing_keys" ("principal_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "approvals" (
                "id" character varying(40) NOT NULL,
                "organization_id" character varying(40) NOT NULL,
                "request_type" character varying(32) NOT NULL,
                "request_id" character varying(40) NOT NULL,
                "principal_id" character varying(40) NOT NULL,
                "decision" character varying(16) NOT NULL,
                "comment" text,
                "evidence" jsonb,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_690417aaefa84d18b1a59e2a499" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_1aaff78e1f08588a6899a5abf2" ON "approvals" ("request_id", "principal_id")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_1aaff78e1f08588a6899a5abf2"
        `);
    await queryRunner.query(`
            DROP TABLE "approvals"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_1dc4939465e058b4d63afd9717"
        `);
    await queryRunner.query(`
            DROP TABLE "signing_keys"
        `);
  }
}
