import iconv from 'iconv-lite';

/** The UTF-16 a byte-order mark says the bytes are in, if they start with one. */
function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** A file's text, and the encoding it was guessed to be in when it said none. */
export interface Decoded {
  text: string;
  guessed?: 'Windows-1252';
}

/**
 * A file's bytes as text: UTF-16 when a byte-order mark says so, else UTF-8 (its BOM dropped);
 * bytes that are not UTF-8 are Windows-1252, what Excel's "CSV (Comma delimited)" and most
 * Western Windows tools write, so a name like `Jörg Müller` comes in whole, not as `J�rg`.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  const utf16 = utf16Of(bytes);
  if (utf16) return { text: iconv.decode(Buffer.from(bytes), utf16) };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // iconv-lite, not Node's TextDecoder: that reads 'windows-1252' as Latin-1 since Node
    // 20.18.3 and 22.13 (nodejs/node#60888), making `Š`, `’` or `€` control characters.
    return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), guessed: 'Windows-1252' };
  }
}
