import { createRequire } from 'node:module';

let loaded: typeof import('chrono-node') | undefined;

/**
 * chrono-node, loaded the first time a date must be read: it is large, and the commands that answer
 * questions never need it, so `research-bot ask` does not pay for loading it.
 */
export function chrono(): typeof import('chrono-node') {
  return (loaded ??= createRequire(import.meta.url)('chrono-node') as typeof import('chrono-node'));
}
