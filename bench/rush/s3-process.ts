import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { startLocalS3 } from '../../server/test/local-s3';

/**
 * `startLocalS3()` in a process of its own: s3rver's work would otherwise share the bench's event
 * loop and show up in the latencies the bench measures. Resolves with the env pointing at the bucket.
 */
export function startLocalS3Process(): Promise<{ env: Record<string, string>; close(): Promise<void> }> {
  // Its stdin is a pipe from the bench: when the bench goes, however it goes, the pipe closes and so does the server.
  const child = spawn(process.execPath, ['--import', 'tsx', __filename, '--serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the local S3 server exited with ${code}`)));
    readline.createInterface({ input: child.stdout! }).once('line', (line) => {
      resolve({
        env: JSON.parse(line) as Record<string, string>,
        async close() {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

async function serve() {
  const s3 = await startLocalS3();
  const stop = () => void s3.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.stdin.once('end', stop).resume();
  console.log(JSON.stringify(s3.env));
}

if (process.argv[2] === '--serve') void serve();
