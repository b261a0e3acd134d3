/**
 * Loaded before every test file (scripts/test.ts passes it with --import). An unexpected
 * console.error fails the file: errors must be asserted, not scrolled past. Tests that expect one
 * wrap the code in `allowConsoleError()`.
 */
let allowed = 0;
const original = console.error.bind(console);

console.error = (...args: unknown[]) => {
  original(...args);
  if (allowed > 0) return;
  original('^ unexpected console.error: this test file fails');
  process.exitCode = 1;
};

export async function allowConsoleError<T>(fn: () => Promise<T>): Promise<T> {
  allowed++;
  try {
    return await fn();
  } finally {
    allowed--;
  }
}
