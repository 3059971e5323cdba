/** An error in the caller's capture options: its message names the option. Its own file, so that every checker can throw it. */
export class CaptureOptionError extends Error {
  override name = 'CaptureOptionError';
}
