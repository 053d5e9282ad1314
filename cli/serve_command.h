// `factdiff serve`: the gRPC service factdiff.v1.FactDiff on a local
// address, until SIGINT or SIGTERM. docs/grpc.md is the user's guide.
//
//   factdiff serve [--address=127.0.0.1:50051] [--corpus=PATH]
//                  [--max_message_mb=64] [--max_documents=1000]
//                  [--threads=8] [--allow_remote]
//
// On start it prints one line to stdout, "factdiff: serving
// factdiff.v1.FactDiff on HOST:PORT" with the port actually bound
// (--address=127.0.0.1:0 picks a free one). The flags are defined in
// serve_command.cc, except --corpus (factdiff_main.cc, shared with add and
// check).
#ifndef FACTDIFF_CLI_SERVE_COMMAND_H_
#define FACTDIFF_CLI_SERVE_COMMAND_H_

namespace factdiff {

// Runs the server with the settings of the command-line flags that
// serve_command.cc defines (--address, --corpus, ...); factdiff_main.cc has
// parsed them already and rejected positional arguments. Returns the
// process exit code: 0 after a clean shutdown on SIGINT/SIGTERM, 2 for bad
// flag values, a store that cannot be opened or an address that cannot be
// bound (with a message on stderr).
int RunServeCommand();

}  // namespace factdiff

#endif  // FACTDIFF_CLI_SERVE_COMMAND_H_
