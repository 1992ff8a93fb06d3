/** Writes Cranfield abstracts as article files, so they go through the real ingester. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CranfieldDoc } from './cranfield.js';

/** Source id of a Cranfield document in the library. */
export const cranId = (doc: number) => `cran-${doc}`;

/** Writes one article per abstract (title in front matter, the abstract as one paragraph) into `dir`. */
export function writeCranfieldArticles(docs: CranfieldDoc[], dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const doc of docs) {
    const title = doc.title.replace(/"/g, "'") || `Cranfield ${doc.id}`;
    // Two abstracts are empty: their title is all there is, and a body equal to the title would be dropped as a heading.
    const body = doc.text && doc.text !== doc.title ? doc.text : `Title only: ${doc.title}`;
    writeFileSync(join(dir, `${cranId(doc.id)}.txt`), `---\nid: ${cranId(doc.id)}\ntitle: "${title}"\n---\n${body}\n`);
  }
}
