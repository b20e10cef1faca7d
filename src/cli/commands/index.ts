import type { CliCommand } from '../command.js';
import { extractCommand } from './extract.js';

/** Every `vigil` sub-command; the dispatcher picks the one whose path matches the arguments. */
export const commands: CliCommand[] = [extractCommand];
