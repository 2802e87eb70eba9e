/**
 * Which thread the action runs on (src/threads.ts runsOnMainThread): an offline audit of a few small
 * reports on the main thread, everything else on the run thread; and which runs are live (isLiveRun: only
 * they bound the old generation's growth). Only the thread differs, never the
 * outcome (e2e/offline.test.ts runs both from dist/).
 */
import { describe, expect, it } from '@jest/globals';
import { MAIN_THREAD_REPORT_BYTES, isLiveRun, runsOnMainThread } from '../../src/threads.js';

const MB = 1024 * 1024;
const sizes =
  (files: Record<string, number>) =>
  (path: string): number | null =>
    files[path] ?? null;

describe('which thread the action runs on', () => {
  const files = sizes({ 'a.csv': 1 * MB, 'b.csv': 2 * MB, 'big.csv': MAIN_THREAD_REPORT_BYTES + 1 });

  it('a few small reports named as files: the main thread', () => {
    expect(runsOnMainThread({ 'INPUT_CREDENTIAL-REPORT': 'a.csv' }, files)).toBe(true);
    expect(runsOnMainThread({ 'INPUT_CREDENTIAL-REPORT': ' a.csv\r\n\nb.csv \n' }, files)).toBe(true);
  });

  it('reports together over the bound, a glob, a directory or a missing file: the run thread', () => {
    expect(runsOnMainThread({ 'INPUT_CREDENTIAL-REPORT': 'big.csv' }, files)).toBe(false);
    const many = sizes({ 'a.csv': MAIN_THREAD_REPORT_BYTES / 2, 'b.csv': MAIN_THREAD_REPORT_BYTES / 2 + 1 });
    expect(runsOnMainThread({ 'INPUT_CREDENTIAL-REPORT': 'a.csv\nb.csv' }, many)).toBe(false);
    expect(runsOnMainThread({ 'INPUT_CREDENTIAL-REPORT': 'reports/*.csv' }, files)).toBe(false);
    expect(runsOnMainThread({ 'INPUT_CREDENTIAL-REPORT': 'a.csv\nmissing.csv' }, files)).toBe(false);
  });

  it('a live run, an iac run, or an input that is only blank: the run thread', () => {
    expect(runsOnMainThread({}, files)).toBe(false);
    expect(runsOnMainThread({ 'INPUT_CREDENTIAL-REPORT': ' \n ' }, files)).toBe(false);
    expect(runsOnMainThread({ 'INPUT_CREDENTIAL-REPORT': 'a.csv', INPUT_IAC: 'main.tf' }, files)).toBe(false);
    expect(runsOnMainThread({ INPUT_ACCOUNTS: '123456789012' }, files)).toBe(false);
  });

  it('reads the real file system by default: a directory is not a file', () => {
    expect(runsOnMainThread({ 'INPUT_CREDENTIAL-REPORT': import.meta.dirname })).toBe(false);
    expect(runsOnMainThread({ 'INPUT_CREDENTIAL-REPORT': import.meta.filename })).toBe(true);
  });

  it('a live run is one with neither credential-report nor iac', () => {
    expect(isLiveRun({})).toBe(true);
    expect(isLiveRun({ INPUT_ACCOUNTS: '123456789012', 'INPUT_CREDENTIAL-REPORT': '\n' })).toBe(true);
    expect(isLiveRun({ 'INPUT_CREDENTIAL-REPORT': 'a.csv' })).toBe(false);
    expect(isLiveRun({ INPUT_IAC: 'infra/**' })).toBe(false);
  });
});
