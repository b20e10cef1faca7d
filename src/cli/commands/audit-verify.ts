import { loadConfig } from '../../config.js';
import { verifyAudit } from '../../store/audit-log.js';
import { DB_OPTIONS, parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { withApp } from '../with-app.js';

export const auditVerifyCommand: CliCommand = {
  path: ['audit', 'verify'],
  summary: 'check the audit log hash chain',
  help: `usage: vigil audit verify [--db URL]

Recomputes every audit entry's hash in order. Exits 0 when the chain is intact, 1 naming the
first entry that was edited, reordered or deleted.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { ...DB_OPTIONS }, false);
    const config = loadConfig(values, io.env);
    return withApp(config, io.env, async ({ ctx }) => {
      const verdict = await verifyAudit(ctx.store.handle.db);
      if (verdict.ok) {
        io.stdout(`audit chain intact: ${verdict.entries} entries, head ${verdict.head}\n`);
        return 0;
      }
      io.stderr(`vigil audit verify: audit chain broken at entry ${verdict.badSeq}: ${verdict.reason}\n`);
      return 1;
    });
  },
};
