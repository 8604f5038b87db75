// Loaded with `node --import` into the CLI under test: presses Ctrl-C (SIGINT to itself) at a
// set moment of its talk with the server — CTRL_C=read: as its first read is sent; CTRL_C=write:
// as its first write is sent, CTRL_C=write-twice: twice then — and holds each answer back a
// little, so the Ctrl-C is heard while the answer is awaited, as on a large import.
// CTRL_C=stdin: a moment after it starts reading standard input (which the test never ends).
const when = process.env.CTRL_C;
if (when === 'stdin') {
  const iterate = process.stdin[Symbol.asyncIterator];
  process.stdin[Symbol.asyncIterator] = function (...args) {
    setTimeout(() => process.kill(process.pid, 'SIGINT'), 100);
    return iterate.apply(this, args);
  };
}
const send = globalThis.fetch;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let pressed = false;

globalThis.fetch = async (url, init) => {
  const write = /^\s*mutation\b/.test(JSON.parse(init?.body ?? '{}').query ?? '');
  const answer = send(url, init);
  if (!pressed && (write ? when?.startsWith('write') : when === 'read')) {
    pressed = true;
    process.kill(process.pid, 'SIGINT');
    if (when === 'write-twice') {
      await pause(100);
      process.kill(process.pid, 'SIGINT');
    }
  }
  const response = await answer;
  await pause(300);
  return response;
};
