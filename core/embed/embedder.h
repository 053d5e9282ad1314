// Sentence embedders: swappable backends that turn sentences into dense,
// L2-normalized vectors for the aligner. The backends are
//   "tfidf-svd"     TF-IDF over words and character n-grams, reduced with a
//                   randomized truncated SVD (tfidf_svd.h). Built in, the
//                   default.
//   "word-vectors"  pretrained word vectors (GloVe, word2vec, fastText)
//                   combined per sentence with SIF weighting
//                   (word_vectors.h).
//   "client"        vectors a client put in v1::Statement.embedding
//                   (client_vectors.h; not an Embedder: nothing to compute).
// embedder_factory.h builds one from options (or a v1::Config).
//
//   std::unique_ptr<Embedder> e = ...;          // MakeEmbedder(options)
//   FACTDIFF_RETURN_IF_ERROR(e->Fit(corpus));    // corpus statistics
//   FACTDIFF_ASSIGN_OR_RETURN(Eigen::MatrixXf m, e->Embed(sentences));
//   float cosine = m.row(0).dot(m.row(1));
//
// Eigen types stay inside core/embed and core/align.
#ifndef FACTDIFF_CORE_EMBED_EMBEDDER_H_
#define FACTDIFF_CORE_EMBED_EMBEDDER_H_

#include <string>
#include <vector>

#include "Eigen/Core"
#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace factdiff {

// An Embedder maps sentences to one row each of a dense matrix. Every row is
// L2-normalized (norm 1 within float rounding), or all zeros when nothing in
// the sentence is known to the model (no known word or feature); so the dot
// product of two rows is their cosine similarity, and 0 for a zero row.
//
// Lifecycle: Fit() first (an embedder that has not been fitted embeds as if
// fitted on an empty corpus), then any number of Embed() calls. Fit() may be
// called again; it replaces the earlier fit. FitEmbed() is Fit() and Embed()
// of the same sentences in one call, possibly faster.
//
// Results are deterministic: the same options, fit corpus and sentences give
// bit-identical matrices, in any process, with any thread count.
//
// Thread safety: Fit() and FitEmbed() must not run concurrently with any
// other call; after Fit(), the const methods (Embed(), dims(), name()) are
// safe to call from several threads at once.
class Embedder {
 public:
  virtual ~Embedder();

  // Fits the model's corpus statistics (TF-IDF weights and SVD basis, or SIF
  // word frequencies and common component) on `corpus`: the sentences at
  // hand plus any stored corpus sentences the caller wants the space to
  // cover. An empty corpus is allowed.
  virtual absl::Status Fit(const std::vector<std::string>& corpus) = 0;

  // Embeds `sentences` with the fitted model: a sentences.size() x dims()
  // matrix, row i for sentences[i]. Words or features not seen at Fit() are
  // ignored (tfidf-svd) or weighted by the word-vector file's order
  // (word-vectors).
  virtual absl::StatusOr<Eigen::MatrixXf> Embed(
      const std::vector<std::string>& sentences) const = 0;

  // Fit(sentences) followed by Embed(sentences).
  virtual absl::StatusOr<Eigen::MatrixXf> FitEmbed(
      const std::vector<std::string>& sentences);

  // Number of columns of Embed()'s result. For "tfidf-svd" it is known only
  // after Fit(), and is smaller than the requested dimension when the fit
  // corpus has fewer sentences (or features) than that; it is 0 when the
  // corpus has no feature at all (every row is then empty).
  virtual int dims() const = 0;

  // The backend's name: "tfidf-svd" or "word-vectors".
  virtual std::string name() const = 0;
};

// Scales every row of `m` to unit L2 norm; rows whose norm is below `eps`
// (or not finite) become all zeros.
void NormalizeRows(Eigen::MatrixXf* m, float eps = 1e-12f);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_EMBED_EMBEDDER_H_
