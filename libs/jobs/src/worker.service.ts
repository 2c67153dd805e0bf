import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ReplayStore } from '@app/auth';
import { AppConfig } from '@app/common';
import { IdempotencyRecordsService } from '@app/idempotency';
import { TransferExecution, TransferRequestsService } from '@app/payments';

/** Settlement steps taken per tick at most, so expiry and housekeeping are never starved. */
const STEPS_PER_TICK = 100;
const PURGE_EVERY_MS = 60_000;

/**
 * The background worker: settlement steps, approval expiry, and retention of Idempotency-Key
 * records and used JWT ids. It runs
 * in the API process by default (RUN_WORKER=on) and in `apps/worker` in production; any number may
 * run at once, since every piece of work is claimed by a row lock.
 */
@Injectable()
export class WorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private lastPurge = 0;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly execution: TransferExecution,
    private readonly transfers: TransferRequestsService,
    private readonly idempotency: IdempotencyRecordsService,
    private readonly replay: ReplayStore,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.runWorker) this.schedule(0);
  }

  /** Lets the tick in progress finish, then stops. */
  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One pass over all due work; returns how many settlement steps it took. */
  async tick(): Promise<number> {
    let steps = 0;
    while (steps < STEPS_PER_TICK && !this.stopped && (await this.execution.advanceNext())) steps += 1;
    await this.transfers.expireDue();
    if (Date.now() - this.lastPurge >= PURGE_EVERY_MS) {
      await this.idempotency.purgeExpired();
      await this.replay.purgeExpired();
      this.lastPurge = Date.now();
    }
    return steps;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .then((steps) => this.schedule(steps >= STEPS_PER_TICK ? 0 : this.config.workerPollMs))
        .catch((error: unknown) => {
          this.logger.error({ err: error }, 'Worker tick failed');
          this.schedule(this.config.workerPollMs);
        });
    }, delay);
  }
}
