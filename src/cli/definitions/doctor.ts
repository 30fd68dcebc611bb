/** `tool doctor`: checks the setup and says how to fix what is wrong. Its action imports its command module when it runs. */
import type { Define } from '../main.js';

export function defineDoctorCommands(define: Define): void {
  define(['doctor'], (program) => program.command('doctor')
    .description('check PATH, shims, store integrity, index, locks, project files, GitHub access and pending self-updates; each problem with its fix (exit 1 if any)')
    .option('--fix', 'repair derived state (index, shims, stale locks, leftovers); never user files or the store\'s versions')
    .option('--deep', 're-hash every store file with SHA-256 against its manifest (slower)')
    .option('--json', 'print the result as JSON')
    .action(async (options) => (await import('../commands/doctor.js')).doctor(options)));
}
