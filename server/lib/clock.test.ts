import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileClock } from './clock';

describe('fileClock', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banxue-clock-'));
  const file = path.join(dir, 'now');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('tells the instant in the file, and follows the file when it is rewritten', () => {
    fs.writeFileSync(file, '2026-06-01T16:00:00.000Z\n');
    const clock = fileClock(file);
    expect(clock.now().toISOString()).toBe('2026-06-01T16:00:00.000Z');
    fs.writeFileSync(file, '2026-07-11T16:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-07-11T16:00:00.000Z');
  });

  it('refuses a file that holds no instant rather than guessing a time', () => {
    fs.writeFileSync(file, 'tomorrow');
    expect(() => fileClock(file).now()).toThrow(/does not hold an ISO-8601 instant/);
    expect(() => fileClock(path.join(dir, 'missing')).now()).toThrow(/ENOENT/);
  });
});
