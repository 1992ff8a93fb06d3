import type { IncomingMessage } from 'node:http';
import type { UploadedFile } from './message.js';
import type { Json } from './types.js';

/** A request body decoded: JSON, or multipart's `payload_json` plus its file parts. */
export interface DecodedBody {
  json: Json;
  files: UploadedFile[];
}

async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function decodeMultipart(raw: Buffer, contentType: string): Promise<DecodedBody> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const files: UploadedFile[] = [];
  let json: Json = null;
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') json = JSON.parse(value);
      else (json ??= {})[field] = value;
    } else {
      files.push({ field, filename: value.name, contentType: value.type || 'application/octet-stream', size: value.size });
    }
  }
  return { json, files };
}

/**
 * Reads and decodes a request body the way Discord accepts it: `application/json`, or
 * `multipart/form-data` with a `payload_json` part (discord.js sends this when there are files).
 * @throws SyntaxError when the JSON is malformed.
 */
export async function decodeBody(request: IncomingMessage): Promise<DecodedBody> {
  const raw = await readAll(request);
  const contentType = request.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) return decodeMultipart(raw, contentType);
  if (raw.length === 0) return { json: null, files: [] };
  return { json: JSON.parse(raw.toString('utf8')), files: [] };
}
