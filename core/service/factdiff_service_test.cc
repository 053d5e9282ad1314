#include "core/service/factdiff_service.h"

#include <condition_variable>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "core/base/status_matchers.h"
#include "gmock/gmock.h"
#include "grpcpp/generic/generic_stub.h"
#include "gtest/gtest.h"
#include "proto/service.grpc.pb.h"

namespace factdiff {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

v1::Document Doc(const std::string& id, const std::string& published,
                 const std::string& text) {
  v1::Document d;
  d.set_id(id);
  d.set_published(published);
  d.set_text(text);
  return d;
}

// Two reports of one flood that disagree on the toll.
v1::Document FloodA() {
  return Doc("valley-post", "2025-05-06",
             "Flash floods swept through the Orlen valley on Tuesday, killing "
             "12 people, the regional emergency service said.\n\nRescuers "
             "searched for the missing through the night.\n");
}
v1::Document FloodB() {
  return Doc("river-times", "2025-05-06",
             "Flash floods swept through the Orlen valley on Tuesday, killing "
             "19 people, the regional emergency service said.\n\nSchools in "
             "the valley were closed.\n");
}

// An in-process server around one FactDiffService.
class ServiceTest : public ::testing::Test {
 protected:
  void Start(std::unique_ptr<CorpusStore> store,
             FactDiffServiceOptions options = {}) {
    service_ = std::make_unique<FactDiffService>(std::move(store), options);
    grpc::ServerBuilder builder;
    builder.RegisterService(service_.get());
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    channel_ = server_->InProcessChannel(grpc::ChannelArguments());
    stub_ = v1::FactDiff::NewStub(channel_);
  }

  void TearDown() override {
    if (server_ != nullptr) server_->Shutdown();
  }

  std::unique_ptr<CorpusStore> OpenStore(const std::string& name) {
    const char* dir = std::getenv("TEST_TMPDIR");
    auto store = CorpusStore::Open(
        absl::StrCat(dir != nullptr ? dir : "/tmp", "/", name, ".db"), {});
    EXPECT_OK(store.status());
    return store.ok() ? std::move(*store) : nullptr;
  }

