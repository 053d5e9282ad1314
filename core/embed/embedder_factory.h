// Builds the configured sentence embedder, and embeds a run's statements
// with it: the one call the pipeline needs.
//
//   EmbedderOptions options = EmbedderOptionsFromConfig(config);
//   FACTDIFF_ASSIGN_OR_RETURN(Eigen::MatrixXf m,
//                             EmbedStatements(statements, options));
//   // m.row(i) is statements[i]'s unit vector (or a zero row).
//
// Or, to keep a fitted model (e.g. to embed later articles in the same
// space as a stored corpus):
//   FACTDIFF_ASSIGN_OR_RETURN(std::unique_ptr<Embedder> e,
//                             MakeEmbedder(options));
//   FACTDIFF_RETURN_IF_ERROR(e->Fit(corpus_sentences));
#ifndef FACTDIFF_CORE_EMBED_EMBEDDER_FACTORY_H_
#define FACTDIFF_CORE_EMBED_EMBEDDER_FACTORY_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "Eigen/Core"
#include "absl/status/statusor.h"
#include "core/embed/embedder.h"
#include "proto/config.pb.h"
#include "proto/extraction.pb.h"

namespace factdiff {

struct EmbedderOptions {
  // "tfidf-svd", "word-vectors" or "client"; "" picks "client" when a
  // statement carries an embedding (EmbedStatements) and "tfidf-svd"
  // otherwise. Default "".
  std::string kind;
  // Word-vector file, required for "word-vectors" (word_vectors.h lists the
  // formats). Default "".
  std::string vectors_path;
  // Embedding dimension for "tfidf-svd"; <= 0 means 128. Default 128.
  int dims = 128;
  // Seed of the randomized SVD ("tfidf-svd"). Default: a fixed constant.
  uint64_t seed = 0x9e3779b97f4a7c15ull;
  // Worker threads ("tfidf-svd"); 0: all hardware threads (at most 16).
  // Results do not depend on it. Default 0.
  int num_threads = 0;
};

// Options from the user's config (Config.embedder, vectors_path,
// embedding_dims), defaults filled in.
EmbedderOptions EmbedderOptionsFromConfig(const v1::Config& config);

// A new, unfitted embedder of `options.kind` ("" gives "tfidf-svd").
// "word-vectors" loads the vector file now (errors name the file and line).
// InvalidArgument for an unknown kind, and for "client", whose vectors come
// from the statements, not from text: use ClientEmbeddingMatrix() or
// EmbedStatements().
absl::StatusOr<std::unique_ptr<Embedder>> MakeEmbedder(
    const EmbedderOptions& options);

// Embeds `statements` (their `text`): for "client" (or "" when any statement
// carries an embedding) the client vectors via ClientEmbeddingMatrix();
// otherwise a new embedder fitted on the statements' texts followed by
// `extra_corpus` (e.g. stored corpus sentences, to widen the vocabulary and
// statistics), then embedding the statements. One row per statement, in
// order. The pointers must not be null.
absl::StatusOr<Eigen::MatrixXf> EmbedStatements(
    const std::vector<const v1::Statement*>& statements,
    const EmbedderOptions& options,
    const std::vector<std::string>& extra_corpus = {});

}  // namespace factdiff

#endif  // FACTDIFF_CORE_EMBED_EMBEDDER_FACTORY_H_
