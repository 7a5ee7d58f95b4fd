/** `klankbord demo` (being written). */
import type { Command } from 'commander'

/** Registers the command. */
export function registerDemo(program: Command) {
  program.command('demo').description('demo')
}
