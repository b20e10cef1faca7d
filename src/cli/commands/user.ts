import { userInfo } from 'node:os';
import { createApiToken, MAX_TOKEN_DAYS } from '../../app/accounts/api-token-creator.js';
import { revokeApiToken } from '../../app/accounts/api-token-revoker.js';
import { type ApiTokenView, listApiTokens } from '../../app/accounts/api-tokens.js';
import { createUser } from '../../app/accounts/user-creator.js';
import { updateUser } from '../../app/accounts/user-updater.js';
import { findUserByName } from '../../app/accounts/users.js';
import { loadConfig } from '../../config.js';
import { notFound } from '../../domain/errors.js';
import { ROLES } from '../../domain/roles.js';
import { DB_OPTIONS, parseCommandArgs } from '../args.js';
import { type CliCommand, UsageError } from '../command.js';
import { passwordFrom } from '../secret-input.js';
import { withApp } from '../with-app.js';

const actor = () => ({ id: `cli:${userInfo().username}` });

function oneName(positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError('give exactly one USERNAME');
  return positionals[0];
}

export const userAddCommand: CliCommand = {
  help: `usage: vigil user add USERNAME --role ROLE [--db URL]

Roles: ${ROLES.join(', ')}. The password comes from VIGIL_PASSWORD or is asked on the terminal.`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { ...DB_OPTIONS, role: { type: 'string' } });
    const username = oneName(positionals);
    if (!values.role) throw new UsageError(`--role is required (${ROLES.join(', ')})`);
    const password = await passwordFrom(io, 'VIGIL_PASSWORD', `password for ${username}`);
    return withApp(loadConfig(values, io.env), io.env, async ({ ctx }) => {
      const user = await createUser({ ctx, actor: actor(), username, role: values.role ?? '', password });
      io.stdout(`user "${user.username}" created (${user.role})\n`);
      return 0;
    });
  },
};

export const userDisableCommand: CliCommand = {
  help: 'usage: vigil user disable USERNAME [--db URL]',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { ...DB_OPTIONS });
    const username = oneName(positionals);
    return withApp(loadConfig(values, io.env), io.env, async ({ ctx }) => {
      await updateUser({ ctx, actor: actor(), username, disabled: true });
      io.stdout(`user "${username}" disabled\n`);
      return 0;
    });
  },
};

export const userResetCommand: CliCommand = {
  help: `usage: vigil user reset USERNAME [--db URL]

The new password comes from VIGIL_PASSWORD or is asked on the terminal. Ends the user's sessions
and revokes its API tokens.`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { ...DB_OPTIONS });
    const username = oneName(positionals);
    const password = await passwordFrom(io, 'VIGIL_PASSWORD', `new password for ${username}`);
    return withApp(loadConfig(values, io.env), io.env, async ({ ctx }) => {
      await updateUser({ ctx, actor: actor(), username, password, disabled: false });
      io.stdout(`password of "${username}" reset\n`);
      return 0;
    });
  },
};

export const userTokenCommand: CliCommand = {
  help: `usage: vigil user token USERNAME [--name NAME] [--expires-days N] [--db URL]

Prints a token for \`Authorization: Bearer\`; it acts with the user's current role, and stops
working when the user is disabled or the password reset. Only its hash is stored. With
--expires-days it is refused N days (1 to ${MAX_TOKEN_DAYS}) from now.`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      ...DB_OPTIONS,
      name: { type: 'string' },
      'expires-days': { type: 'string' },
    });
    const username = oneName(positionals);
    const days = values['expires-days'];
    if (days !== undefined && !/^\d{1,5}$/.test(days))
      throw new UsageError('--expires-days takes a number of days');
    return withApp(loadConfig(values, io.env), io.env, async ({ ctx }) => {
      const user = await findUserByName(ctx.store.handle.db, username);
      if (!user) throw notFound('user');
      const { token } = await createApiToken({
        ctx,
        actor: actor(),
        userId: user.id,
        name: values.name ?? 'cli',
        ...(days === undefined ? {} : { expiresInDays: Number(days) }),
      });
      io.stdout(`${token}\n`);
      return 0;
    });
  },
};

function tokenLine(token: ApiTokenView): string {
  const state = token.revokedAt
    ? `revoked ${token.revokedAt}`
    : token.active
      ? token.expiresAt
        ? `active until ${token.expiresAt}`
        : 'active'
      : `expired ${token.expiresAt}`;
  return `${token.id}\t${token.createdAt}\t${state}\t${token.name}\n`;
}

export const userTokensCommand: CliCommand = {
  help: `usage: vigil user tokens USERNAME [--revoke ID] [--db URL]

Lists the user's API tokens, one a line: id, created, state (active, active until, expired,
revoked), name. Secrets are never shown again after creation. --revoke ID revokes that token.`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { ...DB_OPTIONS, revoke: { type: 'string' } });
    const username = oneName(positionals);
    return withApp(loadConfig(values, io.env), io.env, async ({ ctx }) => {
      const user = await findUserByName(ctx.store.handle.db, username);
      if (!user) throw notFound('user');
      if (values.revoke !== undefined) {
        const revoked = await revokeApiToken({
          ctx,
          actor: actor(),
          tokenId: values.revoke,
          ownerId: user.id,
        });
        io.stdout(`token ${revoked.id} of "${user.username}" revoked\n`);
        return 0;
      }
      for (const token of await listApiTokens(ctx.store.handle.db, user.id)) io.stdout(tokenLine(token));
      return 0;
    });
  },
};
