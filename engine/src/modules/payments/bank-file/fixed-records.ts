/**
 * A bank file's records read straight from its bytes. TIS-620 (and its superset
 * Windows-874) is one byte per character, Thai vowel and tone marks included, so a
 * record's length in characters is its length in bytes and a field's position is a byte
 * offset. Fields are decoded one at a time, trimmed before a string is made: a 50,000-line
 * file then leaves behind small strings, not 50,000 whole records held by their slices.
 */
import iconv from 'iconv-lite';
import type { FieldPosition } from './bank-layout.js';

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const NBSP = 0xa0;
const CTRL_Z = 0x1a;
const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, b) => b));

/**
 * Byte → character, from iconv-lite's Windows-874 table: Windows-874 is TIS-620 plus a few
 * typographic marks, so reading with it accepts both.
 */
const DECODE: Uint16Array = (() => {
  const chars = iconv.decode(ALL_BYTES, 'windows-874');
  return Uint16Array.from({ length: 256 }, (_, b) => chars.charCodeAt(b));
})();
let scratch = new Uint16Array(1024);

export class FixedRecords {
  /** Where each record starts and ends (line end excluded), as byte offsets. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** The current record's first byte. */
  private at = 0;

  /**
   * LF or CRLF line ends; a final empty line and a trailing Ctrl-Z (the end-of-file mark
   * of DOS-era bank software) are not records.
   */
  constructor(readonly bytes: Buffer) {
    let end = bytes.length;
    while (end > 0 && bytes[end - 1] === CTRL_Z) end--;
    for (let start = 0; start < end;) {
      let next = bytes.indexOf(LF, start);
      if (next < 0 || next > end) next = end;
      this.starts.push(start);
      this.ends.push(next > start && bytes[next - 1] === CR ? next - 1 : next);
      start = next + 1;
    }
    while (this.count > 0 && this.ends[this.count - 1] === this.starts[this.count - 1]) {
      this.starts.pop();
      this.ends.pop();
    }
  }

  get count(): number {
    return this.starts.length;
  }

  /** Makes record `i` (0-based) the current one and returns its length. */
  select(i: number): number {
    this.at = this.starts[i] as number;
    return (this.ends[i] as number) - this.at;
  }

  /** The character at a 1-based position of the current record. */
  charAt(position: number): string {
    const b = this.bytes[this.at + position - 1];
    return b === undefined ? '' : String.fromCharCode(DECODE[b] as number);
  }

  /** A field's text, spaces trimmed; '' when the layout has no such field. */
  text(pos: FieldPosition | undefined): string {
    if (!pos) return '';
    const { bytes } = this;
    let a = this.at + pos.start - 1;
    let b = this.at + pos.end;
    while (a < b && isBlank(bytes[a] as number)) a++;
    while (b > a && isBlank(bytes[b - 1] as number)) b--;
    return decode(bytes, a, b);
  }

  /** A field's characters as they are, for messages and dates. */
  raw(pos: FieldPosition): string {
    return decode(this.bytes, this.at + pos.start - 1, this.at + pos.end);
  }

  /** A field of digits only as a number, or undefined. */
  digits(pos: FieldPosition): number | undefined {
    const { bytes } = this;
    const end = this.at + pos.end;
    let n = 0;
    for (let i = this.at + pos.start - 1; i < end; i++) {
      const d = (bytes[i] as number) - 0x30;
      if (d < 0 || d > 9) return undefined;
      n = n * 10 + d;
    }
    return n;
  }

  /** The current record's bytes with one field left out (into a buffer reused per call). */
  without(pos: FieldPosition | undefined, length: number, into: Buffer): Buffer {
    const { bytes, at } = this;
    if (!pos) return bytes.subarray(at, at + length);
    const cut = pos.start - 1;
    bytes.copy(into, 0, at, at + cut);
    const n = cut + bytes.copy(into, cut, at + pos.end, at + length);
    return into.subarray(0, n);
  }
}

function isBlank(b: number): boolean {
  return b === SPACE || b === NBSP;
}

function decode(bytes: Buffer, a: number, b: number): string {
  if (a >= b) return '';
  let i = a;
  while (i < b && (bytes[i] as number) < 0x80) i++;
  if (i === b) return bytes.toString('latin1', a, b);
  const n = b - a;
  if (scratch.length < n) scratch = new Uint16Array(n);
  for (let j = 0; j < n; j++) scratch[j] = DECODE[bytes[a + j] as number] as number;
  return String.fromCharCode.apply(null, scratch.subarray(0, n) as unknown as number[]);
}
