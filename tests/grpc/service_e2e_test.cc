// End to end: starts the real `factdiff serve` binary, as a user would, and
// talks to it with the generated C++ client (proto/service.grpc.pb.h).
// Each test gets its own server process and corpus file; TearDown stops the
// server with SIGTERM and expects exit status 0.
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "proto/service.grpc.pb.h"
#include "proto/service.pb.h"

namespace factdiff {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// Generous: a loaded CI machine may be slow to start a process.
constexpr int kStartTimeoutMs = 60000;
constexpr int kStopTimeoutMs = 30000;
constexpr char kServingPrefix[] = "factdiff: serving factdiff.v1.FactDiff on ";

std::string Runfile(const std::string& path) {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  return std::string(srcdir != nullptr ? srcdir : ".") + "/" +
         (workspace != nullptr ? workspace : "factdiff") + "/" + path;
}

std::string TempPath(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return std::string(dir != nullptr ? dir : "/tmp") + "/" + name;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A client's minimal reading of an example article: "key: value" front
// matter between "---" lines, the rest is the text. The id is the file
// stem, as the CLI makes it.
v1::Document ReadArticle(const std::string& path) {
  v1::Document doc;
  std::string stem = path.substr(path.rfind('/') + 1);
  doc.set_id(stem.substr(0, stem.rfind('.')));
  const std::string bytes = ReadFile(path);
  size_t pos = 0;
  auto next_line = [&]() {
    size_t end = bytes.find('\n', pos);
    if (end == std::string::npos) end = bytes.size();
    std::string line = bytes.substr(pos, end - pos);
    pos = std::min(bytes.size(), end + 1);
    return line;
  };
  if (next_line() == "---") {
    for (std::string line = next_line(); line != "---" && pos < bytes.size();
         line = next_line()) {
      const size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      const std::string key = line.substr(0, colon);
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      if (key == "title") doc.set_title(value);
      if (key == "source") doc.set_source(value);
      if (key == "published") doc.set_published(value);
      if (key == "url") doc.set_url(value);
    }
  } else {
    pos = 0;
  }
  doc.set_text(bytes.substr(pos));
  return doc;
}

// The example articles of one set ("earthquake"), sorted by file name.
std::vector<std::string> ExampleFiles(const std::string& set) {
  const std::string dir = Runfile("examples/" + set);
  std::vector<std::string> files;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      const std::string name = e->d_name;
      if (name.size() > 3 && name.substr(name.size() - 3) == ".md") {
        files.push_back(dir + "/" + name);
      }
    }
    closedir(d);
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<v1::Document> ExampleSet(const std::string& set) {
  std::vector<v1::Document> docs;
  for (const std::string& f : ExampleFiles(set)) docs.push_back(ReadArticle(f));
  return docs;
}

// Runs a command to completion (killed after a generous timeout); returns
// its exit code (-1 when it did not exit) and its stdout and stderr.
int RunCommand(const std::vector<std::string>& args, std::string* out,
               std::string* err) {
  const std::string out_path = TempPath("cmd.out");
  const std::string err_path = TempPath("cmd.err");
  const pid_t pid = fork();
  if (pid == 0) {
    const int o = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int e = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(o, STDOUT_FILENO);
    dup2(e, STDERR_FILENO);
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  for (int waited = 0; waitpid(pid, &status, WNOHANG) == 0; waited += 10) {
    if (waited > kStopTimeoutMs) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  *out = ReadFile(out_path);
  *err = ReadFile(err_path);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// One `factdiff serve` process.
class ServerProcess {
 public:
  // Starts `factdiff serve` with `flags` and reads the address it serves on.
  // Returns false (with *error set) when it exits or stays silent.
  bool Start(const std::vector<std::string>& flags, std::string* error) {
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) return false;
    std::vector<std::string> args = {Runfile("cli/factdiff"), "serve"};
    args.insert(args.end(), flags.begin(), flags.end());
    pid_ = fork();
    if (pid_ == 0) {
      dup2(pipe_fds[1], STDOUT_FILENO);
      close(pipe_fds[0]);
      close(pipe_fds[1]);
      sigset_t none;
      sigemptyset(&none);
      sigprocmask(SIG_SETMASK, &none, nullptr);
      std::vector<char*> argv;
      for (const std::string& a : args) {
        argv.push_back(const_cast<char*>(a.c_str()));
      }
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(pipe_fds[1]);
    stdout_fd_ = pipe_fds[0];
    std::string line;
    const auto give_up = std::chrono::steady_clock::now() +
                         std::chrono::milliseconds(kStartTimeoutMs);
    while (line.find('\n') == std::string::npos) {
      pollfd p = {stdout_fd_, POLLIN, 0};
      const int ms = static_cast<int>(
          std::chrono::duration_cast<std::chrono::milliseconds>(
              give_up - std::chrono::steady_clock::now())
              .count());
      if (ms <= 0 || poll(&p, 1, ms) <= 0) {
        *error = "no serving line within the timeout: " + line;
        return false;
      }
      char buffer[256];
      const ssize_t n = read(stdout_fd_, buffer, sizeof(buffer));
      if (n <= 0) {
        *error = "the server exited before serving: " + line;
        return false;
      }
      line.append(buffer, n);
    }
    line.resize(line.find('\n'));
    if (line.rfind(kServingPrefix, 0) != 0) {
      *error = "unexpected first line: " + line;
      return false;
    }
    address_ = line.substr(sizeof(kServingPrefix) - 1);
    return true;
  }

  // Sends `signal` and returns the exit status (-1 when killed or hung).
  int Stop(int signal = SIGTERM) {
    if (pid_ <= 0) return -1;
    kill(pid_, signal);
    int status = 0;
    int result = -1;
    for (int waited = 0;; waited += 10) {
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        result = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        break;
      }
      if (waited > kStopTimeoutMs) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    pid_ = -1;
    close(stdout_fd_);
    return result;
  }

  ~ServerProcess() {
    if (pid_ > 0) Stop();
  }

  const std::string& address() const { return address_; }

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::string address_;
};

std::shared_ptr<grpc::Channel> Connect(const std::string& address) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(-1);  // reports can exceed the 4 MiB default
  auto channel = grpc::CreateCustomChannel(
      address, grpc::InsecureChannelCredentials(), args);
  channel->WaitForConnected(std::chrono::system_clock::now() +
                            std::chrono::seconds(30));
  return channel;
}

// What a finding says, independent of ids and offsets.
std::string FindingKey(const v1::Finding& f) {
  std::string key = v1::Finding::Kind_Name(f.kind()) + " | " + f.summary();
  for (const v1::Claim& c : f.claims()) key += " | " + c.document_id();
  return key;
}

std::vector<std::string> FindingKeys(const v1::Report& report) {
  std::vector<std::string> keys;
  for (const v1::Finding& f : report.findings()) keys.push_back(FindingKey(f));
  return keys;
}

// A server with a fresh corpus per test, and a client for it.
class ServiceE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string name =
        ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::string error;
    ASSERT_TRUE(server_.Start({"--address=127.0.0.1:0",
                               "--corpus=" + TempPath(name + ".db")},
                              &error))
        << error;
    channel_ = Connect(server_.address());
    stub_ = v1::FactDiff::NewStub(channel_);
  }

  void TearDown() override { EXPECT_EQ(server_.Stop(), 0); }

  grpc::Status Compare(const std::vector<v1::Document>& docs,
                       v1::Report* report) {
    v1::CompareRequest request;
    for (const v1::Document& d : docs) *request.add_documents() = d;
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(120));
    return stub_->Compare(&context, request, report);
  }

  grpc::Status Add(const std::vector<v1::Document>& docs,
                   v1::AddDocumentsResponse* response) {
    v1::AddDocumentsRequest request;
    for (const v1::Document& d : docs) *request.add_documents() = d;
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(120));
    return stub_->AddDocuments(&context, request, response);
  }

