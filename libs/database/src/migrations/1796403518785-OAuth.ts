import { MigrationInterface, QueryRunner } from 'typeorm';

export class OAuth1796403518785 implements MigrationInterface {
  name = 'OAuth1796403518785';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "used_jtis" (
                "kind" character varying(20) NOT NULL,
                "jti" character varying(255) NOT NULL,
                "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_bfbc24895c570924fd2b6f06d78" PRIMARY KEY ("kind", "jti")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_4b83c406cf267ae0fbd4547b40" ON "used_jtis" ("expires_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "server_signing_keys" (
                "kid" character varying(64) NOT NULL,
                "alg" character varying(16) NOT NULL,
                "public_jwk" jsonb NOT NULL,
                "encrypted_private_jwk" text NOT NULL,
                "retired_at" TIMESTAMP(3) WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4a65bf803587300a3a6ccc5d028" PRIMARY KEY ("kid")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "oauth_clients" (
                "id" character varying(40) NOT NULL,
                "organization_id" character varying(40) NOT NULL,
                "name" text NOT NULL,
                "auth_method" character varying(32) NOT NULL,
                "public_jwk" jsonb,
                "tls_subject" text,
                "cert_thumbprint" character varying(64),
                "scopes" text array NOT NULL,
                "roles" text array NOT NULL,
                "supervisor_approved" boolean NOT NULL DEFAULT false,
                "revoked_at" TIMESTAMP(3) WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c4759172d3431bae6f04e678e0d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_e4a3f8f6946ae9469b35b665c7" ON "oauth_clients" ("organization_id")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_e4a3f8f6946ae9469b35b665c7"
        `);
    await queryRunner.query(`
            DROP TABLE "oauth_clients"
        `);
    await queryRunner.query(`
            DROP TABLE "server_signing_keys"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_4b83c406cf267ae0fbd4547b40"
        `);
    await queryRunner.query(`
            DROP TABLE "used_jtis"
        `);
  }
}
