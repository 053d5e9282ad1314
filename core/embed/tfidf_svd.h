// The built-in sentence embedder ("tfidf-svd"): TF-IDF over whole words and
// character n-grams, reduced to a few hundred dense dimensions with a
// randomized truncated SVD (latent semantic analysis). Needs no download and
// works on any corpus and language that separates words with spaces.
//
//   TfidfSvdEmbedder embedder;                       // 128 dims by default
//   FACTDIFF_ASSIGN_OR_RETURN(Eigen::MatrixXf m, embedder.FitEmbed(sentences));
//   float cosine = m.row(0).dot(m.row(1));
//   // Later sentences land in the same space:
//   FACTDIFF_ASSIGN_OR_RETURN(Eigen::MatrixXf more, embedder.Embed(other));
//   // ... also in another process, from a stored model:
//   std::string blob = embedder.SerializeModel();
//   FACTDIFF_ASSIGN_OR_RETURN(std::unique_ptr<TfidfSvdEmbedder> restored,
//                             TfidfSvdEmbedder::DeserializeModel(blob));
//   FACTDIFF_ASSIGN_OR_RETURN(Eigen::MatrixXf same, restored->Embed(other));
//
// Features of a sentence:
//   - words: its ContentTerms() (lower-cased, stop words and bare numbers
//     dropped, lightly stemmed), one column per distinct term seen at Fit();
//   - character n-grams: the min_char_ngram..max_char_ngram code-point
//     n-grams of each term padded as "<term>" (fastText style), hashed with a
//     fixed 64-bit hash into 2^hash_bits buckets; they let "strike" meet
//     "strikes" and "airstrike", and misspellings meet.
// Each feature weighs (1 + ln tf) * idf with idf = ln((1 + N) / (1 + df)) + 1
// over the N fitted sentences. The word block and the n-gram block of a row
// are each L2-normalized and scaled so the word block carries `word_weight`
// of the row's squared norm. Features never seen at Fit() are dropped.
//
// Fit() builds the sparse N x F TF-IDF matrix A (compressed rows) and keeps
// V_k, the top k right singular vectors from RandomizedSvd(); Embed() maps a
// sentence's TF-IDF row a to a * V_k (its coordinates in the latent space:
// U_k * S_k for fitted sentences) and L2-normalizes it. k = min(dims, N, F),
// less any trailing components whose singular value is below 1e-5 of the
// largest (the corpus has fewer independent directions than dims).
#ifndef FACTDIFF_CORE_EMBED_TFIDF_SVD_H_
#define FACTDIFF_CORE_EMBED_TFIDF_SVD_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "Eigen/Core"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/embed/embedder.h"
#include "core/embed/randomized_svd.h"

namespace factdiff {

struct TfidfSvdOptions {
  // --- Affects behavior -------------------------------------------------
  // Wanted embedding dimension (k); fewer when the fit corpus has fewer
  // sentences or features. Must be >= 1. Default 128.
  int dims = 128;
  // Character n-gram lengths, in code points, of the padded terms; set
  // max_char_ngram = 0 to use whole words only. Default 3..5.
  int min_char_ngram = 3;
  int max_char_ngram = 5;
  // n-grams are hashed into 2^hash_bits buckets (1..30). Default 18.
  int hash_bits = 18;
  // Share (0..1) of each row's squared norm given to whole words; the rest
  // goes to character n-grams. Default 0.5.
  float word_weight = 0.5f;
  // Randomized SVD: power iterations, oversampling and seed (see
  // randomized_svd.h). Defaults 2, 10 and a fixed constant.
  int power_iterations = 2;
  int oversampling = 10;
  uint64_t seed = 0x9e3779b97f4a7c15ull;

  // --- Affects performance ----------------------------------------------
  // Worker threads for feature extraction and sparse products; 0 means
  // std::thread::hardware_concurrency() (at most 16). Results do not depend
  // on it. Default 0.
  int num_threads = 0;
};

// See the file comment. Immutable after Fit(): Embed() and the accessors are
// safe to call from several threads at once; Fit() and FitEmbed() are not.
class TfidfSvdEmbedder : public Embedder {
 public:
  explicit TfidfSvdEmbedder(TfidfSvdOptions options = TfidfSvdOptions());

