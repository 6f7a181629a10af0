/**
 * The uploaded workbook of POST /registry/import: the raw body (the portal sends the file
 * itself) or the first file part of a multipart/form-data body (an HTML form or curl -F).
 */
import type { Request } from 'express';
import { UserError } from '../../http/errors.js';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export async function readUpload(req: Request): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_UPLOAD_BYTES)
      throw new UserError(
        'upload_too_large',
        { th: 'ไฟล์ใหญ่เกิน 20 MB', en: 'The file is larger than 20 MB.' },
        [],
        413,
      );
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  const boundary = /^multipart\/form-data;.*boundary="?([^";]+)"?/i.exec(type)?.[1];
  const file = boundary ? firstFilePart(body, boundary) : body;
  if (!file?.length)
    throw new UserError(
      'no_file',
      { th: 'ไม่พบไฟล์ที่อัปโหลด', en: 'No file was uploaded.' },
      [{ path: 'file', message: { th: 'ไม่พบไฟล์', en: 'No file.' } }],
      400,
    );
  return file;
}

/** The content of the first part that carries a file name (else the first part). */
function firstFilePart(body: Buffer, boundary: string): Buffer | null {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Buffer[] = [];
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    parts.push(body.subarray(start, next));
    at = next;
  }
  let first: Buffer | null = null;
  for (const part of parts) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) continue;
    const headers = part.subarray(0, headerEnd).toString('utf8');
    // the content ends before the CRLF that precedes the next delimiter
    const content = part.subarray(headerEnd + 4, part.length - 2);
    if (/filename=/i.test(headers)) return content;
    first ??= content;
  }
  return first;
}
