#include "core/corpus/corpus.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "core/base/status_macros.h"
#include "core/embed/embedder_factory.h"
#include "core/embed/tfidf_svd.h"
#include "core/pipeline/pipeline.h"

namespace factdiff {
namespace {

constexpr char kModelKind[] = "tfidf-svd";
// Refit when the stored statements have grown by this factor since the fit.
constexpr double kRefitGrowth = 1.5;

// The store embeds with a model it keeps; only the built-in embedder has
// one.
absl::Status CheckEmbedder(const v1::Config& config) {
  if (config.embedder().empty() || config.embedder() == kModelKind) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "the corpus store embeds with its stored tfidf-svd model; --embedder=",
      config.embedder(), " cannot be used with a corpus"));
}

std::unique_ptr<TfidfSvdEmbedder> NewEmbedder(const v1::Config& config) {
  const EmbedderOptions options = EmbedderOptionsFromConfig(config);
  TfidfSvdOptions t;
  t.dims = options.dims > 0 ? options.dims : 128;
  t.seed = options.seed;
  t.num_threads = options.num_threads;
  return std::make_unique<TfidfSvdEmbedder>(t);
}

// Same article: the text and the metadata a reader sees. The path is where
// the file happened to be read from, not part of the article.
bool SameArticle(const v1::Document& a, const v1::Document& b) {
  return a.text() == b.text() && a.title() == b.title() &&
         a.source() == b.source() && a.url() == b.url() &&
         a.published() == b.published();
}

std::vector<std::string> Texts(const std::vector<v1::Statement>& statements) {
  std::vector<std::string> out;
  out.reserve(statements.size());
  for (const v1::Statement& s : statements) out.push_back(s.text());
  return out;
}

// Writes row i of `m` into statements[i].embedding.
void SetEmbeddings(const Eigen::MatrixXf& m,
                   std::vector<v1::Statement>* statements) {
  for (size_t i = 0; i < statements->size(); ++i) {
    v1::Statement& s = (*statements)[i];
    s.clear_embedding();
    s.mutable_embedding()->Reserve(static_cast<int>(m.cols()));
    for (Eigen::Index j = 0; j < m.cols(); ++j) {
      s.add_embedding(m(static_cast<Eigen::Index>(i), j));
    }
  }
}

absl::Status EmbedInto(const Embedder& embedder,
                       std::vector<v1::Statement>* statements) {
  FACTDIFF_ASSIGN_OR_RETURN(const Eigen::MatrixXf m,
                            embedder.Embed(Texts(*statements)));
  SetEmbeddings(m, statements);
  return absl::OkStatus();
}

struct Extracted {
  v1::Config config;  // defaults filled in
  std::vector<std::vector<v1::Statement>> statements;  // per document
};

absl::StatusOr<Extracted> ValidateAndExtract(
    const std::vector<v1::Document>& documents, const v1::Config& config) {
  Extracted out;
  FACTDIFF_ASSIGN_OR_RETURN(out.config, WithDefaults(config));
  FACTDIFF_RETURN_IF_ERROR(CheckEmbedder(out.config));
  FACTDIFF_RETURN_IF_ERROR(ValidateDocuments(documents, out.config));
  out.statements.reserve(documents.size());
  for (const v1::Document& d : documents) {
    out.statements.push_back(ExtractStatements(d));
  }
  return out;
}

}  // namespace

