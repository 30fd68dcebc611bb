/**
 * Network faults (test/support/network-scenarios.ts): resets, stalls, wrong
 * lengths, redirect loops and insecure or foreign redirects, 5xx, rate limits,
 * DNS failure. Each ends in a verified install or one clear line, with the
 * figure it proves. The quick subset runs a few; test/e2e/network-faults.test.ts runs all as tests.
 */
import { networkScenarios, runNetworkScenario } from '../support/network-scenarios.js';
import { figure, type FaultGroup, type Figure, type Scale } from './figure.js';

async function network(scale: Scale): Promise<Figure[]> {
  const scenarios = scale === 'full' ? networkScenarios : networkScenarios.filter((_, index) => index % 6 === 0);
  const figures: Figure[] = [];
  for (const scenario of scenarios) {
    try {
      figures.push(figure(scenario.name, true, await runNetworkScenario(scenario)));
    } catch (error) {
      figures.push(figure(scenario.name, false, (error as Error).message.split('\n')[0] ?? String(error)));
    }
  }
  return figures;
}

export const networkFaults: FaultGroup = { name: 'network', run: network };
