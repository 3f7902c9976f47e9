import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../../libs/event-store/src';
import { loadConfig } from '../../../libs/runtime/src/config/app-config';
import { NotificationRuntime } from '../../../libs/notifications/src';
import { ProjectorModule } from '../src/projector.module';

// The standalone projector decides and sends notifications too, also when the API runs with
// PROJECTIONS=off (the production layout): a filed dispute there ends up as .eml files.
describe('projector: notifications', () => {
  it('decides and delivers with the API on PROJECTIONS=off', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gzc-projector-'));
    const config = loadConfig({ DATA_DIR: dataDir, PROJECTIONS: 'off', NOTIFICATION_SEND_INTERVAL_MS: '3600000', REQUEST_LOG: 'off' });
    const app = await NestFactory.createApplicationContext(ProjectorModule.forRoot({ config }), { logger: ['error'] });
    try {
      await app.init();
      const store = await SqliteEventStore.open({ filename: join(dataDir, 'events.sqlite') });
      const appended = await store.appendToStream(
        'dispute-d1',
        [
          {
            type: 'DisputeFiled',
            data: {
              disputeId: 'd1', phase: 'precontractual', legalFramework: 'zvw', sector: 'physiotherapy_paramedical', subjects: ['tariff'],
              contractYear: 2026, claimantOrganisationIds: ['org-fysio-delinde'], respondentOrganisationIds: ['org-zv-noord'],
              claimantKind: 'provider', smallProviderClaimant: true, summary: 'Tarief', claims: [], amountInDisputeCents: 0,
              proposedRoute: 'mediation', urgent: false, filedByUserId: 'prov-anna', occurredAt: new Date().toISOString(),
            },
            metadata: { schemaVersion: 1, actor: { userId: 'prov-anna', role: 'provider', organisationId: 'org-fysio-delinde' } },
          },
        ],
        'no_stream',
      );
      const runtime = app.get(NotificationRuntime);
      await runtime.waitForPosition(appended.position);
      expect(await runtime.sendNow()).toEqual({ sent: 2, failed: 0, skipped: 0 });
      expect(readdirSync(join(dataDir, 'outbox')).filter((f) => f.endsWith('.eml'))).toHaveLength(2);
      await store.close();
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