absl::StatusOr<AddSummary> AddToCorpus(
    CorpusStore& store, const std::vector<v1::Document>& documents,
    const v1::Config& config) {
  // Extraction is the expensive part and needs no lock: it runs before the
  // write transaction.
  FACTDIFF_ASSIGN_OR_RETURN(Extracted extracted,
                            ValidateAndExtract(documents, config));
  AddSummary summary;
  FACTDIFF_RETURN_IF_ERROR(store.Write([&](StoreWriter& w) -> absl::Status {
    summary = AddSummary();
    // Which documents change the store.
    std::vector<size_t> changed;
    absl::flat_hash_set<std::string> replaced;
    int64_t replaced_statements = 0;
    for (size_t i = 0; i < documents.size(); ++i) {
      FACTDIFF_ASSIGN_OR_RETURN(absl::optional<StoredDocument> old,
                                w.FindDocument(documents[i].id()));
      if (old.has_value() && SameArticle(old->document, documents[i])) {
        summary.unchanged.push_back(documents[i].id());
        continue;
      }
      changed.push_back(i);
      if (old.has_value()) {
        replaced.insert(documents[i].id());
        replaced_statements += static_cast<int64_t>(old->statements.size());
      }
    }
    if (changed.empty()) return absl::OkStatus();

    FACTDIFF_ASSIGN_OR_RETURN(absl::optional<EmbeddingModel> model,
                              w.LoadModel());
    FACTDIFF_ASSIGN_OR_RETURN(const int64_t stored, w.CountStatements());
    int64_t incoming = 0;
    for (size_t i : changed) {
      incoming += static_cast<int64_t>(extracted.statements[i].size());
    }
    const int64_t total = stored - replaced_statements + incoming;
    const bool refit =
        !model.has_value() || model->kind != kModelKind ||
        static_cast<double>(total) >=
            kRefitGrowth * static_cast<double>(model->fitted_statements);

    std::unique_ptr<TfidfSvdEmbedder> embedder;
    if (refit) {
      // Fit on every statement the store will hold, then re-embed the
      // stored ones that stay.
      FACTDIFF_ASSIGN_OR_RETURN(std::vector<StoredDocument> kept, w.LoadAll());
      kept.erase(std::remove_if(kept.begin(), kept.end(),
                                [&](const StoredDocument& d) {
                                  return replaced.contains(d.document.id());
                                }),
                 kept.end());
      std::vector<std::string> corpus;
      corpus.reserve(static_cast<size_t>(total));
      for (const StoredDocument& d : kept) {
        for (const v1::Statement& s : d.statements) corpus.push_back(s.text());
      }
      for (size_t i : changed) {
        for (const v1::Statement& s : extracted.statements[i]) {
          corpus.push_back(s.text());
        }
      }
      embedder = NewEmbedder(extracted.config);
      FACTDIFF_RETURN_IF_ERROR(embedder->Fit(corpus));
      std::vector<std::pair<std::string, std::vector<float>>> vectors;
      for (StoredDocument& d : kept) {
        FACTDIFF_RETURN_IF_ERROR(EmbedInto(*embedder, &d.statements));
        for (const v1::Statement& s : d.statements) {
          vectors.emplace_back(s.id(), std::vector<float>(s.embedding().begin(),
                                                          s.embedding().end()));
        }
      }
      FACTDIFF_RETURN_IF_ERROR(w.SetVectors(vectors));
      EmbeddingModel fitted;
      fitted.kind = kModelKind;
      fitted.dims = embedder->dims();
      fitted.blob = embedder->SerializeModel();
      fitted.fitted_statements = total;
      FACTDIFF_RETURN_IF_ERROR(w.SetModel(fitted));
      summary.refitted = true;
    } else {
      FACTDIFF_ASSIGN_OR_RETURN(embedder,
                                TfidfSvdEmbedder::DeserializeModel(model->blob));
    }

    for (size_t i : changed) {
      StoredDocument doc;
      doc.document = documents[i];
      doc.statements = extracted.statements[i];
      FACTDIFF_RETURN_IF_ERROR(EmbedInto(*embedder, &doc.statements));
      FACTDIFF_ASSIGN_OR_RETURN(const StoreWriter::PutResult put,
                                w.PutDocument(doc));
      switch (put) {
        case StoreWriter::PutResult::kAdded:
          summary.added.push_back(documents[i].id());
          break;
        case StoreWriter::PutResult::kUpdated:
          summary.updated.push_back(documents[i].id());
          break;
        case StoreWriter::PutResult::kUnchanged:
          summary.unchanged.push_back(documents[i].id());
          break;
      }
    }
    return absl::OkStatus();
  }));
  return summary;
}

