// factdiff: compares news articles and reports where they disagree.
//
//   factdiff compare [--format=FORMAT] [--fail-on=LEVEL] FILE...
//   factdiff extract [--format=text|json|markdown] FILE...
//   factdiff add --corpus=PATH FILE...
//   factdiff check --corpus=PATH [--format=FORMAT] [--fail-on=LEVEL] NEW...
//   factdiff serve [--address=127.0.0.1:50051] [--corpus=PATH]
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
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "cli/serve_command.h"
#include "core/corpus/corpus.h"
#include "core/ingest/ingest.h"
#include "core/pipeline/pipeline.h"
#include "core/report/ci/ci_formats.h"
#include "core/report/html/html.h"
#include "core/report/render.h"
#include "core/store/corpus_store.h"
#include "google/protobuf/stubs/logging.h"

ABSL_FLAG(std::string, format, "text",
          "Output: text, json, markdown, html (one self-contained page), "
          "github (GitHub Actions annotations) or sarif (SARIF 2.1.0).");
ABSL_FLAG(std::string, corpus, "",
          "The corpus store (an SQLite file) of add, check and serve.");
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
ABSL_FLAG(double, min_cluster_similarity, 0,
          "Minimum mean similarity (0..1) of two groups of sentences to join "
          "them into one event when their dates do not agree to within "
          "three days; 0 means the default, 0.2.");
ABSL_FLAG(double, min_untimed_similarity, 0,
          "Minimum similarity (0..1) for two sentences of different articles "
          "to join when one has no date at all (none of its own, no "
          "publication date, no estimate); 0 means the default, 0.5.");
ABSL_FLAG(int, date_estimate_slack_days, -1,
          "Estimate the date of an undated article from its links to dated "
          "articles that name the same place, widened by this many days on "
          "each side; 0 turns estimates off; -1 means the default, 30.");
ABSL_FLAG(bool, link_background, false,
          "Also put background sentences (commentary, history: no event, "
          "figure, date, place or contested claim of their own) in events.");
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
    "  compare FILE...               compare articles, all against all, and "
    "report\n"
    "                                disagreements\n"
    "  extract FILE...               show the figures, dates, sources and "
    "events\n"
    "                                found in each article\n"
    "  add --corpus=PATH FILE...     store articles in a corpus (an SQLite "
    "file,\n"
    "                                created if missing)\n"
    "  check --corpus=PATH NEW...    compare new articles with the stored "
    "corpus;\n"
    "                                report only findings that involve them\n"
    "  serve [--address=HOST:PORT]   serve the gRPC API factdiff.v1.FactDiff\n"
    "        [--corpus=PATH]         (default 127.0.0.1:50051)\n"
    "\n"
    "FILE: .txt or .md (optional front matter: title, source, published, "
    "url),\n"
    "      .json (Document or {\"documents\": [...]}), .pb (binary Document),"
    "\n"
    "      or - for standard input. The document id is the file stem.\n"
    "\n"
    "flags:\n"
    "  --format=FORMAT               text (default), json, markdown, html,\n"
    "                                github (Actions annotations), sarif "
    "(2.1.0)\n"
    "  --fail-on=never|low|medium|high\n"
    "                                exit 1 when a finding reaches this "
    "severity\n"
    "  --corpus=PATH                 the corpus store of add, check and serve\n"
    "  --color=auto|always|never     highlight figures in text output\n"
    "  --width=N                     text output width (default 100)\n"
    "  --min-similarity=X            sentence similarity to compare (default "
    "0.15)\n"
    "  --min-confidence=X            drop findings below X (default 0.5)\n"
    "  --skip-same-document          ignore conflicts inside one article\n"
    "  (README.md lists the alignment and embedding flags; docs/grpc.md the\n"
    "  server flags: --address, --allow-remote, --max-message-mb, ...)\n"
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
    // Only the flags declared in cli/ are the CLI's (not those of libraries).
    if (flag == nullptr || !absl::StrContains(flag->Filename(), "cli/")) {
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

// The report formats. text, json and markdown come from core/report; html,
// github and sarif need the documents' texts.
enum class Format { kText, kJson, kMarkdown, kHtml, kGithub, kSarif };

absl::StatusOr<Format> ParseFormat(const std::string& name) {
  if (name == "html") return Format::kHtml;
  if (name == "github") return Format::kGithub;
  if (name == "sarif") return Format::kSarif;
  auto basic = factdiff::ParseOutputFormat(name);
  if (!basic.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown --format \"", name,
                     "\"; expected text, json, markdown, html, github or "
                     "sarif"));
  }
  switch (*basic) {
    case factdiff::OutputFormat::kJson:
      return Format::kJson;
    case factdiff::OutputFormat::kMarkdown:
      return Format::kMarkdown;
    case factdiff::OutputFormat::kText:
      break;
  }
  return Format::kText;
}

