// The HTTP port is taken: one line saying so, instead of EADDRINUSE and a stack. In a module of
// its own so that the command line can name it without loading the server.
export class PortInUseError extends Error {
  constructor(host: string, port: number) {
    super(`port ${port} on ${host} is already in use (another kg serve?); stop that or set PORT to another port`);
    this.name = "PortInUseError";
  }
}
