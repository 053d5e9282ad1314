// factdiff: compares news articles and reports where they disagree.
//
//   factdiff compare [--format=text|json|markdown] [--fail-on=LEVEL] FILE...
//   factdiff extract [--format=text|json|markdown] FILE...
//
// Exit codes: 0 ok, 1 findings at or above --fail-on, 2 bad usage or input.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/reflection.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "core/ingest/ingest.h"
#include "core/pipeline/pipeline.h"
#include "core/report/render.h"
#include "google/protobuf/stubs/logging.h"

ABSL_FLAG(std::string, format, "text", "Output: text, json or markdown.");
ABSL_FLAG(std::string, fail_on, "never",
          "Exit with code 1 when a finding reaches this severity: never, low, "
          "medium or high.");
ABSL_FLAG(std::string, color, "auto",
          "Highlight figures in text output: auto (when writing to a "
          "terminal), always or never.");
ABSL_FLAG(int, width, 100, "Width of the text output in columns.");
ABSL_FLAG(double, min_similarity, 0,
          "Minimum sentence similarity (0..1) to compare two sentences; 0 "
          "means the default, 0.15.");
ABSL_FLAG(std::string, embedder, "",
          "Sentence embedder: tfidf-svd (built in), word-vectors (needs "
          "--vectors) or client (vectors given in JSON/protobuf input). Empty "
          "means client when the input carries vectors, else tfidf-svd.");
ABSL_FLAG(std::string, vectors, "",
          "Pretrained word vectors for --embedder=word-vectors: GloVe, "
          "word2vec or fastText text files, or word2vec binary.");
ABSL_FLAG(int, embedding_dims, 0,
          "Dimensions of the tfidf-svd embedding; 0 means the default, 128.");
ABSL_FLAG(int, time_window_days, -1,
          "Compare two sentences only when their dates are at most this many "
          "days apart; -1 means the default, 3.");
ABSL_FLAG(int, date_tolerance_days, -1,
          "Sentences whose resolved dates lie more than this many days apart "
          "are different incidents; -1 means the default, 1.");
ABSL_FLAG(double, min_event_score, 0,
          "Minimum link score (0..1) to put two sentences in one event; 0 "
          "means the default, 0.3.");
ABSL_FLAG(double, min_confidence, 0,
          "Drop findings below this confidence (0..1); 0 means the default, "
          "0.5.");
ABSL_FLAG(bool, skip_same_document, false,
          "Leave out disagreements between sources quoted in one article.");

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;

constexpr char kUsage[] =
    "usage: factdiff <command> [flags] FILE...\n"
    "\n"
    "commands:\n"
    "  compare FILE...   compare articles, all against all, and report "
    "disagreements\n"
    "  extract FILE...   show the figures and dates found in each article\n"
    "\n"
    "FILE: .txt or .md (optional front matter: title, source, published, "
    "url),\n"
    "      .json (Document or {\"documents\": [...]}), .pb (binary Document),"
    "\n"
    "      or - for standard input. The document id is the file stem.\n"
    "\n"
    "flags:\n"
    "  --format=text|json|markdown   output format (default text)\n"
    "  --fail-on=never|low|medium|high\n"
    "                                exit 1 when a finding reaches this "
    "severity\n"
    "  --color=auto|always|never     highlight figures in text output\n"
    "  --width=N                     text output width (default 100)\n"
    "  --min-similarity=X            sentence similarity to compare (default "
    "0.15)\n"
    "  --min-confidence=X            drop findings below X (default 0.5)\n"
    "  --skip-same-document          ignore conflicts inside one article\n"
    "\n"
    "exit codes: 0 ok, 1 findings at or above --fail-on, 2 bad usage or "
    "input\n";

int UsageError(const std::string& message) {
  std::cerr << "factdiff: " << message << "\n"
            << "Run 'factdiff --help' for usage.\n";
  return kExitUsage;
}

// Parses "--name=value", "--name value" and "--bool-flag" with absl's flag
// registry, accepting '-' or '_' in names. absl::ParseCommandLine is not
// used because it exits with code 1 on a bad flag, which CI would read as
// "findings". Returns false after printing an error.
bool ParseFlags(const std::vector<std::string>& args,
                std::vector<std::string>* positional, bool* help) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      positional->insert(positional->end(), args.begin() + i + 1, args.end());
      return true;
    }
    if (arg.size() < 2 || arg[0] != '-') {
      positional->push_back(arg);
      continue;
    }
    std::string body = arg.substr(arg[1] == '-' ? 2 : 1);
    std::string value;
    bool has_value = false;
    const size_t eq = body.find('=');
    if (eq != std::string::npos) {
      value = body.substr(eq + 1);
      body.resize(eq);
      has_value = true;
    }
    const std::string name = absl::StrReplaceAll(body, {{"-", "_"}});
    if (name == "help" || name == "h") {
      *help = true;
      return true;
    }
    absl::CommandLineFlag* flag = absl::FindCommandLineFlag(name);
    bool negated = false;
    if (flag == nullptr && absl::StartsWith(name, "no")) {
      flag = absl::FindCommandLineFlag(name.substr(2));
      negated = flag != nullptr && flag->IsOfType<bool>();
      if (!negated) flag = nullptr;
    }
    // Only the flags declared in this file are the CLI's.
    if (flag == nullptr || !absl::EndsWith(flag->Filename(), "factdiff_main.cc")) {
      UsageError(absl::StrCat("unknown flag ", arg));
      return false;
    }
    if (!has_value) {
      if (flag->IsOfType<bool>()) {
        value = negated ? "false" : "true";
      } else if (i + 1 < args.size()) {
        value = args[++i];
      } else {
        UsageError(absl::StrCat("flag ", arg, " needs a value"));
        return false;
      }
    }
    std::string error;
    if (!flag->ParseFrom(value, &error)) {
      UsageError(absl::StrCat("bad value for ", arg, ": ", error));
      return false;
    }
  }
  return true;
}

