/**
 * The limits among the settings, as package.json declares them (a unit test checks they agree).
 * Kept apart from configuration.ts, which needs the VS Code API, so that plain Node can read them.
 */

/** Memory one comparison may use by default, in MB (the heap of the worker that runs it). */
export const DEFAULT_COMPARISON_MEMORY_MB = 4096;

/**
 * The range of each limit: settings.json may hold any number whatever the schema says, and these
 * bound what a comparison may cost. All are restricted configurations: an untrusted workspace's
 * settings cannot raise them.
 */
export const LIMIT_RANGES = {
  maxFileBytes: { minimum: 1, maximum: 50 * 1024 * 1024 },
  // All the articles of one comparison together: up to 20 of the largest.
  maxTotalBytes: { minimum: 1, maximum: 1000 * 1024 * 1024 },
  maxComparisonMemoryMb: { minimum: 16, maximum: 16384 },
} as const;