  grpc::Status Check(const std::vector<v1::Document>& docs,
                     v1::Report* report) {
    v1::CheckRequest request;
    for (const v1::Document& d : docs) *request.add_documents() = d;
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(120));
    return stub_->Check(&context, request, report);
  }

  ServerProcess server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::FactDiff::Stub> stub_;
};

TEST_F(ServiceE2eTest, CompareGivesTheFindingsOfTheCli) {
  int total = 0;
  for (const std::string set : {"earthquake", "protest", "border-clashes"}) {
    SCOPED_TRACE(set);
    std::vector<std::string> args = {Runfile("cli/factdiff"), "compare",
                                     "--format=json"};
    const std::vector<std::string> files = ExampleFiles(set);
    ASSERT_FALSE(files.empty());
    args.insert(args.end(), files.begin(), files.end());
    std::string out, err;
    ASSERT_EQ(RunCommand(args, &out, &err), 0) << err;
    v1::Report cli;
    google::protobuf::util::JsonParseOptions json;
    json.ignore_unknown_fields = true;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(out, &cli, json).ok());

    v1::Report served;
    const grpc::Status status = Compare(ExampleSet(set), &served);
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_THAT(FindingKeys(served), ElementsAreArray(FindingKeys(cli)));
    EXPECT_EQ(served.documents_size(), static_cast<int>(files.size()));
    total += served.findings_size();
  }
  EXPECT_GT(total, 0);  // the examples are there to disagree
}

