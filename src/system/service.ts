import type { Database } from '../db/database.ts';
import type { LmiStatus } from '../lmi/service.ts';

export interface PortalStatus {
  version: string;
  database: Database['kind'];
  lmi: LmiStatus;
}

/** Health and status of the running portal: what /readyz, /api/v1/status and the page frame report. */
export class SystemService {
  private draining = false;

  constructor(
    private readonly database: Database,
    private readonly version: string,
    private readonly lmiStatus: () => LmiStatus,
  ) {}

  /** Resolves when the portal can serve traffic: the database answers and shutdown has not begun. */
  async checkReady(timeoutMs = 2000): Promise<void> {
    if (this.draining) throw new Error('shutting down');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`database did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      await Promise.race([this.database.ping(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** From now on readiness fails, so a load balancer stops sending new traffic. */
  beginDrain(): void {
    this.draining = true;
  }

  status(): PortalStatus {
    return { version: this.version, database: this.database.kind, lmi: this.lmiStatus() };
  }
}
