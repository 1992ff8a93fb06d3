import { UserError } from '../../core/errors.js';

// The BOM is kept, as the hash of a file has always been taken over its text with it.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a text article: UTF-8 (valid UTF-8 holding U+FFFD is text), or the charset it was sent
 * with (a download's Content-Type).
 * @throws UserError naming the file: not UTF-8, or empty
 */
export function decodeText(bytes: Uint8Array, name: string, charset?: string): string {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    const declared = charset === undefined ? undefined : decoderFor(charset);
    if (!declared) throw new UserError(`${name} is not UTF-8 text.`);
    text = declared.decode(bytes);
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new UserError(`${name} is empty: it has no text.`);
  return text;
}

/** A decoder for a charset label (`windows-1252`, `Shift_JIS`...), or `undefined` for a label the platform does not know. */
export function decoderFor(label: string): InstanceType<typeof TextDecoder> | undefined {
  try {
    return new TextDecoder(label.trim());
  } catch {
    return undefined;
  }
}
