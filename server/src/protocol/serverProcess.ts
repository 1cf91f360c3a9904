/**
 * The Node options the server is started with, by the VS Code client and by the bench (other
 * editors may pass them too; the server runs without them). V8 sizes its young generation when
 * the process starts: the server cannot change it for itself.
 *
 * A young generation of 32 MB per semi-space instead of 16: every keystroke allocates about a
 * megabyte (the file's entry, its findings), and with 16 MB a collection paused one keystroke in
 * twenty-five for 5–12 ms, which decided the per-edit p95. Collections come half as often, for
 * about 25 MB more memory (docs/performance.md).
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=32'];
