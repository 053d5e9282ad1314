#include "cli/serve_command.h"

#include <arpa/inet.h>
#include <pthread.h>
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <utility>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "core/service/factdiff_service.h"
#include "core/store/corpus_store.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/resource_quota.h"
#include "grpcpp/security/server_credentials.h"

ABSL_FLAG(std::string, address, "127.0.0.1:50051",
          "serve: HOST:PORT to listen on; port 0 picks a free port. Only "
          "loopback addresses unless --allow_remote.");
ABSL_FLAG(bool, allow_remote, false,
          "serve: allow a non-loopback --address. The server has no TLS and "
          "no authentication: anyone who can reach the port can use it.");
ABSL_FLAG(int, max_message_mb, 64,
          "serve: largest request or response message, in MiB (1-2047).");
ABSL_FLAG(int, max_documents, 1000,
          "serve: most documents in one request.");
ABSL_FLAG(int, threads, 8,
          "serve: most requests handled at once; more get "
          "RESOURCE_EXHAUSTED.");

// Shared with add and check; defined in factdiff_main.cc. serve: without
// it AddDocuments and Check fail with FAILED_PRECONDITION.
ABSL_DECLARE_FLAG(std::string, corpus);

namespace factdiff {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;

// How long a shutdown waits for calls in flight before cancelling them.
constexpr std::chrono::seconds kShutdownGrace(5);

int Fail(const std::string& message) {
  std::cerr << "factdiff serve: " << message << "\n";
  return kExitUsage;
}

// Splits "HOST:PORT" or "[V6]:PORT" into host (brackets kept) and port.
// False when there is no ":PORT".
bool SplitHostPort(absl::string_view address, std::string* host,
                   std::string* port) {
  const size_t colon = address.rfind(':');
  if (colon == absl::string_view::npos) return false;
  const absl::string_view host_part = address.substr(0, colon);
  if (absl::StrContains(host_part, ':') &&
      !(absl::StartsWith(host_part, "[") && absl::EndsWith(host_part, "]"))) {
    return false;  // a bare IPv6 address without brackets
  }
  *host = std::string(host_part);
  *port = std::string(address.substr(colon + 1));
  return true;
}

// Unix sockets and 127.0.0.0/8, ::1, localhost.
bool IsLoopback(absl::string_view address) {
  if (absl::StartsWith(address, "unix:") ||
      absl::StartsWith(address, "unix-abstract:")) {
    return true;
  }
  std::string host, port;
  if (!SplitHostPort(address, &host, &port)) return false;
  if (absl::AsciiStrToLower(host) == "localhost") return true;
  if (host == "[::1]") return true;
  in_addr v4;
  if (inet_pton(AF_INET, host.c_str(), &v4) == 1) {
    return (ntohl(v4.s_addr) >> 24) == 127;
  }
  return false;
}

// The address with its port replaced by the one the server bound.
std::string BoundAddress(absl::string_view address, int port) {
  if (absl::StartsWith(address, "unix")) return std::string(address);
  const size_t colon = address.rfind(':');
  return absl::StrCat(address.substr(0, colon), ":", port);
}

// Blocks SIGINT and SIGTERM in this thread and, by inheritance, in every
// thread started after it (gRPC's), so that only sigwait() sees them; the
// old mask comes back on destruction.
class BlockStopSignals {
 public:
  BlockStopSignals() {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals_, &old_);
  }
  ~BlockStopSignals() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }

  // Waits for SIGINT or SIGTERM and returns it.
  int Wait() const {
    int signal = 0;
    while (sigwait(&signals_, &signal) != 0) {
    }
    return signal;
  }

 private:
  sigset_t signals_;
  sigset_t old_;
};

}  // namespace

