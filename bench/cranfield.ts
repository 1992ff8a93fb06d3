/**
 * The Cranfield collection (../shared/eval/cranfield): 1,400 abstracts, 225 queries, graded
 * judgments. Queries are numbered 1..225 in file order (the `.I` numbers have gaps and are not the
 * qrels ids); grades 1..4 are relevant with gain 5 - grade, -1 is dropped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CranfieldDoc { id: number; title: string; text: string }
export interface Cranfield {
  docs: CranfieldDoc[];
  queries: { id: number; text: string }[];
  /** query id → doc id → gain (5 - grade). */
  gains: Map<number, Map<number, number>>;
}

function records(text: string): Map<string, string>[] {
  return text.replace(/\r\n/g, '\n').split(/^\.I /m).slice(1).map((record) => {
    const fields = new Map<string, string>();
    const [idLine, ...rest] = record.split('\n');
    fields.set('I', idLine!.trim());
    let key = '';
    for (const line of rest) {
      const marker = /^\.([TABW])\s*$/.exec(line);
      if (marker) key = marker[1]!;
      else if (key) fields.set(key, `${fields.get(key) ?? ''} ${line.trim()}`.trim());
    }
    return fields;
  });
}

/** Reads the collection from its folder. */
export function loadCranfield(dir: string): Cranfield {
  const docs = records(readFileSync(join(dir, 'cran.all.1400'), 'latin1')).map((r) => ({
    id: Number(r.get('I')), title: r.get('T') ?? '', text: r.get('W') || r.get('T') || '',
  }));
  const queries = records(readFileSync(join(dir, 'cran.qry'), 'latin1')).map((r, i) => ({ id: i + 1, text: r.get('W') ?? '' }));
  const gains = new Map<number, Map<number, number>>();
  for (const line of readFileSync(join(dir, 'cranqrel'), 'latin1').split(/\r?\n/)) {
    const [q, d, g] = line.trim().split(/\s+/).map(Number);
    if (!q || !d || g === undefined || g < 1 || g > 4) continue;
    if (!gains.has(q)) gains.set(q, new Map());
    gains.get(q)!.set(d, 5 - g);
  }
  return { docs, queries, gains };
}

/** nDCG@10, AP@100 and recall@100 of one ranking against graded judgments. */
export function scoreRanking(ranking: number[], gains: Map<number, number>) {
  const dcg = (values: number[]) => values.reduce((sum, gain, i) => sum + gain / Math.log2(i + 2), 0);
  const ideal = dcg([...gains.values()].sort((a, b) => b - a).slice(0, 10));
  const ndcg10 = ideal > 0 ? dcg(ranking.slice(0, 10).map((d) => gains.get(d) ?? 0)) / ideal : 0;
  let hits = 0;
  let precisionSum = 0;
  ranking.slice(0, 100).forEach((d, i) => {
    if (gains.has(d)) {
      hits += 1;
      precisionSum += hits / (i + 1);
    }
  });
  return { ndcg10, ap100: gains.size > 0 ? precisionSum / gains.size : 0, recall100: gains.size > 0 ? hits / gains.size : 0 };
}

/** Mean of each metric over queries. */
export function meanScores(scores: ReturnType<typeof scoreRanking>[]) {
  const mean = (key: keyof (typeof scores)[number]) => Math.round((scores.reduce((s, x) => s + x[key], 0) / scores.length) * 1000) / 1000;
  return { ndcg10: mean('ndcg10'), map100: mean('ap100'), recall100: mean('recall100') };
}
