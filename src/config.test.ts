import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ConfigError, contrastWithWhite, loadConfig } from './config.ts';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'ladder-config-'));

function failure(env: Record<string, string>): ConfigError {
  try {
    loadConfig({ DATA_DIR: tmp(), ...env });
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a ConfigError');
}

describe('loadConfig', () => {
  test('defaults give a working local portal on the embedded database', () => {
    const dataDir = tmp();
    const config = loadConfig({ DATA_DIR: dataDir });
    assert.equal(config.port, 3000);
    assert.equal(config.host, 'localhost');
    assert.equal(config.baseUrl, 'http://localhost:3000');
    assert.deepEqual(config.database, { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    assert.equal(config.logLevel, 'info');
    assert.equal(config.brand.name, 'Ladder');
    assert.equal(config.hsts, false);
    assert.equal(config.lmiDir, undefined);
  });

  test('DATABASE_URL selects the PostgreSQL server', () => {
    const config = loadConfig({ DATA_DIR: tmp(), DATABASE_URL: 'postgres://u:p@db.example:5433/ladder' });
    assert.deepEqual(config.database, { kind: 'postgres', url: 'postgres://u:p@db.example:5433/ladder' });
  });

  test('an empty variable counts as unset', () => {
    assert.equal(loadConfig({ DATA_DIR: tmp(), PORT: '' }).port, 3000);
  });

  for (const [env, variable, fragment] of [
    [{ PORT: 'abc' }, 'PORT', 'whole number'],
    [{ PORT: '70000' }, 'PORT', 'whole number'],
    [{ PORT: '80.5' }, 'PORT', 'whole number'],
    [{ DATABASE_URL: 'nonsense' }, 'DATABASE_URL', 'PostgreSQL URL'],
    [{ DATABASE_URL: 'mysql://localhost/db' }, 'DATABASE_URL', 'PostgreSQL URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', 'one of'],
    [{ BASE_URL: 'localhost:3000' }, 'BASE_URL', 'http(s) origin'],
    [{ BASE_URL: 'https://example.ca/portal' }, 'BASE_URL', 'no path'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET', '32 characters'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV', ''],
    [{ BRAND_COLOUR: 'red' }, 'BRAND_COLOUR', 'colour like'],
    [{ BRAND_COLOUR: '#ffff00' }, 'BRAND_COLOUR', 'contrast'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY', 'proxy hops'],
    [{ RATE_LIMIT_MAX: '-1' }, 'RATE_LIMIT_MAX', 'requests per minute'],
    [{ LMI_DIR: '/no/such/folder' }, 'LMI_DIR', 'does not exist'],
    [{ BRAND_LOGO_FILE: 'logo.gif' }, 'BRAND_LOGO_FILE', '.svg or .png'],
  ] as const) {
    test(`${Object.entries(env)[0]?.join('=')} is refused, naming ${variable}`, () => {
      const error = failure(env);
      assert.equal(error.variable, variable);
      assert.match(error.message, new RegExp(`^${variable} `));
      assert.ok(error.message.includes(fragment), error.message);
      assert.ok(!error.message.includes('\n'), 'one line');
    });
  }

  test('secrets are never echoed back in the message', () => {
    assert.ok(!failure({ SESSION_SECRET: 'hunter2' }).message.includes('hunter2'));
    assert.ok(!failure({ DATABASE_URL: 'not-a-url-with-password-xyz' }).message.includes('xyz'));
  });

  test('an unknown BRAND_ or LADDER_ variable is a typo, with a suggestion', () => {
    const error = failure({ BRAND_COLOR: '#1a1a1a' });
    assert.equal(error.variable, 'BRAND_COLOR');
    assert.match(error.message, /did you mean BRAND_COLOUR\?/);
    assert.equal(failure({ LADDER_PORT: '1' }).variable, 'LADDER_PORT');
  });

  test('production requires SESSION_SECRET', () => {
    assert.equal(failure({ NODE_ENV: 'production' }).variable, 'SESSION_SECRET');
  });

  test('outside production a session secret is generated once, kept private in DATA_DIR', () => {
    const dataDir = tmp();
    const first = loadConfig({ DATA_DIR: dataDir }).sessionSecret;
    const second = loadConfig({ DATA_DIR: dataDir }).sessionSecret;
    assert.equal(first, second);
    assert.ok(first.length >= 32);
    assert.equal(readFileSync(path.join(dataDir, 'session-secret'), 'utf8').trim(), first);
    assert.equal(statSync(path.join(dataDir, 'session-secret')).mode & 0o777, 0o600);
  });

  test('HSTS follows an https BASE_URL unless set', () => {
    assert.equal(loadConfig({ DATA_DIR: tmp(), BASE_URL: 'https://ladder.example.ca' }).hsts, true);
    assert.equal(
      loadConfig({ DATA_DIR: tmp(), BASE_URL: 'https://ladder.example.ca', HSTS: 'false' }).hsts,
      false,
    );
  });

  test('TRUST_PROXY takes a hop count', () => {
    assert.equal(loadConfig({ DATA_DIR: tmp(), TRUST_PROXY: '2' }).trustProxy, 2);
    assert.equal(loadConfig({ DATA_DIR: tmp(), TRUST_PROXY: 'true' }).trustProxy, true);
  });
});

test('contrastWithWhite follows WCAG', () => {
  assert.equal(Math.round(contrastWithWhite('#000000')), 21);
  assert.equal(Math.round(contrastWithWhite('#ffffff')), 1);
  assert.ok(contrastWithWhite('#0066cc') > 4.5);
});