TEST_F(ServiceE2eTest, ExtractGivesTheFiguresOfTheCli) {
  const std::vector<std::string> files = ExampleFiles("earthquake");
  std::vector<std::string> args = {Runfile("cli/factdiff"), "extract",
                                   "--format=json"};
  args.insert(args.end(), files.begin(), files.end());
  std::string out, err;
  ASSERT_EQ(RunCommand(args, &out, &err), 0) << err;
  v1::ExtractResponse cli;
  google::protobuf::util::JsonParseOptions json;
  json.ignore_unknown_fields = true;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(out, &cli, json).ok());

  v1::ExtractRequest request;
  for (const v1::Document& d : ExampleSet("earthquake")) {
    *request.add_documents() = d;
  }
  v1::ExtractResponse served;
  grpc::ClientContext context;
  const grpc::Status status = stub_->Extract(&context, request, &served);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(served.documents_size(), cli.documents_size());
  int quantities = 0;
  for (int i = 0; i < served.documents_size(); ++i) {
    const v1::DocumentExtraction& s = served.documents(i);
    const v1::DocumentExtraction& c = cli.documents(i);
    EXPECT_EQ(s.document().id(), c.document().id());
    EXPECT_EQ(s.document().path(), "");  // a client's document has no path
    ASSERT_EQ(s.statements_size(), c.statements_size());
    const std::string& text = request.documents(i).text();
    for (int k = 0; k < s.statements_size(); ++k) {
      const v1::Statement& st = s.statements(k);
      EXPECT_EQ(st.text(), c.statements(k).text());
      EXPECT_EQ(text.substr(st.span().begin(),
                            st.span().end() - st.span().begin()),
                st.text());
      ASSERT_EQ(st.quantities_size(), c.statements(k).quantities_size());
      for (int q = 0; q < st.quantities_size(); ++q) {
        EXPECT_EQ(st.quantities(q).text(), c.statements(k).quantities(q).text());
        EXPECT_EQ(st.quantities(q).low(), c.statements(k).quantities(q).low());
        ++quantities;
      }
    }
  }
  EXPECT_GT(quantities, 0);
}

