import type { Stats } from 'node:fs';

/** What a path that is not a regular file is, in words: `a named pipe (FIFO)`, `a device`, `a socket`. */
export function specialFileKind(st: Stats): string {
  return st.isFIFO()
    ? 'a named pipe (FIFO)'
    : st.isCharacterDevice() || st.isBlockDevice()
      ? 'a device'
      : st.isSocket()
        ? 'a socket'
        : 'not a regular file';
}
