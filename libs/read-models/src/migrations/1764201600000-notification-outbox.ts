import type { MigrationInterface, QueryRunner } from 'typeorm';

// The notifier's own state and its outbox (libs/notifications). The notifier is a consumer of the
// log like a projection: it folds each case into notification_case_states, keeps the open
// deadlines it may remind of, and writes the messages it decides in the same transaction as its
// checkpoint. The sender then delivers notification_messages and marks them; the portal reads them.

export class NotificationOutbox1764201600000 implements MigrationInterface {
  name = 'NotificationOutbox1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE notification_case_states (
      dispute_id text PRIMARY KEY NOT NULL,
      document text NOT NULL
    )`);
    await queryRunner.query(`CREATE TABLE notification_deadlines (
      dispute_id text NOT NULL,
      deadline_id text NOT NULL,
      due_at text NOT NULL,
      PRIMARY KEY (dispute_id, deadline_id)
    )`);
    await queryRunner.query(`CREATE INDEX ix_notification_deadlines_due ON notification_deadlines (due_at)`);
    // One row per reminder sent: a reminder is decided once per deadline, due time and offset.
    await queryRunner.query(`CREATE TABLE notification_reminders (
      dispute_id text NOT NULL,
      deadline_id text NOT NULL,
      due_at text NOT NULL,
      offset_days integer NOT NULL,
      decided_at text NOT NULL,
      PRIMARY KEY (dispute_id, deadline_id, due_at, offset_days)
    )`);
    // id: derived from the notice's key (event, kind, recipient), so a replay inserts nothing new;
    // message_id: the RFC 5322 Message-ID every delivery attempt of this message carries.
    await queryRunner.query(`CREATE TABLE notification_messages (
      id text PRIMARY KEY NOT NULL,
      message_id text NOT NULL,
      user_id text NOT NULL,
      email text,
      recipient_name text NOT NULL,
      dispute_id text NOT NULL,
      kind text NOT NULL,
      essential integer NOT NULL,
      subject text NOT NULL,
      body_text text NOT NULL,
      body_html text NOT NULL,
      link text NOT NULL,
      ics text,
      ics_method text,
      created_at text NOT NULL,
      status text NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at text NOT NULL,
      last_error text,
      sent_at text,
      read_at text,
      lease_owner text,
      lease_until text
    )`);
    await queryRunner.query(`CREATE INDEX ix_notification_messages_due ON notification_messages (status, next_attempt_at)`);
    await queryRunner.query(`CREATE INDEX ix_notification_messages_user ON notification_messages (user_id, created_at)`);
    await queryRunner.query(`CREATE TABLE notification_preferences (
      user_id text PRIMARY KEY NOT NULL,
      non_essential_email integer NOT NULL,
      updated_at text NOT NULL
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['notification_preferences', 'notification_messages', 'notification_reminders', 'notification_deadlines', 'notification_case_states']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
