import { ProjectionHealth } from '../../src/infrastructure/projection-health';

describe('ProjectionHealth', () => {
  const quiet = () => {
    const health = new ProjectionHealth();
    // The failure's log line is not what these tests are about.
    (health as unknown as { logger: { error: () => void } }).logger = { error: () => undefined };
    return health;
  };

  it('behind the log without failures is busy, not stuck', () => {
    expect(quiet().assess(10, 50, 1_000).ok).toBe(true);
  });

  it('behind and failing since the position last moved is stuck', () => {
    const health = quiet();
    health.assess(10, 10, 1_000);
    health.record(new Error('no such table'));
    expect(health.assess(10, 12, Date.now() + 1)).toMatchObject({ ok: false, detail: { lag: 2, lastFailure: { message: 'no such table' } } });
  });

  it('recovers the moment the position moves again, even while still behind (no 60 s window)', () => {
    const health = quiet();
    health.assess(10, 10, 1_000);
    health.record(new Error('connection refused'));
    expect(health.assess(10, 20, Date.now() + 1).ok).toBe(false);
    const after = health.assess(15, 20, Date.now() + 2);
    expect(after.ok).toBe(true);
    expect(after.detail).not.toHaveProperty('lastFailure');
  });

  it('caught up is ready even right after a failure', () => {
    const health = quiet();
    health.record(new Error('timeout'));
    expect(health.assess(20, 20, Date.now() + 1).ok).toBe(true);
  });
});