  // InvalidArgument for options out of range; an empty corpus gives dims 0.
  absl::Status Fit(const std::vector<std::string>& corpus) override;
  absl::StatusOr<Eigen::MatrixXf> Embed(
      const std::vector<std::string>& sentences) const override;
  // Reuses the TF-IDF matrix built by Fit(): one fewer pass over the text.
  absl::StatusOr<Eigen::MatrixXf> FitEmbed(
      const std::vector<std::string>& sentences) override;
  int dims() const override { return static_cast<int>(basis_.cols()); }
  std::string name() const override { return "tfidf-svd"; }

  // The TF-IDF rows of `sentences` under the fitted weights (F columns,
  // rows as described in the file comment, not yet projected).
  SparseRowMatrix TfidfRows(const std::vector<std::string>& sentences) const;
  // Number of TF-IDF columns (F): distinct fitted terms plus used buckets.
  size_t num_features() const { return idf_.size(); }
  // Singular values of the kept components, non-increasing.
  const Eigen::VectorXf& singular_values() const { return singular_values_; }
  const TfidfSvdOptions& options() const { return options_; }

  // --- Storage ------------------------------------------------------------
  // The fitted model as a self-describing byte string, for a store to keep
  // as an opaque blob: the options that affect behavior, the word columns,
  // the used n-gram buckets, idf, V_k and the singular values. Deterministic:
  // the same options and fit corpus give the same bytes. An embedder that was
  // never fitted (dims() == 0) serializes too, and restores as unfitted.
  //
  // Format, version 1; integers and IEEE-754 floats little-endian
  // (u32/u64/i32/f32):
  //   header   8 bytes magic "FDTFSVD\0", u32 version (1),
  //            u64 payload size P
  //   payload  options: i32 dims, i32 min_char_ngram, i32 max_char_ngram,
  //              i32 hash_bits, f32 word_weight, i32 power_iterations,
  //              i32 oversampling, u64 seed (num_threads is not stored);
  //            u32 W, then W words (u32 byte length, UTF-8 bytes): word
  //              column c is the c-th word;
  //            u32 B, then B strictly increasing u32 bucket ids: only the
  //              used buckets (sparse), bucket i is column W + i;
  //            F = W + B f32 idf, by column;
  //            u32 k, k f32 singular values, F * k f32 V_k (row-major: the
  //              k coordinates of column 0 first).
  //   trailer  u64 FNV-1a 64 of the P payload bytes.
  // Size is about 4 * F * (k + 1) bytes plus the words: V_k dominates.
  std::string SerializeModel() const;

  // A fitted embedder from SerializeModel()'s bytes, embedding bit for bit
  // as the serialized one did (with num_threads 0). Errors name the byte
  // offset: InvalidArgument for a wrong magic (not such a model) or a format
  // version newer than this build reads; DataLoss for truncated or corrupt
  // bytes ("embedding model: truncated at byte N ..."), trailing bytes, or a
  // checksum mismatch.
  static absl::StatusOr<std::unique_ptr<TfidfSvdEmbedder>> DeserializeModel(
      absl::string_view bytes);

 private:
  struct Features {
    std::vector<std::string> words;  // ContentTerms, in order
    std::vector<uint32_t> buckets;   // hashed n-grams, in order
  };
  Features Extract(const std::string& sentence) const;
  // One sorted (column, weight) row from `features` with the fitted maps.
  std::vector<std::pair<int, float>> Row(const Features& features) const;
  SparseRowMatrix Assemble(
      const std::vector<std::vector<std::pair<int, float>>>& rows) const;
  int threads() const;
  // Fit(); returns the fitted TF-IDF matrix of `corpus`.
  absl::StatusOr<SparseRowMatrix> FitModel(
      const std::vector<std::string>& corpus);
  // Fit() without the SVD; returns the fitted TF-IDF matrix of `corpus`.
  absl::StatusOr<SparseRowMatrix> FitWeights(
      const std::vector<std::string>& corpus);

  TfidfSvdOptions options_;
  absl::flat_hash_map<std::string, int> word_column_;
  std::vector<int> bucket_column_;  // -1: bucket unseen at Fit()
  int num_word_columns_ = 0;
  std::vector<float> idf_;           // per column
  RowMajorMatrixXf basis_;           // F x k: V_k
  Eigen::VectorXf singular_values_;  // k
};

}  // namespace factdiff

#endif  // FACTDIFF_CORE_EMBED_TFIDF_SVD_H_
