/** `tool help environment`: the variables tool reads and its exit codes. */
import { printLines } from '../output.js';
import { environmentHelp } from '../reference.js';

export function helpEnvironment(): void {
  printLines(environmentHelp());
}
