import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

/** s3rver's fixed credentials (it checks request signatures against them). */
const ACCESS_KEY = 'S3RVER';

/**
 * A local S3-compatible server (s3rver) on a loopback port with one bucket, for tests of the object
 * store: `env` is what points the app's file storage at it.
 */
export async function startLocalS3(bucket = 'banxue-files') {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'banxue-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    directory,
    env: {
      BANXUE_S3_BUCKET: bucket,
      BANXUE_S3_ENDPOINT: endpoint,
      BANXUE_S3_ACCESS_KEY_ID: ACCESS_KEY,
      BANXUE_S3_SECRET_ACCESS_KEY: ACCESS_KEY,
      BANXUE_S3_FORCE_PATH_STYLE: 'true',
    },
    settings: { bucket, endpoint, region: 'us-east-1', accessKeyId: ACCESS_KEY, secretAccessKey: ACCESS_KEY, forcePathStyle: true, prefix: '' },
    async close() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
