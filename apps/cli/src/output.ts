import { ApiError } from '@app/common';

/** Every command prints exactly one JSON object on stdout (API.md §9), errors included. */
export function printJson(value: object): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Prints `error` as the one JSON object and marks the process as failed. */
export function printError(error: unknown): void {
  if (error instanceof ApiError) {
    printJson({ error: error.error, message: error.message, ...(error.details ? { details: error.details } : {}) });
    process.exitCode = error.status >= 500 ? 1 : 2;
    return;
  }
  printJson({ error: 'server_error', message: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
}

/** `a,b , c` → ['a', 'b', 'c']. */
export function commaList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