TEST_F(ServiceE2eTest, AddDocumentsReportsAddedAndUnchanged) {
  std::vector<v1::Document> docs = ExampleSet("earthquake");
  ASSERT_EQ(docs.size(), 3u);
  v1::AddDocumentsResponse response;
  grpc::Status status = Add({docs[0], docs[1]}, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_THAT(response.added(), ElementsAre(docs[0].id(), docs[1].id()));
  EXPECT_THAT(response.unchanged(), IsEmpty());

  response.Clear();
  ASSERT_TRUE(Add({docs[0], docs[1]}, &response).ok());
  EXPECT_THAT(response.added(), IsEmpty());
  EXPECT_THAT(response.unchanged(), ElementsAre(docs[0].id(), docs[1].id()));

  // An edited article (updated), a new one (added) and an old one as it was.
  v1::Document edited = docs[1];
  edited.set_text(edited.text() + "\nThe road to the valley reopened on "
                                  "Monday afternoon.\n");
  response.Clear();
  status = Add({edited, docs[2], docs[0]}, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_THAT(response.added(), ElementsAre(docs[1].id(), docs[2].id()));
  EXPECT_THAT(response.unchanged(), ElementsAre(docs[0].id()));
}

// The stored articles and the one a check is about, chosen as the article of
// the set that the most findings of a plain Compare involve.
struct CheckSetup {
  std::vector<v1::Document> stored;
  v1::Document fresh;
};

CheckSetup SplitForCheck(const std::vector<v1::Document>& docs,
                         const v1::Report& compared) {
  std::map<std::string, int> involved;
  for (const v1::Finding& f : compared.findings()) {
    std::set<std::string> ids;
    for (const v1::Claim& c : f.claims()) ids.insert(c.document_id());
    for (const std::string& id : ids) ++involved[id];
  }
  CheckSetup setup;
  std::string best;
  for (const auto& [id, n] : involved) {
    if (best.empty() || n > involved[best]) best = id;
  }
  for (const v1::Document& d : docs) {
    if (d.id() == best) {
      setup.fresh = d;
    } else {
      setup.stored.push_back(d);
    }
  }
  return setup;
}

bool Involves(const v1::Finding& f, const std::string& id) {
  for (const v1::Claim& c : f.claims()) {
    if (c.document_id() == id) return true;
  }
  return false;
}

TEST_F(ServiceE2eTest, CheckReturnsOnlyFindingsOfTheNewArticle) {
  const std::vector<v1::Document> docs = ExampleSet("earthquake");
  v1::Report compared;
  ASSERT_TRUE(Compare(docs, &compared).ok());
  const CheckSetup setup = SplitForCheck(docs, compared);
  ASSERT_FALSE(setup.fresh.id().empty());
  v1::AddDocumentsResponse added;
  ASSERT_TRUE(Add(setup.stored, &added).ok());

  v1::Report report;
  const grpc::Status status = Check({setup.fresh}, &report);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_GT(report.findings_size(), 0);
  for (const v1::Finding& f : report.findings()) {
    EXPECT_TRUE(Involves(f, setup.fresh.id())) << f.summary();
  }
  // Checking writes nothing: the new article is not stored.
  v1::AddDocumentsResponse again;
  ASSERT_TRUE(Add({setup.fresh}, &again).ok());
  EXPECT_THAT(again.added(), ElementsAre(setup.fresh.id()));
}

TEST_F(ServiceE2eTest, ConcurrentClientsGetConsistentAnswers) {
  const std::vector<v1::Document> quake = ExampleSet("earthquake");
  const std::vector<v1::Document> protest = ExampleSet("protest");
  v1::Report compared;
  ASSERT_TRUE(Compare(quake, &compared).ok());
  const CheckSetup setup = SplitForCheck(quake, compared);
  v1::AddDocumentsResponse added;
  ASSERT_TRUE(Add(setup.stored, &added).ok());
  v1::Report protest_report, checked;
  ASSERT_TRUE(Compare(protest, &protest_report).ok());
  ASSERT_TRUE(Check({setup.fresh}, &checked).ok());
  const std::vector<std::string> want_compare = FindingKeys(protest_report);
  const std::vector<std::string> want_check = FindingKeys(checked);

  constexpr int kThreads = 8;
  constexpr int kRounds = 3;
  std::atomic<int> failures{0};
  std::vector<std::string> errors(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Each thread has its own channel: separate connections, as separate
      // client processes would have.
      auto stub = v1::FactDiff::NewStub(Connect(server_.address()));
      for (int round = 0; round < kRounds; ++round) {
        const int which = (t + round) % 3;
        grpc::ClientContext context;
        context.set_deadline(std::chrono::system_clock::now() +
                             std::chrono::seconds(300));
        grpc::Status status;
        bool consistent = true;
        if (which == 0) {
          v1::CompareRequest request;
          for (const v1::Document& d : protest) *request.add_documents() = d;
          v1::Report report;
          status = stub->Compare(&context, request, &report);
          consistent = FindingKeys(report) == want_compare;
        } else if (which == 1) {
          v1::CheckRequest request;
          *request.add_documents() = setup.fresh;
          v1::Report report;
          status = stub->Check(&context, request, &report);
          consistent = FindingKeys(report) == want_check;
        } else {
          v1::AddDocumentsRequest request;
          for (const v1::Document& d : setup.stored) {
            *request.add_documents() = d;
          }
          v1::AddDocumentsResponse response;
          status = stub->AddDocuments(&context, request, &response);
          consistent = response.added_size() == 0 &&
                       response.unchanged_size() ==
                           static_cast<int>(setup.stored.size());
        }
        if (!status.ok() || !consistent) {
          ++failures;
          errors[t] += "thread " + std::to_string(t) + " call " +
                       std::to_string(which) + ": " +
                       std::to_string(status.error_code()) + " " +
                       status.error_message() +
                       (consistent ? "" : " (inconsistent answer)") + "\n";
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  std::string all;
  for (const std::string& e : errors) all += e;
  EXPECT_EQ(failures.load(), 0) << all;
}

// Sends `bytes` as the request of `method` without any client-side
// serialization, as a buggy or hostile client could.
grpc::Status RawCall(const std::shared_ptr<grpc::Channel>& channel,
                     const std::string& method, const std::string& bytes) {
  grpc::GenericStub generic(channel);
  grpc::Slice slice(bytes);
  grpc::ByteBuffer request(&slice, 1);
  grpc::ByteBuffer response;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(60));
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  grpc::Status result;
  generic.UnaryCall(&context, method, grpc::StubOptions(), &request, &response,
                    [&](grpc::Status s) {
                      std::lock_guard<std::mutex> lock(mu);
                      result = std::move(s);
                      done = true;
                      cv.notify_one();
                    });
  std::unique_lock<std::mutex> lock(mu);
  cv.wait(lock, [&] { return done; });
  return result;
}

TEST_F(ServiceE2eTest, GarbageBytesAreRejectedAndTheServerStaysUp) {
  for (const std::string method :
       {"/factdiff.v1.FactDiff/Compare", "/factdiff.v1.FactDiff/Check",
        "/factdiff.v1.FactDiff/AddDocuments"}) {
    const grpc::Status status =
        RawCall(channel_, method, std::string("\x0a\xff\xff\xff\xff\x0f\x00junk", 12));
    EXPECT_THAT(status.error_code(),
                ::testing::AnyOf(grpc::StatusCode::INVALID_ARGUMENT,
                                 grpc::StatusCode::INTERNAL))
        << method << ": " << status.error_message();
  }
  v1::Report report;
  const grpc::Status status = Compare(ExampleSet("earthquake"), &report);
  EXPECT_TRUE(status.ok()) << status.error_message();
  EXPECT_GT(report.findings_size(), 0);
}

TEST_F(ServiceE2eTest, BadDocumentsAreNamed) {
  v1::Document good = ExampleSet("earthquake")[0];
  v1::Document empty;
  empty.set_id("empty-draft");
  empty.set_text(" \n\t\n");
  v1::Report report;
  grpc::Status status = Compare({good, empty}, &report);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("\"empty-draft\""));

  // "Zürich" in Latin-1: the ü is byte 0xfc. The C++ client only logs
  // about it and sends the bytes; the server names the document.
  v1::Document latin1;
  latin1.set_id("latin1-wire");
  latin1.set_text("Z\xfcrich police said 40 people were detained.");
  status = Compare({good, latin1}, &report);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(),
              HasSubstr("document \"latin1-wire\": text is not valid UTF-8"));

  v1::AddDocumentsResponse added;
  status = Add({latin1}, &added);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("\"latin1-wire\""));

  // No documents at all.
  status = Check({}, &report);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

// A big Compare: the example articles many times over, under distinct ids.
std::vector<v1::Document> ManyArticles(int copies) {
  std::vector<v1::Document> docs;
  for (const std::string set : {"earthquake", "protest", "border-clashes"}) {
    for (const v1::Document& d : ExampleSet(set)) {
      for (int i = 0; i < copies; ++i) {
        docs.push_back(d);
        docs.back().set_id(d.id() + "-" + std::to_string(i));
      }
    }
  }
  return docs;
}

TEST_F(ServiceE2eTest, TinyDeadlineIsDeadlineExceeded) {
  v1::CompareRequest request;
  for (const v1::Document& d : ManyArticles(40)) *request.add_documents() = d;
  v1::Report report;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::milliseconds(1));
  const grpc::Status status = stub_->Compare(&context, request, &report);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED)
      << status.error_message();
  // The server is still there for the next client.
  v1::Report next;
  EXPECT_TRUE(Compare(ExampleSet("protest"), &next).ok());
}

