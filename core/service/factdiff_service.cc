#include "core/service/factdiff_service.h"

#include <chrono>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/base/utf8.h"
#include "core/corpus/corpus.h"
#include "core/pipeline/pipeline.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/wire_format_lite.h"
#include "grpcpp/impl/rpc_service_method.h"
#include "grpcpp/support/method_handler.h"

namespace factdiff {
namespace {

using google::protobuf::io::CodedInputStream;
using google::protobuf::internal::WireFormatLite;

grpc::Status Invalid(const std::string& message) {
  return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, message);
}

// DEADLINE_EXCEEDED or CANCELLED when the call is over on the client's
// side, so that no work starts (or no late answer is sent) for nobody.
grpc::Status CallState(grpc::ServerContext* context) {
  if (context->deadline() <= std::chrono::system_clock::now()) {
    return grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED,
                        "the deadline passed before the answer was ready");
  }
  if (context->IsCancelled()) {
    return grpc::Status(grpc::StatusCode::CANCELLED,
                        "the client cancelled the call");
  }
  return grpc::Status::OK;
}

// A path in a config would make the server read a file of its own choosing
// on a client's behalf.
grpc::Status CheckConfig(const v1::Config& config) {
  if (!config.vectors_path().empty()) {
    return Invalid(
        "config.vectors_path is not accepted over gRPC (the server does not "
        "read files named by clients); use embedder \"tfidf-svd\" or send "
        "vectors with embedder \"client\"");
  }
  return grpc::Status::OK;
}

// Scans one serialized Document for a string field that is not valid UTF-8.
// Returns true and sets *message when it finds one.
bool FindBadUtf8Field(absl::string_view bytes, int index,
                      std::string* message) {
  const google::protobuf::Descriptor* descriptor = v1::Document::descriptor();
  CodedInputStream in(reinterpret_cast<const uint8_t*>(bytes.data()),
                      static_cast<int>(bytes.size()));
  std::string id;
  bool id_valid = false;
  std::string bad_field;
  size_t bad_offset = 0;
  while (true) {
    const uint32_t tag = in.ReadTag();
    if (tag == 0) break;
    const int number = WireFormatLite::GetTagFieldNumber(tag);
    const google::protobuf::FieldDescriptor* field =
        descriptor->FindFieldByNumber(number);
    if (field != nullptr &&
        field->type() == google::protobuf::FieldDescriptor::TYPE_STRING &&
        WireFormatLite::GetTagWireType(tag) ==
            WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
      std::string value;
      if (!WireFormatLite::ReadString(&in, &value)) break;
      size_t offset = 0;
      const bool valid = IsValidUtf8(value, &offset);
      if (number == v1::Document::kIdFieldNumber) {
        id = std::move(value);
        id_valid = valid;
      }
      if (!valid && bad_field.empty()) {
        bad_field = field->name();
        bad_offset = offset;
      }
    } else if (!WireFormatLite::SkipField(&in, tag)) {
      break;
    }
  }
  if (bad_field.empty()) return false;
  const std::string name =
      id_valid && !id.empty()
          ? absl::StrCat("document \"", id, "\"")
          : absl::StrCat("document #", index + 1, " of the request");
  *message = absl::StrFormat("%s: %s is not valid UTF-8 (offset %d)", name,
                             bad_field, bad_offset);
  return true;
}

}  // namespace

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  // absl::StatusCode and grpc::StatusCode both number the canonical codes
  // of google.rpc.Code.
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()),
                      std::string(status.message()));
}

absl::Status DiagnoseMalformedRequest(absl::string_view bytes,
                                      absl::string_view request_type) {
  CodedInputStream in(reinterpret_cast<const uint8_t*>(bytes.data()),
                      static_cast<int>(bytes.size()));
  int index = 0;
  while (true) {
    const uint32_t tag = in.ReadTag();
    if (tag == 0) break;
    if (WireFormatLite::GetTagFieldNumber(tag) == 1 &&
        WireFormatLite::GetTagWireType(tag) ==
            WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
      std::string document;
      if (!WireFormatLite::ReadBytes(&in, &document)) break;
      std::string message;
      if (FindBadUtf8Field(document, index, &message)) {
        return absl::InvalidArgumentError(message);
      }
      ++index;
    } else if (!WireFormatLite::SkipField(&in, tag)) {
      break;
    }
  }
  return absl::InvalidArgumentError(
      absl::StrCat("malformed request: not a valid ", request_type,
                   " protobuf message"));
}

FactDiffService::FactDiffService(std::unique_ptr<CorpusStore> store,
                                 const FactDiffServiceOptions& options)
    : options_(options), store_(std::move(store)) {
  // The order of the methods in proto/service.proto.
  AddRawMethod("Compare", &FactDiffService::Compare);
  AddRawMethod("Extract", &FactDiffService::Extract);
  AddRawMethod("AddDocuments", &FactDiffService::AddDocuments);
  AddRawMethod("Check", &FactDiffService::Check);
}

FactDiffService::~FactDiffService() = default;

template <typename Request, typename Response>
void FactDiffService::AddRawMethod(
    const char* name, grpc::Status (FactDiffService::*method)(
                          grpc::ServerContext*, const Request&, Response*)) {
  method_paths_.push_back(std::make_unique<std::string>(
      absl::StrCat("/", kFactDiffServiceName, "/", name)));
  AddMethod(new grpc::internal::RpcServiceMethod(
      method_paths_.back()->c_str(), grpc::internal::RpcMethod::NORMAL_RPC,
      new grpc::internal::RpcMethodHandler<FactDiffService, grpc::ByteBuffer,
                                           grpc::ByteBuffer>(
          [method](FactDiffService* service, grpc::ServerContext* context,
                   const grpc::ByteBuffer* request,
                   grpc::ByteBuffer* response) {
            return service->HandleRaw(method, context, *request, response);
          },
          this)));
}

