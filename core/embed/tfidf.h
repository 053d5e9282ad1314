// The built-in sentence embedding: TF-IDF over content words, fitted on the
// sentences at hand, as sparse L2-normalized vectors.
//
//   std::vector<std::string> sentences = ...;
//   TfidfModel model = TfidfModel::Fit(sentences);
//   SparseVector a = model.Embed(sentences[0]);
//   float cosine = Dot(a, model.Embed(sentences[1]));
#ifndef FACTDIFF_CORE_EMBED_TFIDF_H_
#define FACTDIFF_CORE_EMBED_TFIDF_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"

namespace factdiff {

// A sparse vector: (term id, weight) pairs sorted by term id, no duplicates.
struct SparseVector {
  std::vector<std::pair<uint32_t, float>> entries;
};

// Dot product of two sparse vectors (their cosine when both are normalized).
float Dot(const SparseVector& a, const SparseVector& b);

// Splits `sentence` into the terms the model counts: lower-cased words of
// letters (ASCII or not), with stop words and bare numbers dropped and a
// light suffix stemmer applied ("soldiers" -> "soldier", "killed" ->
// "kill", "attacks" -> "attack"). Deterministic and locale-independent.
std::vector<std::string> ContentTerms(absl::string_view sentence);

// TF-IDF weights fitted on a set of sentences. Immutable after Fit(): Embed()
// is safe to call from several threads.
class TfidfModel {
 public:
  // Fits document frequencies on `sentences` (each one "document" for IDF).
  static TfidfModel Fit(const std::vector<std::string>& sentences);

  // The L2-normalized TF-IDF vector of `sentence`; empty when it has no
  // known content term. Terms unseen at Fit() are ignored.
  SparseVector Embed(absl::string_view sentence) const;

  // The term a vector entry stands for.
  const std::string& term(uint32_t id) const { return terms_[id]; }
  size_t num_terms() const { return terms_.size(); }
  // Number of fitted sentences that contain term `id`.
  uint32_t document_frequency(uint32_t id) const { return df_[id]; }
  size_t num_sentences() const { return num_sentences_; }

 private:
  absl::flat_hash_map<std::string, uint32_t> ids_;
  std::vector<std::string> terms_;
  std::vector<uint32_t> df_;
  std::vector<float> idf_;
  size_t num_sentences_ = 0;
};

}  // namespace factdiff

#endif  // FACTDIFF_CORE_EMBED_TFIDF_H_
