import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

/** A file of a source as read: its text (decoded, without a byte-order mark) and its checksum. */
export interface SourceFile {
  /** Path relative to the LMI folder, with forward slashes, e.g. "noc2021/noc_….csv". */
  name: string;
  text: string;
  sha256: string;
  bytes: number;
  encoding: 'utf-8' | 'windows-1252';
}

export class SourceFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'SourceFileError';
  }
}

/**
 * Reads a publisher's file. Publishers ship UTF-8 with or without a byte-order mark, and some files in
 * Windows-1252: a file that is not valid UTF-8 is decoded as Windows-1252 unless `encoding` says otherwise.
 */
export function readSourceFile(
  dir: string,
  name: string,
  encoding: 'detect' | 'utf-8' | 'windows-1252' = 'detect',
): SourceFile {
  const full = path.join(dir, name);
  let bytes: Buffer;
  try {
    if (!statSync(full).isFile()) throw new SourceFileError(name, 'is not a file');
    bytes = readFileSync(full);
  } catch (error) {
    if (error instanceof SourceFileError) throw error;
    throw new SourceFileError(
      name,
      `cannot be read in ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { text, used } = decode(bytes, encoding, name);
  return { name, text: text.replace(/^\uFEFF/, ''), sha256, bytes: bytes.length, encoding: used };
}

function decode(
  bytes: Buffer,
  encoding: 'detect' | 'utf-8' | 'windows-1252',
  name: string,
): { text: string; used: 'utf-8' | 'windows-1252' } {
  if (encoding === 'windows-1252')
    return { text: new TextDecoder('windows-1252').decode(bytes), used: encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), used: 'utf-8' };
  } catch {
    if (encoding === 'utf-8') throw new SourceFileError(name, 'is not valid UTF-8');
    return { text: new TextDecoder('windows-1252').decode(bytes), used: 'windows-1252' };
  }
}

/** A data row of a delimited file, with the 1-based line it starts on (for error messages). */
export interface DelimitedRow {
  line: number;
  /** Values by normalised header (see normaliseHeader). */
  values: Record<string, string>;
  /** The values in column order. */
  cells: string[];
}

export interface DelimitedTable {
  /** Headers as published (trimmed). */
  headers: string[];
  rows: DelimitedRow[];
}

/**
 * Parses CSV (or `;`/tab-separated) text with a header row. Blank lines are skipped; quoted fields may
 * span lines. `quote: false` suits tab files whose text contains bare double quotes (O*NET).
 * A row with a different number of fields than the header is kept out and reported through `onBadRow`.
 */
export function parseDelimited(
  file: SourceFile,
  options: {
    delimiter?: string;
    quote?: boolean;
    /** Lines to skip before the header (title banners). */
    skipLines?: number;
    onBadRow?: (line: number, reason: string) => void;
  } = {},
): DelimitedTable {
  let records: { record: string[]; info: { lines: number } }[];
  if (options.quote === false) {
    // Without quoting a record is a line: splitting directly is ~5x faster than the CSV parser.
    records = splitLines(file.text, options.delimiter ?? ',', options.skipLines ?? 0);
  } else
    try {
      records = parse(file.text, {
        delimiter: options.delimiter ?? ',',
        quote: '"',
        relax_column_count: true,
        skip_empty_lines: true,
        from_line: (options.skipLines ?? 0) + 1,
        info: true,
      }) as unknown as { record: string[]; info: { lines: number } }[];
    } catch (error) {
      const detail = error as { lines?: number; message: string };
      throw new SourceFileError(
        file.name,
        `cannot be parsed${detail.lines ? ` at line ${detail.lines}` : ''}: ${detail.message}`,
      );
    }
  const [header, ...body] = records;
  if (!header) throw new SourceFileError(file.name, 'is empty (no header row)');
  const headers = header.record.map((cell) => cell.trim());
  const keys = headers.map(normaliseHeader);
  const rows: DelimitedRow[] = [];
  for (const { record, info } of body) {
    // info.lines is the (absolute) line the record ends on; quoted fields may have spanned lines.
    const line = info.lines - countNewlines(record);
    if (record.every((cell) => cell.trim() === '')) continue;
    if (record.length !== headers.length) {
      options.onBadRow?.(line, `has ${record.length} fields where the header has ${headers.length}`);
      continue;
    }
    const values: Record<string, string> = {};
    keys.forEach((key, index) => {
      values[key] = (record[index] ?? '').trim();
    });
    rows.push({ line, values, cells: record.map((cell) => cell.trim()) });
  }
  return { headers, rows };
}

function splitLines(
  text: string,
  delimiter: string,
  skipLines: number,
): { record: string[]; info: { lines: number } }[] {
  const records: { record: string[]; info: { lines: number } }[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = skipLines; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line === '') continue;
    records.push({ record: line.split(delimiter), info: { lines: index + 1 } });
  }
  return records;
}

function countNewlines(record: string[]): number {
  let count = 0;
  for (const cell of record) for (const char of cell) if (char === '\n') count++;
  return count;
}

/**
 * Header names as keys: lower case, accents folded, runs of non-alphanumerics as one "_", trimmed —
 * "Writing  " and "Writing" are the same column, "Conditions_récentes" becomes "conditions_recentes".
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** Requires the named (normalised) columns, naming the missing ones. */
export function requireColumns(file: SourceFile, table: DelimitedTable, columns: string[]): void {
  const present = new Set(table.headers.map(normaliseHeader));
  const missing = columns.filter((column) => !present.has(column));
  if (missing.length > 0) {
    throw new SourceFileError(
      file.name,
      `is missing column(s) ${missing.join(', ')} (found: ${table.headers.join(', ')})`,
    );
  }
}
