// The bench's peer: PostGraphile 5 with the Amber preset over the bench database
// (DATABASE_URL), exposing orgraph's tables (`public`) and the functions of functions.sql
// (`peer`). Served by grafserv's Node adapter on a free port, which it prints as its first
// line of output (`listening <port>`) for the bench to read.
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ['public', 'peer'],
    }),
  ],
  grafserv: { watch: false, graphiql: false },
});

const server = createServer();
server.on('error', (error) => {
  console.error(error);
  process.exit(1);
});
await pgl.createServ(grafserv).addTo(server);
server.listen(0, '127.0.0.1', () => {
  console.log(`listening ${server.address().port}`);
});
