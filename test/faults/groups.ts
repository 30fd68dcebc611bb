/** Every group of the fault suite, in the order `npm run faults` prints them. */
import { concurrency } from './concurrency.js';
import { crashes } from './crashes.js';
import { diskFullGroup } from './disk-full.js';
import { corruptedState } from './corrupted-state.js';
import { hostileInput } from './hostile-input.js';
import { shimRecursion } from './shim-recursion.js';
import { selfUpdateFaults } from './self-update.js';
import { networkFaults } from './network.js';
import { archiveFaults } from './archives.js';
import type { FaultGroup } from './figure.js';

export const GROUPS: FaultGroup[] = [concurrency, crashes, diskFullGroup, corruptedState, hostileInput, shimRecursion, selfUpdateFaults, networkFaults, archiveFaults];
