/**
 * The base library: the articles folder and the CLI's `ingest`, seen by every server. A server's own
 * library is named by its guild id.
 */
export const BASE_LIBRARY = '';

/** A guild id: Discord's snowflake, 17 to 20 digits. */
const GUILD_ID = /^\d{17,20}$/;

/** True for the base library's name and for guild ids. */
export function isLibraryName(library: string): boolean {
  return library === BASE_LIBRARY || GUILD_ID.test(library);
}

/**
 * How a source is keyed in the database (sources.id, paragraphs.source_id): its id for the base
 * library, `<id>:<guild id>` for a server's. Ids are lower-case letters, digits and dashes, so the
 * key never mistakes one for the other, and the sources of any one cited id sit together in the key
 * order (`id`, then `id:…`), which the primary key finds by range.
 */
export function sourceKey(library: string, id: string): string {
  return library === BASE_LIBRARY ? id : `${id}:${library}`;
}

/** The id a key is cited by. */
export function citedId(key: string): string {
  const at = key.indexOf(':');
  return at < 0 ? key : key.slice(0, at);
}

/** The library a key belongs to. */
export function libraryOfKey(key: string): string {
  const at = key.indexOf(':');
  return at < 0 ? BASE_LIBRARY : key.slice(at + 1);
}

/** SQL: the library of the source key in `column` (written from constants only, never from input). */
export function libraryOfSql(column: string): string {
  return `iif(instr(${column}, ':') = 0, '', substr(${column}, instr(${column}, ':') + 1))`;
}

/** SQL: true when the source key in `column` is seen from `@library` (the base, and that server's own). */
export function visibleSql(column: string): string {
  return `${libraryOfSql(column)} IN ('', @library)`;
}