template <typename Request, typename Response>
grpc::Status FactDiffService::HandleRaw(
    grpc::Status (FactDiffService::*method)(grpc::ServerContext*,
                                             const Request&, Response*),
    grpc::ServerContext* context, const grpc::ByteBuffer& request,
    grpc::ByteBuffer* response) {
  ++active_calls_;
  struct Done {
    std::atomic<int>* count;
    ~Done() { --*count; }
  } done{&active_calls_};
  std::vector<grpc::Slice> slices;
  grpc::Status status = request.Dump(&slices);
  if (!status.ok()) return status;
  std::string bytes;
  bytes.reserve(request.Length());
  for (const grpc::Slice& slice : slices) {
    bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  Request parsed;
  if (!parsed.ParseFromString(bytes)) {
    return ToGrpcStatus(
        DiagnoseMalformedRequest(bytes, Request::descriptor()->full_name()));
  }
  bytes.clear();
  bytes.shrink_to_fit();

  Response typed;
  status = (this->*method)(context, parsed, &typed);
  if (!status.ok()) return status;
  bool own_buffer = false;
  return grpc::SerializationTraits<Response>::Serialize(typed, response,
                                                        &own_buffer);
}

grpc::Status FactDiffService::TakeDocuments(
    const google::protobuf::RepeatedPtrField<v1::Document>& in,
    std::vector<v1::Document>* out) const {
  if (in.empty()) return Invalid("the request has no documents");
  if (in.size() > options_.max_documents) {
    return Invalid(absl::StrFormat(
        "the request has %d documents, above the server's limit of %d "
        "(--max_documents); send them in smaller batches",
        in.size(), options_.max_documents));
  }
  out->assign(in.begin(), in.end());
  for (v1::Document& doc : *out) {
    // A client's document was not read from a file of the server's.
    doc.clear_path();
    doc.clear_text_line();
  }
  return grpc::Status::OK;
}

grpc::Status FactDiffService::Compare(grpc::ServerContext* context,
                                      const v1::CompareRequest& request,
                                      v1::Report* response) {
  std::vector<v1::Document> documents;
  grpc::Status status = TakeDocuments(request.documents(), &documents);
  if (!status.ok()) return status;
  if (!(status = CheckConfig(request.config())).ok()) return status;
  if (!(status = CallState(context)).ok()) return status;
  absl::StatusOr<v1::Report> report = Analyze(documents, request.config());
  if (!report.ok()) return ToGrpcStatus(report.status());
  if (!(status = CallState(context)).ok()) return status;
  *response = std::move(*report);
  return grpc::Status::OK;
}

grpc::Status FactDiffService::Extract(grpc::ServerContext* context,
                                      const v1::ExtractRequest& request,
                                      v1::ExtractResponse* response) {
  std::vector<v1::Document> documents;
  grpc::Status status = TakeDocuments(request.documents(), &documents);
  if (!status.ok()) return status;
  if (!(status = CallState(context)).ok()) return status;
  absl::StatusOr<std::vector<v1::DocumentExtraction>> extractions =
      factdiff::Extract(documents, v1::Config());
  if (!extractions.ok()) return ToGrpcStatus(extractions.status());
  if (!(status = CallState(context)).ok()) return status;
  for (v1::DocumentExtraction& e : *extractions) {
    *response->add_documents() = std::move(e);
  }
  return grpc::Status::OK;
}

grpc::Status FactDiffService::AddDocuments(
    grpc::ServerContext* context, const v1::AddDocumentsRequest& request,
    v1::AddDocumentsResponse* response) {
  if (store_ == nullptr) {
    return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                        "the server was started without --corpus");
  }
  std::vector<v1::Document> documents;
  grpc::Status status = TakeDocuments(request.documents(), &documents);
  if (!status.ok()) return status;
  absl::MutexLock lock(&store_mu_);
  // Checked after the wait for the store, which may have been long.
  if (!(status = CallState(context)).ok()) return status;
  absl::StatusOr<AddSummary> summary =
      AddToCorpus(*store_, documents, v1::Config());
  if (!summary.ok()) return ToGrpcStatus(summary.status());
  // The documents are stored now; a client that sees DEADLINE_EXCEEDED may
  // send them again and will get them back as `unchanged`.
  if (!(status = CallState(context)).ok()) return status;
  // `added` keeps request order across new and updated ids.
  absl::flat_hash_set<std::string> changed(summary->added.begin(),
                                           summary->added.end());
  changed.insert(summary->updated.begin(), summary->updated.end());
  for (const v1::Document& doc : documents) {
    if (changed.erase(doc.id()) > 0) response->add_added(doc.id());
  }
  for (const std::string& id : summary->unchanged) response->add_unchanged(id);
  return grpc::Status::OK;
}

grpc::Status FactDiffService::Check(grpc::ServerContext* context,
                                    const v1::CheckRequest& request,
                                    v1::Report* response) {
  if (store_ == nullptr) {
    return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                        "the server was started without --corpus");
  }
  std::vector<v1::Document> documents;
  grpc::Status status = TakeDocuments(request.documents(), &documents);
  if (!status.ok()) return status;
  if (!(status = CheckConfig(request.config())).ok()) return status;
  absl::MutexLock lock(&store_mu_);
  if (!(status = CallState(context)).ok()) return status;
  absl::StatusOr<v1::Report> report =
      CheckAgainstCorpus(*store_, documents, request.config());
  if (!report.ok()) return ToGrpcStatus(report.status());
  if (!(status = CallState(context)).ok()) return status;
  *response = std::move(*report);
  return grpc::Status::OK;
}

}  // namespace factdiff
