import { inflateRawSync } from 'node:zlib';

/** One file of a ZIP archive, as its central directory lists it. */
export interface ZipEntry {
  name: string;
  /** 0: stored, 8: deflated. */
  method: number;
  compressedSize: number;
  /** The size the directory says it unpacks to: a zip bomb lies here, so it is checked when unpacked. */
  size: number;
  headerOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/**
 * The files a ZIP archive's central directory lists, read without unpacking anything.
 * @returns `undefined` when the bytes hold no readable directory (damaged, or ZIP64, which no article needs)
 */
export function readZipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 bytes, or before a comment of at most 64 KB.
  let end = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (data.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== DIRECTORY_ENTRY) return undefined;
    const nameLength = data.readUInt16LE(at + 28);
    const entry = {
      method: data.readUInt16LE(at + 10),
      compressedSize: data.readUInt32LE(at + 20),
      size: data.readUInt32LE(at + 24),
      headerOffset: data.readUInt32LE(at + 42),
      name: data.toString('utf8', at + 46, at + 46 + nameLength),
    };
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.headerOffset === 0xffffffff) return undefined;
    entries.push(entry);
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * Unpacks one file of an archive, never to more than `maxBytes`.
 * @throws RangeError when it would unpack to more (a zip bomb); Error when the file is damaged
 */
export function unpackEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Buffer {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.headerOffset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL_HEADER) throw new Error(`zip: no local header for ${entry.name}`);
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  const packed = data.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (packed.length > maxBytes) throw new RangeError(`zip: ${entry.name} is larger than ${maxBytes} bytes`);
    return packed;
  }
  if (entry.method !== 8) throw new Error(`zip: ${entry.name} uses compression method ${entry.method}`);
  // maxOutputLength stops inflating there (ERR_BUFFER_TOO_LARGE, a RangeError): a bomb never fills memory.
  return inflateRawSync(packed, { maxOutputLength: Math.max(1, maxBytes) });
}