absl::StatusOr<factdiff::v1::Finding::Severity> FailOnLevel(
    const std::string& name) {
  using factdiff::v1::Finding;
  if (name == "never") return Finding::SEVERITY_UNSPECIFIED;
  if (name == "low") return Finding::LOW;
  if (name == "medium") return Finding::MEDIUM;
  if (name == "high") return Finding::HIGH;
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown --fail-on \"", name, "\"; expected never, low, medium or high"));
}

bool UseColor(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr &&
         term != nullptr && std::string(term) != "dumb";
}

}  // namespace

int main(int argc, char** argv) {
  // Protobuf's parser logs to stderr on bad input; the CLI reports the error
  // itself, once.
  google::protobuf::SetLogHandler(nullptr);

  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return UsageError("missing command");
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsage;
    return kExitOk;
  }
  const std::string command = args[0];
  if (command != "compare" && command != "extract") {
    return UsageError(absl::StrCat("unknown command \"", command,
                                   "\"; expected compare or extract"));
  }
  std::vector<std::string> files;
  bool help = false;
  if (!ParseFlags({args.begin() + 1, args.end()}, &files, &help)) {
    return kExitUsage;
  }
  if (help) {
    std::cout << kUsage;
    return kExitOk;
  }
  auto format = factdiff::ParseOutputFormat(absl::GetFlag(FLAGS_format));
  if (!format.ok()) return UsageError(std::string(format.status().message()));
  auto fail_on = FailOnLevel(absl::GetFlag(FLAGS_fail_on));
  if (!fail_on.ok()) return UsageError(std::string(fail_on.status().message()));
  const std::string color = absl::GetFlag(FLAGS_color);
  if (color != "auto" && color != "always" && color != "never") {
    return UsageError("unknown --color; expected auto, always or never");
  }
  if (files.empty()) return UsageError(absl::StrCat(command, ": no files given"));

  factdiff::v1::Config config;
  config.set_min_similarity(absl::GetFlag(FLAGS_min_similarity));
  config.set_min_confidence(absl::GetFlag(FLAGS_min_confidence));
  config.set_skip_same_document(absl::GetFlag(FLAGS_skip_same_document));
  config.set_embedder(absl::GetFlag(FLAGS_embedder));
  config.set_vectors_path(absl::GetFlag(FLAGS_vectors));
  if (absl::GetFlag(FLAGS_embedding_dims) < 0) {
    return UsageError("--embedding_dims must be >= 0");
  }
  config.set_embedding_dims(absl::GetFlag(FLAGS_embedding_dims));
  if (absl::GetFlag(FLAGS_time_window_days) >= 0) {
    config.set_time_window_days(absl::GetFlag(FLAGS_time_window_days));
  }
  if (absl::GetFlag(FLAGS_date_tolerance_days) >= 0) {
    config.set_date_tolerance_days(absl::GetFlag(FLAGS_date_tolerance_days));
  }
  config.set_min_event_score(absl::GetFlag(FLAGS_min_event_score));
  factdiff::IngestOptions ingest;

  std::vector<factdiff::v1::Document> documents;
  int stdin_count = 0;
  for (const std::string& path : files) {
    if (path == "-" && ++stdin_count > 1) {
      return UsageError("standard input (-) can be given only once");
    }
    auto docs = factdiff::ReadDocuments(path, ingest);
    if (!docs.ok()) return UsageError(std::string(docs.status().message()));
    for (auto& d : *docs) documents.push_back(std::move(d));
  }

  factdiff::RenderOptions render;
  render.color = UseColor(color);
  render.width = absl::GetFlag(FLAGS_width);
  std::string output;
  int exit_code = kExitOk;
  if (command == "extract") {
    auto extractions = factdiff::Extract(documents, config);
    if (!extractions.ok()) {
      return UsageError(std::string(extractions.status().message()));
    }
    output = factdiff::RenderExtractions(*extractions, *format, render);
  } else {
    auto report = factdiff::Analyze(documents, config);
    if (!report.ok()) return UsageError(std::string(report.status().message()));
    output = factdiff::RenderReport(*report, *format, render);
    if (*fail_on != factdiff::v1::Finding::SEVERITY_UNSPECIFIED) {
      for (const auto& f : report->findings()) {
        if (f.severity() >= *fail_on) exit_code = kExitFindings;
      }
    }
  }
  std::fwrite(output.data(), 1, output.size(), stdout);
  if (std::fflush(stdout) != 0) {
    std::cerr << "factdiff: error writing output\n";
    return kExitUsage;
  }
  return exit_code;
}
