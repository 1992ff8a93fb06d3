import { readFileSync } from 'node:fs';
import type { SynonymTable } from '../core/search/query.js';
import { UserError } from '../core/errors.js';

/**
 * Reads the synonyms table (`{ "groups": [["SCO", "Shanghai Cooperation Organisation"], ...] }`).
 * @throws UserError naming the file when it is missing or not of that shape
 */
export function loadSynonyms(path: string): SynonymTable {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UserError(`The synonyms table ${path} cannot be read: ${(error as Error).message}`);
  }
  const groups = (data as { groups?: unknown }).groups;
  const valid = Array.isArray(groups) && groups.every((g) => Array.isArray(g) && g.length >= 2 && g.every((v) => typeof v === 'string' && v.trim()));
  if (!valid) throw new UserError(`The synonyms table ${path} must be {"groups": [[two or more strings], ...]}.`);
  return { groups: groups as string[][] };
}
