/** One JSON line per event, always with the request id. Tests pass a quiet sink. */
export type LogSink = (line: Record<string, unknown>) => void;

export const stdoutSink: LogSink = (line) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`);
};
export const quietSink: LogSink = (line) => {
  if (line.level === 'error') process.stderr.write(`${JSON.stringify(line)}\n`);
};
/** Quiet under tests, else standard output. */
export const defaultSink = (nodeEnv: string): LogSink => (nodeEnv === 'test' ? quietSink : stdoutSink);