// The client that docs/grpc.md shows, on two plain-text articles.
TEST_F(ServiceE2eTest, ExampleClientOfTheDocsWorks) {
  const std::string a = TempPath("harbor-news.txt");
  const std::string b = TempPath("coast-daily.txt");
  std::ofstream(a) << "A ferry capsized off the northern harbor on Friday, "
                      "killing 14 passengers, the coast guard said.\n";
  std::ofstream(b) << "A ferry capsized off the northern harbor on Friday, "
                      "killing 21 passengers, the coast guard said.\n";
  std::string out, err;
  ASSERT_EQ(RunCommand({Runfile("tests/grpc/example_client"), server_.address(),
                        a, b},
                       &out, &err),
            0)
      << err;
  EXPECT_THAT(out, HasSubstr("1 findings"));
  EXPECT_THAT(out, HasSubstr("14"));
  EXPECT_THAT(out, HasSubstr("21"));
}

TEST(ServeFlagsTest, MessagesOverMaxMessageMbAreResourceExhausted) {
  ServerProcess server;
  std::string error;
  ASSERT_TRUE(server.Start({"--address=127.0.0.1:0", "--max_message_mb=1"},
                           &error))
      << error;
  auto stub = v1::FactDiff::NewStub(Connect(server.address()));
  v1::Document big = ExampleSet("earthquake")[0];
  const std::string paragraph = big.text();
  while (big.text().size() < 1536 * 1024) big.mutable_text()->append(paragraph);
  v1::CompareRequest request;
  *request.add_documents() = big;
  v1::Report report;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(60));
  const grpc::Status status = stub->Compare(&context, request, &report);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
      << status.error_message();
  // Under the limit it answers.
  request.mutable_documents(0)->set_text(paragraph);
  grpc::ClientContext context2;
  EXPECT_TRUE(stub->Compare(&context2, request, &report).ok());
  EXPECT_EQ(server.Stop(), 0);
}