factdiff::OutputFormat BasicFormat(Format f) {
  switch (f) {
    case Format::kJson:
      return factdiff::OutputFormat::kJson;
    case Format::kMarkdown:
      return factdiff::OutputFormat::kMarkdown;
    default:
      return factdiff::OutputFormat::kText;
  }
}

// `documents` carry their text; `focus` names the articles under review
// (check's new articles), empty for compare.
std::string RenderFor(const factdiff::v1::Report& report,
                      const std::vector<factdiff::v1::Document>& documents,
                      Format format, const factdiff::RenderOptions& render,
                      const std::vector<std::string>& focus) {
  factdiff::CiFormatOptions ci;
  ci.focus_documents.insert(focus.begin(), focus.end());
  switch (format) {
    case Format::kHtml: {
      factdiff::HtmlOptions html;
      return factdiff::RenderHtml(report, documents, html);
    }
    case Format::kGithub:
      return factdiff::RenderGithubAnnotations(report, documents, ci);
    case Format::kSarif:
      return factdiff::RenderSarif(report, documents, ci);
    default:
      return factdiff::RenderReport(report, BasicFormat(format), render);
  }
}

std::string AddSummaryText(const factdiff::AddSummary& s,
                           const std::string& corpus, bool json) {
  if (json) {
    auto list = [](const std::vector<std::string>& ids) {
      std::vector<std::string> quoted;
      for (const auto& id : ids) {
        std::string q = "\"";
        for (char c : id) {
          if (c == '"' || c == '\\') q += '\\';
          q += c;
        }
        quoted.push_back(q + "\"");
      }
      return absl::StrCat("[", absl::StrJoin(quoted, ", "), "]");
    };
    return absl::StrCat("{\"added\": ", list(s.added), ", \"updated\": ",
                        list(s.updated), ", \"unchanged\": ",
                        list(s.unchanged), ", \"refitted\": ",
                        s.refitted ? "true" : "false", "}\n");
  }
  std::string out = absl::StrCat(
      "factdiff: ", corpus, ": ", s.added.size(), " added, ",
      s.updated.size(), " updated, ", s.unchanged.size(), " unchanged",
      s.refitted ? " (embedding model refitted)" : "", "\n");
  if (!s.added.empty()) absl::StrAppend(&out, "added: ", absl::StrJoin(s.added, " "), "\n");
  if (!s.updated.empty()) absl::StrAppend(&out, "updated: ", absl::StrJoin(s.updated, " "), "\n");
  if (!s.unchanged.empty()) absl::StrAppend(&out, "unchanged: ", absl::StrJoin(s.unchanged, " "), "\n");
  return out;
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
  if (command != "compare" && command != "extract" && command != "add" &&
      command != "check" && command != "serve") {
    return UsageError(absl::StrCat(
        "unknown command \"", command,
        "\"; expected compare, extract, add, check or serve"));
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
  if (command == "serve") {
    if (!files.empty()) {
      return UsageError(absl::StrCat("serve takes no files (got \"", files[0],
                                     "\")"));
    }
    return factdiff::RunServeCommand();
  }
  auto format = ParseFormat(absl::GetFlag(FLAGS_format));
  if (!format.ok()) return UsageError(std::string(format.status().message()));
  if (command == "extract" && *format != Format::kText &&
      *format != Format::kJson && *format != Format::kMarkdown) {
    return UsageError("extract writes text, json or markdown");
  }
  auto fail_on = FailOnLevel(absl::GetFlag(FLAGS_fail_on));
  if (!fail_on.ok()) return UsageError(std::string(fail_on.status().message()));
  const std::string color = absl::GetFlag(FLAGS_color);
  if (color != "auto" && color != "always" && color != "never") {
    return UsageError("unknown --color; expected auto, always or never");
  }
  const std::string corpus = absl::GetFlag(FLAGS_corpus);
  if ((command == "add" || command == "check") && corpus.empty()) {
    return UsageError(absl::StrCat(command, " needs --corpus=PATH"));
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
  if (absl::GetFlag(FLAGS_min_cluster_similarity) < 0 ||
      absl::GetFlag(FLAGS_min_cluster_similarity) > 1) {
    return UsageError("--min_cluster_similarity must be in 0..1");
  }
  config.set_min_cluster_similarity(
      absl::GetFlag(FLAGS_min_cluster_similarity));
  config.set_link_background(absl::GetFlag(FLAGS_link_background));
  if (absl::GetFlag(FLAGS_min_untimed_similarity) < 0 ||
      absl::GetFlag(FLAGS_min_untimed_similarity) > 1) {
    return UsageError("--min_untimed_similarity must be in 0..1");
  }
  config.set_min_untimed_similarity(
      absl::GetFlag(FLAGS_min_untimed_similarity));
  if (absl::GetFlag(FLAGS_date_estimate_slack_days) >= 0) {
    config.set_date_estimate_slack_days(
        absl::GetFlag(FLAGS_date_estimate_slack_days));
  }
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
  auto fails = [&](const factdiff::v1::Report& report) {
    if (*fail_on == factdiff::v1::Finding::SEVERITY_UNSPECIFIED) return false;
    for (const auto& f : report.findings()) {
      if (f.severity() >= *fail_on) return true;
    }
    return false;
  };
  if (command == "extract") {
    auto extractions = factdiff::Extract(documents, config);
    if (!extractions.ok()) {
      return UsageError(std::string(extractions.status().message()));
    }
    output = factdiff::RenderExtractions(*extractions, BasicFormat(*format),
                                         render);
  } else if (command == "compare") {
    auto report = factdiff::Analyze(documents, config);
    if (!report.ok()) return UsageError(std::string(report.status().message()));
    output = RenderFor(*report, documents, *format, render, {});
    if (fails(*report)) exit_code = kExitFindings;
  } else {
    factdiff::CorpusStore::Options store_options;
    store_options.create_if_missing = command == "add";
    auto store = factdiff::CorpusStore::Open(corpus, store_options);
    if (!store.ok()) {
      if (absl::IsNotFound(store.status())) {
        return UsageError(absl::StrCat(
            "corpus ", corpus,
            " does not exist; create it with factdiff add --corpus=", corpus,
            " FILE..."));
      }
      return UsageError(std::string(store.status().message()));
    }
    if (command == "add") {
      auto summary = factdiff::AddToCorpus(**store, documents, config);
      if (!summary.ok()) {
        return UsageError(absl::StrCat(summary.status().message(),
                                       " (nothing was stored)"));
      }
      output = AddSummaryText(*summary, corpus, *format == Format::kJson);
    } else {
      std::vector<factdiff::v1::Document> cited;
      auto report =
          factdiff::CheckAgainstCorpus(**store, documents, config, &cited);
      if (!report.ok()) {
        return UsageError(std::string(report.status().message()));
      }
      std::vector<std::string> focus;
      for (const auto& d : documents) focus.push_back(d.id());
      output = RenderFor(*report, cited, *format, render, focus);
      if (fails(*report)) exit_code = kExitFindings;
    }
  }
  std::fwrite(output.data(), 1, output.size(), stdout);
  if (std::fflush(stdout) != 0) {
    std::cerr << "factdiff: error writing output\n";
    return kExitUsage;
  }
  return exit_code;
}
