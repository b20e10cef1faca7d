import { userInfo } from 'node:os';
import { createApiToken } from '../../app/accounts/api-token-creator.js';
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
  path: ['user', 'add'],
  summary: 'create a user',
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
  path: ['user', 'disable'],
  summary: 'disable a user, ending its sessions and API tokens',
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
  path: ['user', 'reset'],
  summary: "set a user's password, re-enable it and lift a lockout",
  help: `usage: vigil user reset USERNAME [--db URL]

The new password comes from VIGIL_PASSWORD or is asked on the terminal. Ends the user's sessions.`,
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
  path: ['user', 'token'],
  summary: 'create an API token for a user (printed once)',
  help: `usage: vigil user token USERNAME [--name NAME] [--db URL]

Prints a token for \`Authorization: Bearer\`; it acts with the user's role. Only its hash is stored.`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { ...DB_OPTIONS, name: { type: 'string' } });
    const username = oneName(positionals);
    return withApp(loadConfig(values, io.env), io.env, async ({ ctx }) => {
      const user = await findUserByName(ctx.store.handle.db, username);
      if (!user) throw notFound('user');
      const { token } = await createApiToken({
        ctx,
        actor: actor(),
        userId: user.id,
        name: values.name ?? 'cli',
      });
      io.stdout(`${token}\n`);
      return 0;
    });
  },
};
