import { Worker } from 'node:worker_threads';

// Composing a message with nodemailer's MailComposer runs a chain of streams per MIME part: with
// the .eml file writes it was about a seventh of the embedded server's event loop under a steady
// command load (two messages per filing or registration; 1.26 ms of the event loop's CPU a
// message, 0.14 ms when handed over, bench/tools/mail-writer.js). A worker thread does it, so the
// requests' thread only hands over the message and waits for the answer.

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { chmodSync, renameSync, writeFileSync } = require('node:fs');
const MailComposer = require(workerData.composer);
parentPort.on('message', ({ id, options, file }) => {
  new MailComposer(options).compile().build((error, message) => {
    if (error) return parentPort.postMessage({ id, error: error.message });
    try {
      if (!file) {
        // The message as SMTP carries it (CRLF): copied once out of the composer's shared buffer,
        // then handed over (transferred, not copied again).
        const bytes = new Uint8Array(message.buffer, message.byteOffset, message.byteLength).slice();
        return parentPort.postMessage({ id, message: bytes }, [bytes.buffer]);
      }
      // nodemailer's stream transport with newline 'unix' drops every CR; so do we.
      const unix = Buffer.from(message.toString('latin1').replaceAll('\\r', ''), 'latin1');
      // Messages hold personal data: the server's alone, whatever the umask; renamed whole into place.
      writeFileSync(file.temporary, unix, { mode: 0o600 });
      chmodSync(file.temporary, 0o600);
      renameSync(file.temporary, file.target);
      parentPort.postMessage({ id });
    } catch (failure) {
      parentPort.postMessage({ id, error: failure.message });
    }
  });
});
`;

interface Reply {
  id: number;
  error?: string;
  message?: Uint8Array;
}

interface Running {
  worker: Worker;
  pending: Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>;
}

/**
 * One worker thread that composes messages (nodemailer's MailComposer options) and either writes
 * each to a file or hands its bytes back. Started on first use; a thread that fails rejects what
 * it was doing and the next call starts a new one, so a message is never lost: the sender retries
 * a rejected one.
 */
export class MailComposerThread {
  private running: Running | undefined;
  private nextId = 0;

  /** Composes the message with LF line ends and writes it to `target` (through `temporary`). */
  async writeFile(options: object, target: string, temporary: string): Promise<void> {
    await this.call(options, { target, temporary });
  }

  /** The message as SMTP carries it (CRLF line ends). */
  async compose(options: object): Promise<Buffer> {
    const { message } = await this.call(options, undefined);
    if (!message) throw new Error('The mail composer returned no message');
    return Buffer.from(message.buffer, message.byteOffset, message.byteLength);
  }

  /** Ends the thread; calls still in it are rejected (their messages stay pending). */
  close(): void {
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    this.fail(running, new Error('The mail composer was closed'));
    void running.worker.terminate();
  }

  private call(options: object, file: { target: string; temporary: string } | undefined): Promise<Reply> {
    const running = this.running ?? this.start();
    const id = ++this.nextId;
    return new Promise<Reply>((resolve, reject) => {
      // Held while a call is in it: an awaited message must keep the process alive.
      if (running.pending.size === 0) running.worker.ref();
      running.pending.set(id, { resolve, reject });
      running.worker.postMessage({ id, options, file });
    });
  }

  private start(): Running {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { composer: require.resolve('nodemailer/lib/mail-composer') },
    });
    const running: Running = { worker, pending: new Map() };
    worker.on('message', (reply: Reply) => {
      const waiting = running.pending.get(reply.id);
      running.pending.delete(reply.id);
      if (running.pending.size === 0) running.worker.unref();
      if (reply.error === undefined) waiting?.resolve(reply);
      else waiting?.reject(new Error(reply.error));
    });
    const end = (error: Error) => {
      if (this.running === running) this.running = undefined;
      this.fail(running, error);
    };
    worker.once('error', end);
    worker.once('exit', (code) => end(new Error(`The mail composer thread ended (exit code ${code})`)));
    // An idle thread must not keep the process alive.
    worker.unref();
    this.running = running;
    return running;
  }

  private fail(running: Running, error: Error): void {
    for (const waiting of running.pending.values()) waiting.reject(error);
    running.pending.clear();
  }
}
