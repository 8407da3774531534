// The fixture finder: relative to the repository, loud in CI, a visible skip elsewhere.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIXTURES_DIR, haveFixture, REPO_ROOT } from './fixtures.js';

describe('haveFixture', () => {
  const ci = process.env.CI;
  afterEach(() => {
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
    vi.restoreAllMocks();
  });

  it('finds the repository root and, by default, ../shared/fixtures beside it', () => {
    expect(existsSync(join(REPO_ROOT, 'package.json'))).toBe(true);
    if (process.env.ZKOS_SHARED_FIXTURES === undefined)
      expect(FIXTURES_DIR).toBe(join(REPO_ROOT, '..', 'shared', 'fixtures'));
  });

  it('a missing fixture throws when CI=true', () => {
    process.env.CI = 'true';
    expect(() => haveFixture(join(REPO_ROOT, 'no-such-fixture.json'), 'probe')).toThrow(/CI=true needs every fixture/);
  });

  it('a missing fixture outside CI is a skip with a printed reason', () => {
    delete process.env.CI;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(haveFixture(join(REPO_ROOT, 'no-such-fixture.json'), 'probe')).toBe(false);
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/^SKIPPED probe: fixture missing: .*no-such-fixture\.json/),
    );
  });

  it('a present fixture is found in and out of CI', () => {
    process.env.CI = 'true';
    expect(haveFixture(join(REPO_ROOT, 'package.json'), 'probe')).toBe(true);
  });
});
