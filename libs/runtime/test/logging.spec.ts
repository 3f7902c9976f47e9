import { Writable } from 'node:stream';
import { createLogger, NestPinoLogger } from '../src/logging';

class Lines extends Writable {
  readonly lines: Array<Record<string, unknown>> = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString().split('\n').filter(Boolean)) this.lines.push(JSON.parse(line));
    done();
  }
}

describe("Nest's logs through pino", () => {
  it('writes JSON lines with level, time, context and message', () => {
    const out = new Lines();
    const logger = new NestPinoLogger(createLogger(out));
    logger.log('Listening on http://localhost:3000', 'Main');
    logger.warn('Projections did not reach position 9 in time', 'RunDisputeCommandHandler');
    logger.error('Deadline scan failed', 'Error: boom\n    at x', 'DeadlineScheduler');
    expect(out.lines).toEqual([
      { level: 'info', time: expect.any(String), context: 'Main', msg: 'Listening on http://localhost:3000' },
      { level: 'warn', time: expect.any(String), context: 'RunDisputeCommandHandler', msg: 'Projections did not reach position 9 in time' },
      { level: 'error', time: expect.any(String), context: 'DeadlineScheduler', stack: 'Error: boom\n    at x', msg: 'Deadline scan failed' },
    ]);
  });

  it('an Error is logged with its message and stack', () => {
    const out = new Lines();
    new NestPinoLogger(createLogger(out)).error(new Error('connection refused'), 'Projections');
    expect(out.lines[0]).toMatchObject({ level: 'error', context: 'Projections', msg: 'connection refused', err: { message: 'connection refused' } });
  });
});