absl::StatusOr<v1::Report> CheckAgainstCorpus(
    CorpusStore& store, const std::vector<v1::Document>& documents,
    const v1::Config& config, std::vector<v1::Document>* cited) {
  FACTDIFF_ASSIGN_OR_RETURN(Extracted extracted,
                            ValidateAndExtract(documents, config));
  std::vector<StoredDocument> stored;
  absl::optional<EmbeddingModel> model;
  FACTDIFF_RETURN_IF_ERROR(store.Read([&](StoreReader& r) -> absl::Status {
    FACTDIFF_ASSIGN_OR_RETURN(stored, r.LoadAll());
    FACTDIFF_ASSIGN_OR_RETURN(model, r.LoadModel());
    return absl::OkStatus();
  }));

  // New articles replace stored ones with their id (an edited version).
  absl::flat_hash_set<std::string> new_ids;
  for (const v1::Document& d : documents) new_ids.insert(d.id());
  stored.erase(std::remove_if(stored.begin(), stored.end(),
                              [&](const StoredDocument& d) {
                                return new_ids.contains(d.document.id());
                              }),
               stored.end());

  // The new statements in the stored space; without a stored model (an
  // empty store), in a space fitted on the new articles alone.
  std::unique_ptr<TfidfSvdEmbedder> embedder;
  if (model.has_value() && model->kind == kModelKind && !stored.empty()) {
    FACTDIFF_ASSIGN_OR_RETURN(embedder,
                              TfidfSvdEmbedder::DeserializeModel(model->blob));
  } else {
    stored.clear();
    embedder = NewEmbedder(extracted.config);
    std::vector<std::string> corpus;
    for (const auto& statements : extracted.statements) {
      for (const v1::Statement& s : statements) corpus.push_back(s.text());
    }
    FACTDIFF_RETURN_IF_ERROR(embedder->Fit(corpus));
  }
  for (auto& statements : extracted.statements) {
    FACTDIFF_RETURN_IF_ERROR(EmbedInto(*embedder, &statements));
  }

  std::vector<v1::Document> all;
  std::vector<std::vector<v1::Statement>> statements;
  std::vector<bool> focus;
  all.reserve(stored.size() + documents.size());
  for (StoredDocument& d : stored) {
    all.push_back(std::move(d.document));
    statements.push_back(std::move(d.statements));
    focus.push_back(false);
  }
  stored.clear();
  for (size_t i = 0; i < documents.size(); ++i) {
    all.push_back(documents[i]);
    statements.push_back(std::move(extracted.statements[i]));
    focus.push_back(true);
  }
  v1::Config run = extracted.config;
  run.set_embedder("client");  // the vectors computed above
  FACTDIFF_ASSIGN_OR_RETURN(
      v1::Report report,
      AnalyzeStatements(all, std::move(statements), run, focus));
  report.mutable_config()->set_embedder(kModelKind);

  // Only the documents the report cites, and no vectors in the output.
  absl::flat_hash_set<std::string> cited_ids(new_ids.begin(), new_ids.end());
  for (v1::Statement& s : *report.mutable_statements()) {
    s.clear_embedding();
    cited_ids.insert(s.document_id());
  }
  for (const v1::Finding& f : report.findings()) {
    for (const v1::Claim& c : f.claims()) cited_ids.insert(c.document_id());
  }
  report.clear_documents();
  for (v1::Document& d : all) {
    if (!cited_ids.contains(d.id())) continue;
    v1::Document* meta = report.add_documents();
    *meta = d;
    meta->clear_text();
    if (cited != nullptr) cited->push_back(std::move(d));
  }
  return report;
}

}  // namespace factdiff
