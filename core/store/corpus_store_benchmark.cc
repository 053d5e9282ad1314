// Corpus store throughput: PutDocument of N generated documents of 30
// statements with 128-dim vectors in one Write() (one commit, fsync
// included), and LoadAll of such a store. Run:
//   bazel run -c opt //core/store:corpus_store_benchmark --
//   --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
// items/s counts documents; "statements/s" counts statements. Files go to
// $TEST_TMPDIR or /tmp.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "core/store/corpus_store.h"
#include "proto/extraction.pb.h"

namespace factdiff {
namespace {

constexpr int kStatements = 30;
constexpr int kDims = 128;

// A statement about the size of a real one: a 150-byte sentence, a figure,
// a date, an attribution and an event frame.
StoredDocument MakeDocument(int n) {
  StoredDocument doc;
  v1::Document& d = doc.document;
  d.set_id(absl::StrCat("article-", n));
  d.set_title(absl::StrCat("Storm damage report number ", n));
  d.set_source("Example Wire");
  d.set_url(absl::StrCat("https://example.org/news/", n));
  d.set_published("2024-03-14");
  d.set_path(absl::StrCat("articles/article-", n, ".md"));
  d.set_text_line(6);
  std::string text;
  for (int i = 0; i < kStatements; ++i) {
    const std::string sentence = absl::StrCat(
        "Regional officials said on Tuesday that at least ", 10 + (n + i) % 90,
        " people were injured and ", 100 + i,
        " homes were damaged when the storm reached the coast near town ", i,
        ". ");
    v1::Statement s;
    s.set_id(absl::StrCat(d.id(), "#", i));
    s.set_document_id(d.id());
    s.mutable_span()->set_begin(text.size());
    s.mutable_span()->set_end(text.size() + sentence.size() - 1);
    s.set_text(sentence.substr(0, sentence.size() - 1));
    s.set_index(i);
    s.set_line(1 + i / 5);
    v1::Quantity* q = s.add_quantities();
    q->set_text(absl::StrCat("at least ", 10 + (n + i) % 90));
    q->set_low(10 + (n + i) % 90);
    q->set_high(1e9);
    q->set_value(10 + (n + i) % 90);
    q->set_bound(v1::Quantity::AT_LEAST);
    q->set_measure(v1::Quantity::WOUNDED);
    q->set_measure_word("injured");
    q->set_subject("people");
    v1::TimeExpression* t = s.add_times();
    t->set_text("on Tuesday");
    t->set_start("2024-03-12");
    t->set_end("2024-03-12");
    t->set_granularity(v1::TimeExpression::DAY);
    t->set_relative(true);
    v1::Attribution* a = s.add_attributions();
    a->set_source("Regional officials");
    a->set_source_normalized("regional official");
    a->set_cue("said");
    a->set_stance(v1::Attribution::ASSERTS);
    v1::EventFrame* f = s.add_frames();
    f->set_type("storm");
    f->add_locations("the coast");
    for (int k = 0; k < kDims; ++k) {
      s.add_embedding(static_cast<float>((n * 31 + i * 7 + k) % 97) / 97.0f);
    }
    doc.statements.push_back(std::move(s));
    text += sentence;
  }
  d.set_text(std::move(text));
  return doc;
}

std::string TempPath(const char* name) {
  static int counter = 0;
  const char* dir = std::getenv("TEST_TMPDIR");
  return absl::StrCat(dir != nullptr ? dir : "/tmp", "/", name, "-", getpid(),
                      "-", counter++, ".db");
}

void RemoveStore(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::remove((path + suffix).c_str());
  }
}

std::vector<StoredDocument> MakeDocuments(int count) {
  std::vector<StoredDocument> docs;
  docs.reserve(count);
  for (int n = 0; n < count; ++n) docs.push_back(MakeDocument(n));
  return docs;
}

absl::Status PutAll(CorpusStore& store, const std::vector<StoredDocument>& docs) {
  return store.Write([&](StoreWriter& w) -> absl::Status {
    for (const StoredDocument& doc : docs) {
      absl::StatusOr<StoreWriter::PutResult> r = w.PutDocument(doc);
      if (!r.ok()) return r.status();
    }
    return absl::OkStatus();
  });
}

void BM_PutDocuments(benchmark::State& state) {
  const int count = static_cast<int>(state.range(0));
  const std::vector<StoredDocument> docs = MakeDocuments(count);
  for (auto _ : state) {
    state.PauseTiming();
    const std::string path = TempPath("put");
    auto store = CorpusStore::Open(path, {});
    if (!store.ok()) {
      state.SkipWithError(store.status().ToString().c_str());
      return;
    }
    state.ResumeTiming();
    const absl::Status status = PutAll(**store, docs);
    state.PauseTiming();
    if (!status.ok()) {
      state.SkipWithError(status.ToString().c_str());
      return;
    }
    store->reset();
    RemoveStore(path);
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * count);
  state.counters["statements/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * count * kStatements,
      benchmark::Counter::kIsRate);
}
BENCHMARK(BM_PutDocuments)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_LoadAll(benchmark::State& state) {
  const int count = static_cast<int>(state.range(0));
  const std::string path = TempPath("load");
  auto store = CorpusStore::Open(path, {});
  if (!store.ok() || !PutAll(**store, MakeDocuments(count)).ok()) {
    state.SkipWithError("could not build the store");
    return;
  }
  size_t statements = 0;
  for (auto _ : state) {
    std::vector<StoredDocument> all;
    const absl::Status status =
        (*store)->Read([&](StoreReader& r) -> absl::Status {
          absl::StatusOr<std::vector<StoredDocument>> loaded = r.LoadAll();
          if (!loaded.ok()) return loaded.status();
          all = std::move(loaded).value();
          return absl::OkStatus();
        });
    if (!status.ok()) {
      state.SkipWithError(status.ToString().c_str());
      break;
    }
    statements = 0;
    for (const StoredDocument& doc : all) statements += doc.statements.size();
    benchmark::DoNotOptimize(all.data());
  }
  if (statements != static_cast<size_t>(count) * kStatements) {
    state.SkipWithError("LoadAll returned the wrong number of statements");
  }
  state.SetItemsProcessed(state.iterations() * count);
  state.counters["statements/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * count * kStatements,
      benchmark::Counter::kIsRate);
  store->reset();
  RemoveStore(path);
}
BENCHMARK(BM_LoadAll)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace factdiff
