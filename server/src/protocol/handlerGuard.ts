/**
 * The one guard every handler goes through: no request, notification or file may end the
 * process. What fails is logged, and a failed request is answered as an error.
 */
import { CancellationToken, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';

export class HandlerGuard {
  constructor(private readonly log: (message: string) => void) {}

  /** A request handler that answers an error instead of throwing, and skips work already cancelled. */
  request<P, R>(name: string, handler: (params: P) => R): (params: P, token: CancellationToken) => R | ResponseError<void> {
    return (params, token) => {
      if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled.');
      try {
        return handler(params);
      } catch (e) {
        this.internalError(name, e);
        return new ResponseError(ErrorCodes.InternalError, `Usercube: ${name} failed (${e instanceof Error ? e.message : String(e)}).`);
      }
    };
  }

  /** A notification handler, synchronous or not, whose failure is logged and goes no further. */
  notification<P>(name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
    return (params) => {
      try {
        const done = handler(params);
        if (done) done.catch((e) => this.internalError(name, e));
      } catch (e) {
        this.internalError(name, e);
      }
    };
  }

  internalError(what: string, e: unknown): void {
    this.log(`Internal error in ${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}

/** A refused request reaches the editor as an error whose message it shows (a refused rename). */
export function answerOrRefuse<T>(result: { ok: true; value: T } | { ok: false; message: string }): T | ResponseError<void> {
  return result.ok ? result.value : new ResponseError(LSPErrorCodes.RequestFailed, result.message);
}
