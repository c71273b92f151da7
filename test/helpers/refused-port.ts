// A port on 127.0.0.1 where nothing listens, for the tests of a refused connection. Not the port of
// a server just closed: listen(0) in another test file, running at the same time, may be given that
// port again, and the "refused" request then reaches that file's server (a call that should fail
// succeeds there, and the other file's server records a request it never sent). A port below the
// ephemeral range that listen(0) draws from (Linux 32768–60999, macOS 49152–65535) is never given to
// a test's server; no test listens on it by number, and it is checked to refuse before it is used.
import { connect } from "node:net";

const FIRST = 20_000;

export async function refusedPort(): Promise<number> {
  for (let port = FIRST; port < FIRST + 100; port++) if (await refuses(port)) return port;
  throw new Error(`no port from ${FIRST} to ${FIRST + 99} on 127.0.0.1 refuses a connection`);
}

function refuses(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}
