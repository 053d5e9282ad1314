#include "core/embed/embedder_factory.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "core/base/status_macros.h"
#include "core/embed/client_vectors.h"
#include "core/embed/tfidf_svd.h"
#include "core/embed/word_vectors.h"

namespace factdiff {

EmbedderOptions EmbedderOptionsFromConfig(const v1::Config& config) {
  EmbedderOptions options;
  options.kind = config.embedder();
  options.vectors_path = config.vectors_path();
  if (config.embedding_dims() > 0) {
    options.dims = static_cast<int>(config.embedding_dims());
  }
  return options;
}

absl::StatusOr<std::unique_ptr<Embedder>> MakeEmbedder(
    const EmbedderOptions& options) {
  if (options.kind.empty() || options.kind == "tfidf-svd") {
    TfidfSvdOptions t;
    t.dims = options.dims > 0 ? options.dims : 128;
    t.seed = options.seed;
    t.num_threads = options.num_threads;
    return std::unique_ptr<Embedder>(new TfidfSvdEmbedder(t));
  }
  if (options.kind == "word-vectors") {
    if (options.vectors_path.empty()) {
      return absl::InvalidArgumentError(
          "embedder \"word-vectors\" needs a vector file (vectors_path)");
    }
    FACTDIFF_ASSIGN_OR_RETURN(WordVectors table,
                              WordVectors::Load(options.vectors_path));
    return std::unique_ptr<Embedder>(
        new SifEmbedder(std::make_shared<const WordVectors>(std::move(table))));
  }
  if (options.kind == "client") {
    return absl::InvalidArgumentError(
        "embedder \"client\" takes its vectors from Statement.embedding, not "
        "from text: use ClientEmbeddingMatrix() or EmbedStatements()");
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown embedder \"", options.kind,
      "\"; expected \"tfidf-svd\", \"word-vectors\" or \"client\""));
}

absl::StatusOr<Eigen::MatrixXf> EmbedStatements(
    const std::vector<const v1::Statement*>& statements,
    const EmbedderOptions& options,
    const std::vector<std::string>& extra_corpus) {
  if (options.kind == "client" ||
      (options.kind.empty() && HasClientEmbeddings(statements))) {
    return ClientEmbeddingMatrix(statements);
  }
  FACTDIFF_ASSIGN_OR_RETURN(std::unique_ptr<Embedder> embedder,
                            MakeEmbedder(options));
  std::vector<std::string> texts;
  texts.reserve(statements.size() + extra_corpus.size());
  for (const v1::Statement* s : statements) texts.push_back(s->text());
  if (extra_corpus.empty()) return embedder->FitEmbed(texts);
  const size_t own = texts.size();
  texts.insert(texts.end(), extra_corpus.begin(), extra_corpus.end());
  FACTDIFF_RETURN_IF_ERROR(embedder->Fit(texts));
  texts.resize(own);
  return embedder->Embed(texts);
}

}  // namespace factdiff
