/**
 * `npm run bench -- api [seconds] [concurrency]`: signed-in, tenant-scoped API reads
 * (GET /api/v1/waterworks) against a real engine on SQLite and on MariaDB, measured from
 * a client on loopback. Prints one JSON line: requests per second and latency percentiles
 * per dialect.
 */
import {
  createTestDatabase,
  startTestServer,
  type TestDialect,
} from '../engine/src/testing/harness.js';

const seconds = Number(process.argv[2] ?? 5);
const concurrency = Number(process.argv[3] ?? 8);

async function measure(dialect: TestDialect) {
  const server = await startTestServer({ database: await createTestDatabase(dialect) });
  try {
    const token = await server.login('clerk');
    const url = `${server.baseUrl}/api/v1/waterworks`;
    const headers = { authorization: `Bearer ${token}` };
    for (let i = 0; i < 50; i++) await (await fetch(url, { headers })).arrayBuffer(); // warm up
    const latencies: number[] = [];
    let errors = 0;
    const end = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < end) {
          const t = performance.now();
          const res = await fetch(url, { headers });
          await res.arrayBuffer();
          if (res.status !== 200) errors++;
          latencies.push(performance.now() - t);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      Number(
        (latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0).toFixed(
          2,
        ),
      );
    return {
      requestsPerSecond: Math.round(latencies.length / seconds),
      p50Ms: pct(0.5),
      p95Ms: pct(0.95),
      p99Ms: pct(0.99),
      errors,
    };
  } finally {
    await server.stop();
  }
}

const sqlite = await measure('sqlite');
const mysql = await measure('mysql');
console.log(
  JSON.stringify({
    bench: 'api',
    endpoint: 'GET /api/v1/waterworks',
    seconds,
    concurrency,
    sqlite,
    mysql,
  }),
);