  std::unique_ptr<FactDiffService> service_;
  std::unique_ptr<grpc::Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::FactDiff::Stub> stub_;
};

TEST(ToGrpcStatus, KeepsCodeAndMessage) {
  EXPECT_TRUE(ToGrpcStatus(absl::OkStatus()).ok());
  const grpc::Status s =
      ToGrpcStatus(absl::InvalidArgumentError("document \"a\": empty"));
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(), "document \"a\": empty");
  EXPECT_EQ(ToGrpcStatus(absl::NotFoundError("x")).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(ToGrpcStatus(absl::FailedPreconditionError("x")).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ToGrpcStatus(absl::DataLossError("x")).error_code(),
            grpc::StatusCode::DATA_LOSS);
  EXPECT_EQ(ToGrpcStatus(absl::UnavailableError("x")).error_code(),
            grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(ToGrpcStatus(absl::DeadlineExceededError("x")).error_code(),
            grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_EQ(ToGrpcStatus(absl::InternalError("x")).error_code(),
            grpc::StatusCode::INTERNAL);
}

// A request whose document text is Latin-1, not UTF-8: "café" with 0xe9.
std::string RequestWithLatin1Text() {
  v1::CompareRequest request;
  *request.add_documents() = FloodA();
  v1::Document* bad = request.add_documents();
  bad->set_id("latin1-doc");
  bad->set_text("Caf\xe9 owners said 3 shops closed.");
  std::string bytes;
  // Serializing only logs about the bad string; the bytes go out as given.
  request.SerializeToString(&bytes);
  return bytes;
}

TEST(DiagnoseMalformedRequest, NamesTheDocumentWithBadUtf8) {
  EXPECT_THAT(
      DiagnoseMalformedRequest(RequestWithLatin1Text(), "CompareRequest"),
      StatusIsWithMessage(absl::StatusCode::kInvalidArgument,
                          "document \"latin1-doc\": text is not valid UTF-8 "
                          "(offset 3)"));
}

TEST(DiagnoseMalformedRequest, BadIdIsNamedByPosition) {
  v1::ExtractRequest request;
  request.add_documents()->set_id("ok");
  request.add_documents()->set_id("\xff\xfe");
  std::string bytes;
  request.SerializeToString(&bytes);
  EXPECT_THAT(DiagnoseMalformedRequest(bytes, "ExtractRequest"),
              StatusIsWithMessage(absl::StatusCode::kInvalidArgument,
                                  "document #2 of the request: id is not "
                                  "valid UTF-8 (offset 0)"));
}

TEST(DiagnoseMalformedRequest, GarbageIsMalformed) {
  EXPECT_THAT(
      DiagnoseMalformedRequest("\xff\xff\xff\xff garbage", "CheckRequest"),
      StatusIsWithMessage(absl::StatusCode::kInvalidArgument,
                          "malformed request: not a valid CheckRequest"));
  // A truncated document (length prefix longer than the rest).
  EXPECT_THAT(DiagnoseMalformedRequest(std::string("\x0a\x10\x0a\x01x", 5),
                                       "CompareRequest"),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_F(ServiceTest, CompareFindsTheTollMismatch) {
  Start(nullptr);
  v1::CompareRequest request;
  *request.add_documents() = FloodA();
  *request.add_documents() = FloodB();
  v1::Report report;
  grpc::ClientContext context;
  const grpc::Status status = stub_->Compare(&context, request, &report);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(report.documents_size(), 2);
  ASSERT_GE(report.findings_size(), 1);
  EXPECT_EQ(report.findings(0).kind(), v1::Finding::NUMERIC_MISMATCH);
  EXPECT_THAT(report.findings(0).summary(), HasSubstr("12"));
  EXPECT_THAT(report.findings(0).summary(), HasSubstr("19"));
  // Spans point into the texts the client sent.
  for (const v1::Claim& claim : report.findings(0).claims()) {
    const std::string text = claim.document_id() == "valley-post"
                                 ? FloodA().text()
                                 : FloodB().text();
    EXPECT_EQ(text.substr(claim.span().begin(),
                          claim.span().end() - claim.span().begin()),
              claim.text());
  }
}

TEST_F(ServiceTest, ClientPathsAreIgnored) {
  Start(nullptr);
  v1::CompareRequest request;
  *request.add_documents() = FloodA();
  *request.add_documents() = FloodB();
  request.mutable_documents(0)->set_path("/etc/passwd");
  request.mutable_documents(0)->set_text_line(40);
  v1::Report report;
  grpc::ClientContext context;
  ASSERT_TRUE(stub_->Compare(&context, request, &report).ok());
  for (const v1::Document& d : report.documents()) EXPECT_EQ(d.path(), "");
}

TEST_F(ServiceTest, ExtractReturnsOneEntryPerDocument) {
  Start(nullptr);
  v1::ExtractRequest request;
  *request.add_documents() = FloodA();
  *request.add_documents() = FloodB();
  v1::ExtractResponse response;
  grpc::ClientContext context;
  const grpc::Status status = stub_->Extract(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(response.documents_size(), 2);
}

TEST_F(ServiceTest, BadRequestsAreInvalidArgument) {
  FactDiffServiceOptions options;
  options.max_documents = 2;
  Start(nullptr, options);
  {
    v1::CompareRequest empty;
    v1::Report report;
    grpc::ClientContext context;
    const grpc::Status s = stub_->Compare(&context, empty, &report);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(s.error_message(), HasSubstr("no documents"));
  }
  {
    v1::ExtractRequest three;
    for (int i = 0; i < 3; ++i) {
      *three.add_documents() = FloodA();
      three.mutable_documents(i)->set_id(absl::StrCat("d", i));
    }
    v1::ExtractResponse response;
    grpc::ClientContext context;
    const grpc::Status s = stub_->Extract(&context, three, &response);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(s.error_message(), HasSubstr("limit of 2"));
  }
  {
    v1::CompareRequest blank;
    *blank.add_documents() = FloodA();
    *blank.add_documents() = Doc("blank-one", "", "  \n ");
    v1::Report report;
    grpc::ClientContext context;
    const grpc::Status s = stub_->Compare(&context, blank, &report);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(s.error_message(), HasSubstr("\"blank-one\""));
  }
  {
    v1::CompareRequest with_path;
    *with_path.add_documents() = FloodA();
    with_path.mutable_config()->set_embedder("word-vectors");
    with_path.mutable_config()->set_vectors_path("/etc/hostname");
    v1::Report report;
    grpc::ClientContext context;
    const grpc::Status s = stub_->Compare(&context, with_path, &report);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(s.error_message(), HasSubstr("vectors_path"));
  }
}

TEST_F(ServiceTest, RawBytesAreParsedByTheService) {
  Start(nullptr);
  grpc::GenericStub generic(channel_);
  auto call = [&](const std::string& bytes) {
    grpc::Slice slice(bytes);
    grpc::ByteBuffer request(&slice, 1);
    grpc::ByteBuffer response;
    grpc::ClientContext context;
    grpc::Status result;
    bool done = false;
    std::mutex mu;
    std::condition_variable cv;
    generic.UnaryCall(&context, "/factdiff.v1.FactDiff/Compare",
                      grpc::StubOptions(), &request, &response,
                      [&](grpc::Status s) {
                        std::lock_guard<std::mutex> lock(mu);
                        result = std::move(s);
                        done = true;
                        cv.notify_one();
                      });
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return done; });
    return result;
  };
  grpc::Status s = call(RequestWithLatin1Text());
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(),
              HasSubstr("document \"latin1-doc\": text is not valid UTF-8"));
  s = call("\x0a\xff\xff\xff\xff\x0f not a request");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("malformed request"));
}

TEST_F(ServiceTest, CorpusMethodsNeedAStore) {
  Start(nullptr);
  v1::CheckRequest request;
  *request.add_documents() = FloodA();
  v1::Report report;
  grpc::ClientContext context;
  const grpc::Status s = stub_->Check(&context, request, &report);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(s.error_message(), "the server was started without --corpus");
  v1::AddDocumentsRequest add;
  *add.add_documents() = FloodA();
  v1::AddDocumentsResponse added;
  grpc::ClientContext context2;
  EXPECT_EQ(stub_->AddDocuments(&context2, add, &added).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
}

TEST_F(ServiceTest, AddThenCheck) {
  Start(OpenStore("add_then_check"));
  v1::AddDocumentsRequest add;
  *add.add_documents() = FloodA();
  {
    v1::AddDocumentsResponse response;
    grpc::ClientContext context;
    const grpc::Status s = stub_->AddDocuments(&context, add, &response);
    ASSERT_TRUE(s.ok()) << s.error_message();
    EXPECT_THAT(response.added(), ElementsAre("valley-post"));
    EXPECT_THAT(response.unchanged(), IsEmpty());
  }
  {
    v1::AddDocumentsResponse response;
    grpc::ClientContext context;
    ASSERT_TRUE(stub_->AddDocuments(&context, add, &response).ok());
    EXPECT_THAT(response.added(), IsEmpty());
    EXPECT_THAT(response.unchanged(), ElementsAre("valley-post"));
  }
  v1::CheckRequest check;
  *check.add_documents() = FloodB();
  v1::Report report;
  grpc::ClientContext context;
  const grpc::Status s = stub_->Check(&context, check, &report);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_GE(report.findings_size(), 1);
  for (const v1::Finding& f : report.findings()) {
    bool involves_new = false;
    for (const v1::Claim& c : f.claims()) {
      involves_new |= c.document_id() == "river-times";
    }
    EXPECT_TRUE(involves_new) << f.summary();
  }
}

}  // namespace
}  // namespace factdiff
