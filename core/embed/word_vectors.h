// Pretrained word vectors and the "word-vectors" sentence embedder, which
// combines them per sentence with SIF weighting and removes the common
// component (Arora, Liang, Ma, "A Simple but Tough-to-Beat Baseline for
// Sentence Embeddings", ICLR 2017).
//
//   FACTDIFF_ASSIGN_OR_RETURN(WordVectors table,
//                             WordVectors::Load("glove.6B.300d.txt"));
//   SifEmbedder embedder(
//       std::make_shared<const WordVectors>(std::move(table)));
//   FACTDIFF_ASSIGN_OR_RETURN(Eigen::MatrixXf m, embedder.FitEmbed(sentences));
//
// File formats (all as written by the reference tools):
//   - text with a header line "<count> <dims>" (word2vec -binary 0,
//     fastText .vec), then one "<word> <v1> ... <vdims>" line per word;
//   - text without header (GloVe): the first line's value count sets dims;
//   - word2vec binary: the header line, then per word "<word> " followed by
//     dims little-endian float32 values and an optional '\n'.
// Values are parsed locale-independently. A word that holds spaces (a few
// GloVe 840B entries) is accepted: the last `dims` fields are the values.
// Files are assumed sorted by decreasing corpus frequency, as all three
// tools write them (used for SIF weights of words the fit corpus lacks).
#ifndef FACTDIFF_CORE_EMBED_WORD_VECTORS_H_
#define FACTDIFF_CORE_EMBED_WORD_VECTORS_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "Eigen/Core"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/embed/embedder.h"

namespace factdiff {

enum class VectorFileFormat {
  // Binary when the bytes after a "<count> <dims>" header line are not text
  // (a NUL or other control byte among the first 4 KiB), else text.
  kAuto,
  kText,
  kBinary,
};

struct WordVectorsOptions {
  VectorFileFormat format = VectorFileFormat::kAuto;
  // Load at most this many words (the most frequent ones, as files are
  // sorted); 0 loads all. Default 0.
  size_t max_words = 0;
};

// A table of word vectors: word -> row of a words x dims matrix. Immutable
// after Load(): safe to share between threads and embedders.
class WordVectors {
 public:
  // Reads `path`. Errors (absl::InvalidArgumentError, or NotFound for a
  // missing file) name the file and the line (text) or entry and byte offset
  // (binary): a bad header, a wrong number of values, a value that is not a
  // finite number, a file that ends inside a vector, no vectors at all.
  // Repeated words keep their first vector.
  static absl::StatusOr<WordVectors> Load(
      const std::string& path,
      const WordVectorsOptions& options = WordVectorsOptions());

  // Row of `word`: exact match first, then its ASCII-lower-cased form; -1
  // when neither is in the table.
  int Find(absl::string_view word) const;

  int dims() const { return dims_; }
  size_t size() const { return words_.size(); }
  const std::string& word(int row) const { return words_[row]; }
  // The vector of row `row` (0 <= row < size()); valid while *this lives.
  Eigen::Map<const Eigen::VectorXf> vector(int row) const {
    return Eigen::Map<const Eigen::VectorXf>(
        data_.data() + static_cast<size_t>(row) * dims_, dims_);
  }

 private:
  // Appends `word` with `values` (dims_ floats) unless already present.
  void Add(std::string word, const float* values);

  int dims_ = 0;
  std::vector<std::string> words_;
  absl::flat_hash_map<std::string, int> index_;
  std::vector<float> data_;  // size() x dims_, row-major
};

struct SifOptions {
  // The SIF constant a in the weight a / (a + p(w)). Default 1e-3.
  float a = 1e-3f;
  // Remove the projection on the first principal component (the "common
  // discourse" direction) of the fit corpus's sentence vectors. Default true.
  bool remove_principal_component = true;
};

// The "word-vectors" embedder. A sentence's tokens are its maximal runs of
// letters and digits (any byte >= 0x80 counts as a letter), looked up with
// WordVectors::Find(). Its vector is the mean over tokens found of
// a / (a + p(w)) * v(w), minus its projection on the common component u,
// L2-normalized; a sentence with no token found is a zero row.
//
// p(w), the unigram probability, is estimated at Fit() from the corpus at
// hand: count(w) / total tokens (found or not). For a word absent from the
// fit corpus (Embed() of new text) the frequency is unknown, and the file's
// order stands in for it: rank r (0-based row) gets Zipf's law
// p = 1 / ((r + 1) * (ln(size) + 0.5772)).
//
// u is the first right singular vector of the matrix of the fit corpus's
// (non-zero) sentence vectors, as in the paper; with fewer than two such
// sentences nothing is removed.
//
// Immutable after Fit(): Embed() is safe to call from several threads.
class SifEmbedder : public Embedder {
 public:
  // `vectors` must not be null; it is shared, not copied.
  explicit SifEmbedder(std::shared_ptr<const WordVectors> vectors,
                       SifOptions options = SifOptions());

  absl::Status Fit(const std::vector<std::string>& corpus) override;
  absl::StatusOr<Eigen::MatrixXf> Embed(
      const std::vector<std::string>& sentences) const override;
  int dims() const override { return vectors_->dims(); }
  std::string name() const override { return "word-vectors"; }

  // The common component removed (unit norm), or all zeros when none.
  const Eigen::VectorXf& common_component() const { return common_; }
  // The fitted or file-order estimate of p(w) for table row `row`.
  double Probability(int row) const;

 private:
  // Mean of weighted vectors, before common-component removal.
  Eigen::VectorXf Average(absl::string_view sentence) const;

  std::shared_ptr<const WordVectors> vectors_;
  SifOptions options_;
  absl::flat_hash_map<int, double> fitted_probability_;
  double zipf_norm_ = 1.0;
  Eigen::VectorXf common_;
};

}  // namespace factdiff

#endif  // FACTDIFF_CORE_EMBED_WORD_VECTORS_H_
