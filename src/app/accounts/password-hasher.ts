import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the package's enum is a const enum, which verbatimModuleSyntax cannot import.
const ARGON2ID = 2;

import { type FieldProblem, invalid } from '../../domain/errors.js';
import type { PasswordCost } from '../context.js';

/** Hashes a password with argon2id at the configured cost (salt and parameters are in the result). */
export function hashPassword(password: string, cost: PasswordCost): Promise<string> {
  return hash(password, {
    algorithm: ARGON2ID,
    memoryCost: cost.memoryKiB,
    timeCost: cost.passes,
    parallelism: cost.lanes,
  });
}

/** Does the password match the stored hash? A malformed hash never matches. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

const COMMON = ['password', 'qwerty', '123456', 'letmein', 'admin', 'vigil', 'welcome', 'iloveyou'];

/** Refuses passwords that are short or obviously guessable; the message never repeats the password. */
export function assertStrongPassword(password: string, username = ''): void {
  const problems: FieldProblem[] = [];
  const lower = password.toLowerCase();
  if (password.length < 12) problems.push({ path: '/password', message: 'must have at least 12 characters' });
  else if (password.length > 1024)
    problems.push({ path: '/password', message: 'must have at most 1024 characters' });
  else if (new Set(password).size < 5)
    problems.push({ path: '/password', message: 'has too few different characters' });
  else if (COMMON.some((w) => lower.includes(w)) || (username && lower.includes(username.toLowerCase()))) {
    problems.push({ path: '/password', message: 'contains a common word or the user name' });
  }
  if (problems.length) throw invalid(`the password is too weak: ${problems[0].message}`, problems);
}
