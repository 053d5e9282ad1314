// The gRPC service factdiff.v1.FactDiff (proto/service.proto): Compare,
// Extract, AddDocuments and Check over the engine (core/pipeline) and an
// optional corpus store (core/corpus, core/store). `factdiff serve`
// (cli/serve_command.cc) is a thin main around it.
//
//   FactDiffService service(std::move(store), FactDiffServiceOptions());
//   grpc::ServerBuilder builder;
//   builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(),
//                            &port);
//   builder.RegisterService(&service);
//   std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
//
// Clients use the generated stub (proto/service.grpc.pb.h) as for any gRPC
// service. The methods are registered with raw (ByteBuffer) handlers so that
// the service, not gRPC, parses each request: a request that does not parse
// is INVALID_ARGUMENT, and when the cause is a document field that is not
// valid UTF-8 (proto3 strings must be) the message names the document:
//   document "wire-1": text is not valid UTF-8 (offset 7)
//
// Errors (grpc::StatusCode), besides those of the transport:
//   INVALID_ARGUMENT     malformed request, no documents, more than
//                        max_documents, a bad document (message names it),
//                        a bad config, Config.vectors_path set
//   FAILED_PRECONDITION  AddDocuments/Check on a service without a store;
//                        a store written by a newer factdiff
//   DEADLINE_EXCEEDED    the call's deadline passed before the answer was
//                        ready (checked before and after the engine runs)
//   CANCELLED            the client cancelled the call
//   DATA_LOSS            a stored row that no longer parses
//   UNAVAILABLE          the store is busy (another process holds it)
//   INTERNAL             anything else the engine or store reports
#ifndef FACTDIFF_CORE_SERVICE_FACTDIFF_SERVICE_H_
#define FACTDIFF_CORE_SERVICE_FACTDIFF_SERVICE_H_

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "core/store/corpus_store.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/impl/codegen/proto_utils.h"
#include "grpcpp/impl/service_type.h"
#include "proto/service.pb.h"

namespace factdiff {

// The full gRPC name of the service and of its methods' paths
// ("/factdiff.v1.FactDiff/Compare").
inline constexpr char kFactDiffServiceName[] = "factdiff.v1.FactDiff";

struct FactDiffServiceOptions {
  // Most documents one request may carry; more is INVALID_ARGUMENT.
  // Default 1000.
  int max_documents = 1000;
};

// The service. Thread-safe: gRPC calls its methods from many threads at
// once. Compare and Extract run in parallel (the engine is stateless and
// its extractors are immutable); AddDocuments and Check take turns on the
// store, which is not thread-safe, behind one mutex.
class FactDiffService final : public grpc::Service {
 public:
  // `store` may be null: AddDocuments and Check then fail with
  // FAILED_PRECONDITION "the server was started without --corpus". The
  // service owns the store; the service must outlive the grpc::Server it
  // is registered with (destroy the server first).
  FactDiffService(std::unique_ptr<CorpusStore> store,
                  const FactDiffServiceOptions& options);
  ~FactDiffService() override;

  FactDiffService(const FactDiffService&) = delete;
  FactDiffService& operator=(const FactDiffService&) = delete;

  // Calls running in the service's methods now. A server that sees 0 can
  // shut down at once: gRPC's Shutdown(deadline) otherwise waits out its
  // whole grace period for idle client connections to close.
  int active_calls() const { return active_calls_.load(); }

  // The typed methods behind the raw handlers. `context` must not be null.
  grpc::Status Compare(grpc::ServerContext* context,
                       const v1::CompareRequest& request, v1::Report* response);
  grpc::Status Extract(grpc::ServerContext* context,
                       const v1::ExtractRequest& request,
                       v1::ExtractResponse* response);
  grpc::Status AddDocuments(grpc::ServerContext* context,
                            const v1::AddDocumentsRequest& request,
                            v1::AddDocumentsResponse* response);
  grpc::Status Check(grpc::ServerContext* context,
                     const v1::CheckRequest& request, v1::Report* response);

 private:
  // Parses `request` (a serialized Request) or explains why it does not
  // parse, calls `method`, and serializes its response into `response`.
  template <typename Request, typename Response>
  grpc::Status HandleRaw(
      grpc::Status (FactDiffService::*method)(grpc::ServerContext*,
                                               const Request&, Response*),
      grpc::ServerContext* context, const grpc::ByteBuffer& request,
      grpc::ByteBuffer* response);

  // Registers `method` under "/factdiff.v1.FactDiff/<name>".
  template <typename Request, typename Response>
  void AddRawMethod(const char* name,
                    grpc::Status (FactDiffService::*method)(
                        grpc::ServerContext*, const Request&, Response*));

  // The request's documents, checked against max_documents, with the
  // server-side fields (path, text_line) cleared.
  grpc::Status TakeDocuments(
      const google::protobuf::RepeatedPtrField<v1::Document>& in,
      std::vector<v1::Document>* out) const;

  const FactDiffServiceOptions options_;
  std::atomic<int> active_calls_{0};
  // The method paths; RpcServiceMethod keeps pointers to them.
  std::vector<std::unique_ptr<std::string>> method_paths_;
  absl::Mutex store_mu_;
  const std::unique_ptr<CorpusStore> store_ ABSL_PT_GUARDED_BY(store_mu_);
};

// The gRPC status for an engine or store status: the same code (absl and
// gRPC share the numbering), the same message.
grpc::Status ToGrpcStatus(const absl::Status& status);

// Why `bytes` does not parse as a request whose field 1 is `repeated
// Document documents` (every request of the service): InvalidArgument
// naming the document and field when a document's string field is not
// valid UTF-8, else InvalidArgument "malformed <request_type>". Never OK.
absl::Status DiagnoseMalformedRequest(absl::string_view bytes,
                                      absl::string_view request_type);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_SERVICE_FACTDIFF_SERVICE_H_
