import { expect } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config/index.js';

/** The message of the ConfigError `loadConfig` throws for this environment (fails the test when none). */
export function configErrorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}
