/**
 * `JSON.stringify(value, null, 2) + '\n'`, the same text, in chunks of about CHUNK_CHARS: the report
 * files are written as they are rendered, so a 25,000-result SARIF log is never one string (nor a second
 * copy of it with the newline, nor its UTF-8 buffer). Long arrays are written element by element, each
 * element by `JSON.stringify` itself; everything else is left to `JSON.stringify` whole. An array can
 * also stand for elements made only as they are written (`lazy`), so they are never held together.
 */

/** Arrays with more elements than this are written element by element. */
const LONG_ARRAY = 64;
/** The size the chunks are gathered to before they are handed on. */
const CHUNK_CHARS = 64 * 1024;

type Container = Record<string, unknown> | unknown[];

/** An array or a plain object that `JSON.stringify` would write as such (no `toJSON`). */
function isContainer(value: unknown): value is Container {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (
    (proto === Object.prototype || proto === null) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}

/** Arrays (by identity) written as the elements their function yields, made as they are written. */
export type LazyArrays = ReadonlyMap<readonly unknown[], () => Iterable<unknown>>;

/** True when `value` holds (at any depth) an array to be written element by element. */
function holdsLongArray(value: Container, lazy: LazyArrays): boolean {
  if (Array.isArray(value) && (value.length > LONG_ARRAY || lazy.has(value))) return true;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    if (isContainer(child) && holdsLongArray(child, lazy)) return true;
  }
  return false;
}

/** What `JSON.stringify` leaves out of an object (and writes as `null` in an array). */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** `value` as `JSON.stringify(value, null, 2)` writes it nested at `indent`. */
function nested(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2);
  // JSON text has no raw line breaks inside strings: every `\n` is one of the indentation's.
  return indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}

function* pieces(value: unknown, indent: string, lazy: LazyArrays): Generator<string> {
  if (!isContainer(value) || !holdsLongArray(value, lazy)) {
    yield nested(value, indent);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = lazy.get(value)?.() ?? value;
    let first = true;
    for (const item of items) {
      yield `${first ? '[' : ','}\n${inner}`;
      first = false;
      if (isSkipped(item)) yield 'null';
      else yield* pieces(item, inner, lazy);
    }
    yield first ? '[]' : `\n${indent}]`;
    return;
  }
  yield '{';
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (isSkipped(item)) continue;
    yield `${first ? '' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* pieces(item, inner, lazy);
  }
  yield first ? '}' : `\n${indent}}`;
}

/**
 * `JSON.stringify(value, null, 2) + '\n'` in chunks (their concatenation is exactly that text), with
 * each array of `lazy` (found by identity) written as the elements its function yields.
 */
export function* jsonText(value: unknown, lazy: LazyArrays = new Map()): Generator<string> {
  let chunk = '';
  for (const piece of pieces(value, '', lazy)) {
    chunk += piece;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}\n`;
}
