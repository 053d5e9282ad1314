// The C++ client of docs/grpc.md: sends text files to a running
// `factdiff serve` and prints what the articles disagree on.
//
//   bazel build //tests/grpc:example_client
//   bazel-bin/tests/grpc/example_client 127.0.0.1:50051 a.txt b.txt
//
// Each file is one article (plain UTF-8 text); its id is the file name
// without its directory.
// Exit codes: 0 ok, 1 the call failed, 2 bad usage.
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "grpcpp/grpcpp.h"
#include "proto/service.grpc.pb.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: example_client HOST:PORT FILE...\n";
    return 2;
  }
  factdiff::v1::CompareRequest request;
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::cerr << argv[i] << ": cannot read\n";
      return 2;
    }
    std::stringstream text;
    text << in.rdbuf();
    const std::string path = argv[i];
    factdiff::v1::Document* doc = request.add_documents();
    doc->set_id(path.substr(path.rfind('/') + 1));  // unique per request
    doc->set_text(text.str());
    // Optional, but it lets "on Sunday" resolve to a date:
    // doc->set_published("2025-05-06");
  }
  // request.mutable_config()->set_min_confidence(0.6);  // zeros = defaults

  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(64 << 20);  // reports can exceed 4 MiB
  std::unique_ptr<factdiff::v1::FactDiff::Stub> stub =
      factdiff::v1::FactDiff::NewStub(grpc::CreateCustomChannel(
          argv[1], grpc::InsecureChannelCredentials(), args));

  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(60));
  factdiff::v1::Report report;
  const grpc::Status status = stub->Compare(&context, request, &report);
  if (!status.ok()) {
    std::cerr << "Compare failed: " << status.error_code() << " "
              << status.error_message() << "\n";
    return 1;
  }
  std::cout << report.findings_size() << " findings\n";
  for (const factdiff::v1::Finding& f : report.findings()) {
    std::cout << f.id() << " "
              << factdiff::v1::Finding::Severity_Name(f.severity()) << " "
              << f.summary() << "\n";
  }
  return 0;
}