int RunServeCommand() {
  // Before anything starts a thread: gRPC's threads inherit the mask.
  BlockStopSignals stop_signals;

  const std::string address = absl::GetFlag(FLAGS_address);
  const std::string corpus = absl::GetFlag(FLAGS_corpus);
  const int max_message_mb = absl::GetFlag(FLAGS_max_message_mb);
  const int max_documents = absl::GetFlag(FLAGS_max_documents);
  const int threads = absl::GetFlag(FLAGS_threads);

  std::string host, port;
  if (!absl::StartsWith(address, "unix") &&
      !SplitHostPort(address, &host, &port)) {
    return Fail(absl::StrCat("--address=", address,
                             " is not HOST:PORT (e.g. 127.0.0.1:50051)"));
  }
  if (!IsLoopback(address) && !absl::GetFlag(FLAGS_allow_remote)) {
    return Fail(absl::StrCat(
        "--address=", address,
        " is not a loopback address; the server has no TLS and no "
        "authentication, so it listens on 127.0.0.1, ::1 or localhost "
        "only. Pass --allow_remote to expose it anyway."));
  }
  if (max_message_mb < 1 || max_message_mb > 2047) {
    return Fail("--max_message_mb must be in 1..2047");
  }
  if (max_documents < 1) return Fail("--max_documents must be at least 1");
  if (threads < 1 || threads > 1024) {
    return Fail("--threads must be in 1..1024");
  }

  std::unique_ptr<CorpusStore> store;
  if (!corpus.empty()) {
    absl::StatusOr<std::unique_ptr<CorpusStore>> opened =
        CorpusStore::Open(corpus, {});
    if (!opened.ok()) return Fail(std::string(opened.status().message()));
    store = std::move(*opened);
  }

  FactDiffServiceOptions options;
  options.max_documents = max_documents;
  // Declared before the server, so destroyed after it.
  FactDiffService service(std::move(store), options);

  grpc::ServerBuilder builder;
  int selected_port = 0;
  builder.AddListeningPort(address, grpc::InsecureServerCredentials(),
                           &selected_port);
  // gRPC sets SO_REUSEPORT by default, which would let a second server bind
  // a port in use and share its calls.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder.RegisterService(&service);
  const int max_bytes = max_message_mb * 1024 * 1024;
  builder.SetMaxReceiveMessageSize(max_bytes);
  builder.SetMaxSendMessageSize(max_bytes);
  // One completion queue, and a thread quota of `threads` plus a few spare
  // threads: one always waits for the next call, and a thread that has sent
  // its answer is still busy for a moment (freeing the request and the
  // response) when that client's next call comes in. Idle threads keep
  // polling (MAX_POLLERS = threads) rather than exit and be created again.
  // A call that finds every thread busy gets RESOURCE_EXHAUSTED ("Server
  // Threadpool Exhausted").
  constexpr int kSpareThreads = 4;
  grpc::ResourceQuota quota("factdiff-serve");
  quota.SetMaxThreads(threads + kSpareThreads);
  builder.SetResourceQuota(quota);
  builder.SetSyncServerOption(grpc::ServerBuilder::NUM_CQS, 1);
  builder.SetSyncServerOption(grpc::ServerBuilder::MIN_POLLERS, 1);
  builder.SetSyncServerOption(grpc::ServerBuilder::MAX_POLLERS, threads);

  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || (selected_port == 0 &&
                            !absl::StartsWith(address, "unix"))) {
    return Fail(absl::StrCat("cannot listen on ", address,
                             " (in use, or not an address of this host)"));
  }
  std::printf("factdiff: serving %s on %s\n", kFactDiffServiceName,
              BoundAddress(address, selected_port).c_str());
  std::fflush(stdout);

  const int signal = stop_signals.Wait();
  std::cerr << "factdiff serve: " << (signal == SIGINT ? "SIGINT" : "SIGTERM")
            << ", shutting down\n";
  // Calls in flight get kShutdownGrace to finish; an idle server stops at
  // once (waiting would only wait for idle clients to hang up).
  server->Shutdown(std::chrono::system_clock::now() +
                   (service.active_calls() > 0 ? kShutdownGrace
                                               : std::chrono::seconds(0)));
  server->Wait();
  return kExitOk;
}

}  // namespace factdiff