TEST(ServeFlagsTest, WithoutCorpusCheckIsFailedPrecondition) {
  ServerProcess server;
  std::string error;
  ASSERT_TRUE(server.Start({"--address=127.0.0.1:0"}, &error)) << error;
  auto stub = v1::FactDiff::NewStub(Connect(server.address()));
  v1::CheckRequest request;
  *request.add_documents() = ExampleSet("earthquake")[0];
  v1::Report report;
  grpc::ClientContext context;
  const grpc::Status status = stub->Check(&context, request, &report);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), HasSubstr("without --corpus"));
  EXPECT_EQ(server.Stop(), 0);
}

TEST(ServeFlagsTest, SigintIsACleanShutdown) {
  ServerProcess server;
  std::string error;
  ASSERT_TRUE(server.Start({"--address=127.0.0.1:0"}, &error)) << error;
  EXPECT_EQ(server.Stop(SIGINT), 0);
}

TEST(ServeFlagsTest, NonLoopbackAddressNeedsAllowRemote) {
  std::string out, err;
  EXPECT_EQ(RunCommand({Runfile("cli/factdiff"), "serve",
                        "--address=0.0.0.0:0"},
                       &out, &err),
            2);
  EXPECT_THAT(err, HasSubstr("--allow_remote"));
  EXPECT_EQ(out, "");
}

TEST(ServeFlagsTest, BadFlagValuesExitTwo) {
  std::string out, err;
  EXPECT_EQ(RunCommand({Runfile("cli/factdiff"), "serve",
                        "--address=127.0.0.1:0", "--max_message_mb=0"},
                       &out, &err),
            2);
  EXPECT_THAT(err, HasSubstr("--max_message_mb"));
  EXPECT_EQ(RunCommand({Runfile("cli/factdiff"), "serve", "--address=nonsense"},
                       &out, &err),
            2);
  EXPECT_THAT(err, HasSubstr("HOST:PORT"));
}

}  // namespace
}  // namespace factdiff
