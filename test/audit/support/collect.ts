/** Every chunk of a stream (strings or bytes), as one Buffer: a multi-byte character may be split across two chunks. */
export async function collectBytes(chunks: AsyncIterable<string | Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c.buffer, c.byteOffset, c.byteLength));
  return Buffer.concat(parts);
}

/** The stream as UTF-8 text, a BOM kept. */
export async function collect(chunks: AsyncIterable<string | Uint8Array>): Promise<string> {
  return (await collectBytes(chunks)).toString('utf8');
}
