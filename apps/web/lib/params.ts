/** Route params arrive percent-encoded or not depending on the path; decode once, safely. */
export function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
