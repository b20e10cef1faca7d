import { checkAuditChain } from '../../app/audit/chain-checker.js';
import { loadConfig } from '../../config.js';
import { type AuditAnchor, auditHead } from '../../store/audit-log.js';
import { DB_OPTIONS, parseCommandArgs } from '../args.js';
import { type CliCommand, UsageError } from '../command.js';
import { withApp } from '../with-app.js';

/** An anchor as `vigil audit anchor` prints it: DIGEST:COUNT. */
function parseAnchor(text: string): AuditAnchor {
  const match = /^([0-9a-f]{64}):(\d{1,12})$/.exec(text.trim());
  if (!match) throw new UsageError('--anchor takes DIGEST:COUNT as printed by vigil audit anchor');
  return { digest: match[1], entries: Number(match[2]) };
}

export const auditVerifyCommand: CliCommand = {
  help: `usage: vigil audit verify [--anchor DIGEST:COUNT] [--db URL]

Recomputes every audit entry's HMAC (or, for entries written before the chain was keyed, its
SHA-256) in order, checks the head, then compares every record with the last state the chain
recorded for it. With --anchor (as printed by \`vigil audit anchor\` and kept off-site), also
checks that the anchored entry is still there unchanged, which detects a chain cut back and
rewritten. Exits 0 when all holds, 1 naming the first entry or the records that do not.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { ...DB_OPTIONS, anchor: { type: 'string' } }, false);
    const anchor = values.anchor === undefined ? undefined : parseAnchor(values.anchor);
    const config = loadConfig(values, io.env);
    return withApp(config, io.env, async ({ ctx }) => {
      const { chain, records, uncomparedFields } = await checkAuditChain(ctx, anchor);
      if (!chain.ok) {
        io.stderr(`vigil audit verify: audit chain broken at entry ${chain.badSeq}: ${chain.reason}\n`);
        return 1;
      }
      if (records.length) {
        for (const r of records.slice(0, 20)) io.stderr(`record ${r.collection}/${r.id}: ${r.problem}\n`);
        io.stderr(`vigil audit verify: ${records.length} records do not match the audit chain\n`);
        return 1;
      }
      const skipped = uncomparedFields
        ? ` (${uncomparedFields} sealed fields recorded under another database's keys not compared)`
        : '';
      io.stdout(
        `audit chain intact: ${chain.entries} entries, head ${chain.head}; records match${skipped}${anchor ? '; anchor found' : ''}\n`,
      );
      return 0;
    });
  },
};

export const auditAnchorCommand: CliCommand = {
  help: `usage: vigil audit anchor [--db URL]

Prints DIGEST:COUNT — the digest of the newest audit entry and the number of entries — and the
time. Keep it somewhere the database's administrators cannot change (a signed e-mail, a
notebook, another organization). \`vigil audit verify --anchor DIGEST:COUNT\` later proves that
those entries are all still there, unchanged.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { ...DB_OPTIONS }, false);
    return withApp(loadConfig(values, io.env), io.env, async ({ ctx }) => {
      const head = await auditHead(ctx.store.handle.db);
      io.stdout(`${head?.hash ?? '0'.repeat(64)}:${head?.seq ?? 0}\t${new Date().toISOString()}\n`);
      return 0;
    });
  },
};
