import type { MigrationInterface, QueryRunner } from 'typeorm';

// Webhooks for organisations' own systems (libs/notifications): the endpoints the secretariat
// registers, and one delivery per endpoint and notice, written by the notifier in the transaction
// that moves its checkpoint and delivered (signed, retried) by the webhook sender.

export class Webhooks1764288000000 implements MigrationInterface {
  name = 'Webhooks1764288000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE webhook_endpoints (
      id text PRIMARY KEY NOT NULL,
      organisation_id text NOT NULL,
      url text NOT NULL,
      secret text NOT NULL,
      active integer NOT NULL,
      created_at text NOT NULL,
      created_by text NOT NULL
    )`);
    await queryRunner.query(`CREATE INDEX ix_webhook_endpoints_organisation ON webhook_endpoints (organisation_id)`);
    await queryRunner.query(`CREATE TABLE webhook_deliveries (
      id text PRIMARY KEY NOT NULL,
      endpoint_id text NOT NULL,
      dispute_id text NOT NULL,
      kind text NOT NULL,
      payload text NOT NULL,
      created_at text NOT NULL,
      status text NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at text NOT NULL,
      last_status_code integer,
      last_error text,
      delivered_at text,
      lease_owner text,
      lease_until text
    )`);
    await queryRunner.query(`CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at)`);
    await queryRunner.query(`CREATE INDEX ix_webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE webhook_deliveries');
    await queryRunner.query('DROP TABLE webhook_endpoints');
  }
}
