#!/bin/sh
# `npm start`: the compiled server on plain node, its heap capped at ORGRAPH_HEAP_MB (MB,
# default 768). A bad value is said in one line here, before V8 refuses it in its own words
# (or, too small, runs out of memory at start with a stack trace). Kept out of package.json,
# which npm echoes before running it: that "could not start" text was printed at every start.
# Help is answered whatever the settings (main.js says it and exits).
case ${1:-} in
  --help | -h | help) exec node dist/server/main.js "$@" ;;
esac
case ${ORGRAPH_HEAP_MB:-768} in
  *[!0-9]* | 0* | ? | [1-5]? | 6[0-3])
    echo "orgraph could not start: Bad setting ORGRAPH_HEAP_MB: a whole number of megabytes, at least 64, e.g. 768. Fix or unset it." >&2
    exit 2
    ;;
esac
# exec: the server is the one process under npm, and gets the signals npm passes on itself.
NODE_ENV=production exec node --max-semi-space-size=32 --max-old-space-size="${ORGRAPH_HEAP_MB:-768}" dist/server/main.js "$@"
