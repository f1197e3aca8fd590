/**
 * Misuse of the emulator itself (unknown account, a fan who cannot do that, bad control input), as opposed
 * to a WeChat API error. The control API answers these with an HTTP status and `{ error, message }`.
 */
export class EmulatorError extends Error {
  override readonly name = 'EmulatorError';
  constructor(
    readonly code: string,
    message: string,
    readonly status: 400 | 404 | 409 = 400,
  ) {
    super(message);
  }
}
