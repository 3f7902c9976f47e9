import { Logger } from '@nestjs/common';
import type { HistoryTamperedError } from '../../../../libs/event-store/src/chain';

export interface TamperedStream {
  streamId: string;
  revision: number;
  reason: string;
  detectedAt: string;
}

/**
 * Remembers the streams whose history failed its hash chain check, so /health names them until
 * someone investigates (a restart clears the list; the next read of such a case detects it again).
 * A changed history is never a transient fault: it is logged as an error, every time it is read.
 */
export class HistoryIntegrity {
  private readonly logger = new Logger('HistoryIntegrity');
  private readonly tampered = new Map<string, TamperedStream>();

  record(error: HistoryTamperedError): void {
    this.logger.error(
      `Case history changed outside the application: stream ${error.streamId}, revision ${error.revision} (${error.reason}). ` +
        'The case is blocked until the history is restored from a backup or investigated.',
    );
    if (!this.tampered.has(error.streamId)) {
      this.tampered.set(error.streamId, {
        streamId: error.streamId,
        revision: error.revision,
        reason: error.reason,
        detectedAt: new Date().toISOString(),
      });
    }
  }

  /** The streams found tampered with since this process started, oldest first. */
  list(): TamperedStream[] {
    return [...this.tampered.values()];
  }
}
