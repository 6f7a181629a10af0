import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../testing/paths.js';
import { ConfigError, SETTINGS, configTable, loadConfig } from './config.js';

describe('loadConfig', () => {
  describe('with an empty environment', () => {
    // given
    const config = loadConfig({});
    const dataDir = path.resolve('./data');

    it('should listen on port 8080', () => {
      assert.equal(config.port, 8080);
    });

    it('should keep its data in ./data, resolved to an absolute path', () => {
      assert.equal(config.dataDir, dataDir);
      assert.ok(path.isAbsolute(config.dataDir));
    });

    it('should use a SQLite file in the data dir', () => {
      assert.equal(config.databaseUrl, `sqlite:${path.join(dataDir, 'prapa.sqlite')}`);
      assert.equal(config.dialect, 'sqlite');
    });

    it('should seed the demo with the password prapa-demo', () => {
      assert.equal(config.demo, true);
      assert.equal(config.demoPassword, 'prapa-demo');
    });

    it('should leave the token secret to be generated into the data dir', () => {
      assert.equal(config.jwtSecret, undefined);
    });
  });

  it('should treat an empty variable as unset', () => {
    // given
    const env = { PORT: '', PRAPA_DEMO: '' };

    // when
    const config = loadConfig(env);

    // then
    assert.equal(config.port, 8080);
    assert.equal(config.demo, true);
  });

  it('should derive the SQLite file from PRAPA_DATA_DIR', () => {
    // when
    const config = loadConfig({ PRAPA_DATA_DIR: '/srv/prapa' });

    // then
    assert.equal(config.databaseUrl, 'sqlite:/srv/prapa/prapa.sqlite');
  });

  const dialects: { url: string; dialect: 'sqlite' | 'mysql' }[] = [
    { url: 'mysql://prapa:secret@db.example:3306/prapa', dialect: 'mysql' },
    { url: 'mariadb://prapa@127.0.0.1/prapa', dialect: 'mysql' },
    { url: 'sqlite:/var/lib/prapa/prapa.sqlite', dialect: 'sqlite' },
  ];
  for (const { url, dialect } of dialects) {
    it(`should read DATABASE_URL=${url} as ${dialect}`, () => {
      // when
      const config = loadConfig({ DATABASE_URL: url });

      // then
      assert.equal(config.dialect, dialect);
      assert.equal(config.databaseUrl, url);
    });
  }

  const flags: { value: string; expected: boolean }[] = [
    { value: '0', expected: false },
    { value: 'false', expected: false },
    { value: 'no', expected: false },
    { value: '1', expected: true },
    { value: 'true', expected: true },
    { value: 'yes', expected: true },
  ];
  for (const { value, expected } of flags) {
    it(`should read PRAPA_DEMO=${value} as ${expected}`, () => {
      assert.equal(loadConfig({ PRAPA_DEMO: value }).demo, expected);
    });
  }

  const invalid: { env: Record<string, string>; names: string }[] = [
    { env: { PORT: 'abc' }, names: 'PORT' },
    { env: { PORT: '70000' }, names: 'PORT' },
    { env: { PORT: '80.5' }, names: 'PORT' },
    { env: { PRAPA_DEMO: 'maybe' }, names: 'PRAPA_DEMO' },
    { env: { PRAPA_DEMO_PASSWORD: 'short' }, names: 'PRAPA_DEMO_PASSWORD' },
    { env: { PRAPA_JWT_SECRET: 'too-short-for-a-secret' }, names: 'PRAPA_JWT_SECRET' },
    { env: { PRAPA_TOKEN_TTL_MINUTES: '0' }, names: 'PRAPA_TOKEN_TTL_MINUTES' },
    { env: { PRAPA_LOGIN_MAX_FAILURES: 'many' }, names: 'PRAPA_LOGIN_MAX_FAILURES' },
    { env: { LOG_LEVEL: 'loud' }, names: 'LOG_LEVEL' },
    { env: { DATABASE_URL: 'postgres://localhost/prapa' }, names: 'DATABASE_URL' },
  ];
  for (const { env, names } of invalid) {
    it(`should refuse ${JSON.stringify(env)} with a ConfigError naming ${names}`, () => {
      assert.throws(
        () => loadConfig(env),
        (e: unknown) => e instanceof ConfigError && e.message.includes(names),
      );
    });
  }

  it('should name every invalid variable at once', () => {
    assert.throws(
      () => loadConfig({ PORT: 'abc', PRAPA_DEMO: 'maybe' }),
      (e: unknown) =>
        e instanceof ConfigError && e.message.includes('PORT') && e.message.includes('PRAPA_DEMO'),
    );
  });
});

describe('configTable', () => {
  it('should list every setting by its environment variable', () => {
    // when
    const table = configTable();

    // then
    for (const s of Object.values(SETTINGS))
      assert.ok(table.includes(`| \`${s.env}\` | \`${s.defaultText}\` |`), s.env);
  });

  it('should appear verbatim in README.md between the config markers', () => {
    // given
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const match = /<!-- config:start -->\r?\n([\s\S]*?)\r?\n<!-- config:end -->/.exec(readme);

    // then
    assert.ok(match, 'README.md has no <!-- config:start --> … <!-- config:end --> block');
    assert.equal(
      match[1]!.trim(),
      configTable(),
      'README.md config table is out of date: regenerate it from SETTINGS',
    );
  });
});
