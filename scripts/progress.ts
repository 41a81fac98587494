// A progress line for long commands: rewritten in place on a terminal, a line every few seconds in CI logs.
export function progressLine(label: string) {
  const tty = process.stderr.isTTY;
  let last = 0;
  return {
    update(text: string) {
      const now = Date.now();
      if (tty) process.stderr.write(`\r${label}: ${text}\x1b[K`);
      else if (now - last > 5000) { process.stderr.write(`${label}: ${text}\n`); last = now; }
      else return;
      last = now;
    },
    done(text: string) {
      process.stderr.write(`${tty ? '\r' : ''}${label}: ${text}${tty ? '\x1b[K' : ''}\n`);
    },
  };
}
