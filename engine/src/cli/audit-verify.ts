/**
 * `npm run audit:verify` — checks every tenant's audit chain against the database named
 * by DATABASE_URL (or the default SQLite file) and names the first broken link.
 * Exit code 0: the chain holds; 1: it is broken; 2: it could not be checked.
 */
import { loadConfig } from '../config/config.js';
import { createLog } from '../log/logger.js';
import { createCore } from '../main.js';
import { verifyAuditChain } from '../modules/audit/audit-verify.js';

async function run(): Promise<number> {
  const config = loadConfig();
  const { db, services } = await createCore(config, createLog('warn'), { migrate: false });
  try {
    const result = await verifyAuditChain(services.audit);
    if (result.ok) {
      console.log(
        `audit chain ok: ${result.chains} chain(s), ${result.events} event(s), ${result.entitiesChecked} audited row(s) match the database`,
      );
      return 0;
    }
    for (const b of result.broken) {
      console.error(
        `audit chain BROKEN in tenant ${b.tenantId} at link ${b.seq}` +
          `${b.eventId ? ` (event ${b.eventId}, ${b.action}, ${b.entity})` : ''}: ${b.reason} — ${b.detail}`,
      );
    }
    return 1;
  } finally {
    await db.close();
  }
}

run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('audit:verify could not run:', err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
