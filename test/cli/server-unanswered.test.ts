import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { throughServer } from '../../src/cli/operator.js';

// A server holding the data folder that takes a command and never answers (stopped, wedged):
// the command is given up on, saying whether it may still be made.
const silent = createServer(() => {});
let url = '';
beforeAll(async () => {
  await new Promise<void>((listening) => silent.listen(0, '127.0.0.1', listening));
  url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});
afterAll(() => {
  silent.closeAllConnections();
  silent.close();
});

it('a read not answered in time changed nothing, and says so', async () => {
  // It said "it may still make this change" of `check`, which changes nothing.
  const server = throughServer(url, 'token', 200);
  await expect(server.ask('{ units { totalCount } }')).rejects.toThrow(
    `the orgraph server at ${url} did not answer within 0.2 s (nothing was changed): restart the server, or try again`,
  );
});

it('a change not answered in time may still be made: check before sending it again', async () => {
  const server = throughServer(url, 'token', 200);
  await expect(server.ask('mutation { vacateSeat(input: {}) { unit { slug } } }')).rejects.toThrow(
    /did not answer within 0\.2 s; it may still make this change: check before running it again/,
  );
});

it('a change cut off by a server going away may have been made: said so, not UND_ERR_SOCKET', async () => {
  // A server that reads the command, then dies before answering.
  const dying = createServer((request) => request.socket.destroy());
  await new Promise<void>((listening) => dying.listen(0, '127.0.0.1', listening));
  const at = `http://127.0.0.1:${(dying.address() as AddressInfo).port}`;
  try {
    const server = throughServer(at, 'token', 5_000);
    await expect(
      server.ask('mutation { vacateSeat(input: {}) { unit { slug } } }'),
    ).rejects.toThrow(
      `the orgraph server at ${at} closed the connection before answering (stopped?); it may have made this change: check before running it again`,
    );
    await expect(server.ask('{ units { totalCount } }')).rejects.toThrow(
      `the orgraph server at ${at} closed the connection before answering (stopped?) (nothing was changed): try again once it runs`,
    );
  } finally {
    dying.close();
  }
  // Gone before the command was sent: nothing was sent.
  await expect(throughServer(at, 'token', 5_000).ask('{ units { totalCount } }')).rejects.toThrow(
    `the orgraph server holding the data folder does not answer at ${at} (connection refused): restart it`,
  );
});
