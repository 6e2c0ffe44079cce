import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../config/app.config.js';
import { baseUrl, startBanner } from './start-banner.js';

describe('the start banner', () => {
  it('gives URLs a browser opens, IPv6 included', () => {
    expect(baseUrl('127.0.0.1', 3000)).toBe('http://127.0.0.1:3000');
    expect(baseUrl('0.0.0.0', 3000)).toBe('http://localhost:3000');
    expect(baseUrl('::1', 3100)).toBe('http://[::1]:3100');
  });

  it('says demo mode loudly, and only says the secret was generated when it was', () => {
    const generated = startBanner(loadConfig({ DATA_DIR: '/tmp/refonda-banner' }), 'http://127.0.0.1:3000');
    expect(generated).toContain('MODE DÉMONSTRATION');
    expect(generated).toContain('http://127.0.0.1:3000/api/docs');
    expect(generated).toContain('Secret des jetons généré dans /tmp/refonda-banner');
    const given = startBanner(loadConfig({ JWT_SECRET: 'x'.repeat(32) }), 'http://127.0.0.1:3000');
    expect(given).toContain('Secret des jetons fourni');
    const production = startBanner(loadConfig({ MODE: 'production', JWT_SECRET: 'x'.repeat(32) }), 'http://127.0.0.1:3000');
    expect(production).not.toContain('DÉMONSTRATION');
  });
});
