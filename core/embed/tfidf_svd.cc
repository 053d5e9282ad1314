#include "core/embed/tfidf_svd.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "core/embed/parallel.h"
#include "core/embed/tfidf.h"

namespace factdiff {
namespace {

// FNV-1a with a splitmix64 finalizer: fixed across runs and platforms
// (absl::Hash is seeded per process), so stored vectors stay comparable.
uint64_t StableHash(const char* data, size_t size, uint64_t n) {
  uint64_t h = 0xcbf29ce484222325ull ^ (n * 0x100000001b3ull);
  for (size_t i = 0; i < size; ++i) {
    h ^= static_cast<unsigned char>(data[i]);
    h *= 0x100000001b3ull;
  }
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  h ^= h >> 31;
  return h;
}

// Scales entries [begin, end) of `row` to squared norm `share`.
void ScaleBlock(std::vector<std::pair<int, float>>& row, size_t begin,
                size_t end, float share) {
  double norm = 0;
  for (size_t i = begin; i < end; ++i) {
    norm += static_cast<double>(row[i].second) * row[i].second;
  }
  if (norm <= 0) return;
  const float scale = static_cast<float>(std::sqrt(share / norm));
  for (size_t i = begin; i < end; ++i) row[i].second *= scale;
}

}  // namespace

TfidfSvdEmbedder::TfidfSvdEmbedder(TfidfSvdOptions options)
    : options_(options) {}

int TfidfSvdEmbedder::threads() const {
  return embed_internal::ResolveThreads(options_.num_threads);
}

TfidfSvdEmbedder::Features TfidfSvdEmbedder::Extract(
    const std::string& sentence) const {
  Features f;
  f.words = ContentTerms(sentence);
  if (options_.max_char_ngram <= 0) return f;
  const uint64_t mask = (uint64_t{1} << options_.hash_bits) - 1;
  std::string padded;
  std::vector<size_t> starts;  // byte offset of each code point, plus end
  for (const std::string& w : f.words) {
    padded.assign("<");
    padded += w;
    padded += '>';
    starts.clear();
    for (size_t i = 0; i < padded.size(); ++i) {
      if ((static_cast<unsigned char>(padded[i]) & 0xC0) != 0x80) {
        starts.push_back(i);
      }
    }
    starts.push_back(padded.size());
    const int points = static_cast<int>(starts.size()) - 1;
    for (int n = options_.min_char_ngram; n <= options_.max_char_ngram; ++n) {
      // The padded word itself is a whole-word feature already.
      if (n >= points) break;
      for (int i = 0; i + n <= points; ++i) {
        const size_t b = starts[i], e = starts[i + n];
        f.buckets.push_back(static_cast<uint32_t>(
            StableHash(padded.data() + b, e - b, n) & mask));
      }
    }
  }
  return f;
}

std::vector<std::pair<int, float>> TfidfSvdEmbedder::Row(
    const Features& features) const {
  std::vector<std::pair<int, float>> row;
  row.reserve(features.words.size() + features.buckets.size());
  for (const std::string& w : features.words) {
    auto it = word_column_.find(w);
    if (it != word_column_.end()) row.emplace_back(it->second, 1.0f);
  }
  for (uint32_t b : features.buckets) {
    const int col = bucket_column_.empty() ? -1 : bucket_column_[b];
    if (col >= 0) row.emplace_back(col, 1.0f);
  }
  std::sort(row.begin(), row.end());
  // Merge duplicates into term frequencies, then weigh.
  size_t out = 0;
  for (size_t i = 0; i < row.size();) {
    size_t j = i;
    float tf = 0;
    while (j < row.size() && row[j].first == row[i].first)
      tf += row[j++].second;
    row[out++] = {row[i].first, (1.0f + std::log(tf)) * idf_[row[i].first]};
    i = j;
  }
  row.resize(out);
  // Word columns come first: split the row into its two blocks.
  const size_t words_end =
      std::lower_bound(row.begin(), row.end(),
                       std::make_pair(num_word_columns_, -1e30f)) -
      row.begin();
  const float word_share = words_end == row.size() ? 1.0f
                           : words_end == 0        ? 0.0f
                                                   : options_.word_weight;
  ScaleBlock(row, 0, words_end, word_share);
  ScaleBlock(row, words_end, row.size(), 1.0f - word_share);
  return row;
}

SparseRowMatrix TfidfSvdEmbedder::Assemble(
    const std::vector<std::vector<std::pair<int, float>>>& rows) const {
  size_t nnz = 0;
  for (const auto& r : rows) nnz += r.size();
  SparseRowMatrix m(static_cast<Eigen::Index>(rows.size()),
                    static_cast<Eigen::Index>(idf_.size()));
  m.reserve(static_cast<Eigen::Index>(nnz));
  for (size_t i = 0; i < rows.size(); ++i) {
    m.startVec(static_cast<Eigen::Index>(i));
    for (const auto& [col, value] : rows[i]) {
      m.insertBack(static_cast<Eigen::Index>(i), col) = value;
    }
  }
  m.finalize();
  return m;
}

SparseRowMatrix TfidfSvdEmbedder::TfidfRows(
    const std::vector<std::string>& sentences) const {
  std::vector<std::vector<std::pair<int, float>>> rows(sentences.size());
  embed_internal::ParallelRanges(static_cast<int64_t>(sentences.size()),
                                 threads(), 256,
                                 [&](int64_t begin, int64_t end) {
                                   for (int64_t i = begin; i < end; ++i) {
                                     rows[i] = Row(Extract(sentences[i]));
                                   }
                                 });
  return Assemble(rows);
}

absl::StatusOr<SparseRowMatrix> TfidfSvdEmbedder::FitWeights(
    const std::vector<std::string>& corpus) {
  const TfidfSvdOptions& o = options_;
  if (o.dims < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("tfidf-svd: dims must be >= 1, got ", o.dims));
  }
  if (o.max_char_ngram > 0 &&
      (o.min_char_ngram < 1 || o.min_char_ngram > o.max_char_ngram)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "tfidf-svd: character n-gram lengths must satisfy 1 <= min <= max, "
        "got ",
        o.min_char_ngram, "..", o.max_char_ngram));
  }
  if (o.hash_bits < 1 || o.hash_bits > 30) {
    return absl::InvalidArgumentError(absl::StrCat(
        "tfidf-svd: hash_bits must be in 1..30, got ", o.hash_bits));
  }
  if (!(o.word_weight >= 0 && o.word_weight <= 1)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "tfidf-svd: word_weight must be in [0, 1], got ", o.word_weight));
  }
  word_column_.clear();
  bucket_column_.clear();
  idf_.clear();
  num_word_columns_ = 0;
  basis_.resize(0, 0);
  singular_values_.resize(0);

  std::vector<Features> features(corpus.size());
  embed_internal::ParallelRanges(static_cast<int64_t>(corpus.size()), threads(),
                                 256, [&](int64_t begin, int64_t end) {
                                   for (int64_t i = begin; i < end; ++i)
                                     features[i] = Extract(corpus[i]);
                                 });

  // Columns and document frequencies, in first-seen order (deterministic).
  std::vector<uint32_t> word_df;
  std::vector<uint32_t> bucket_df(
      o.max_char_ngram > 0 ? (size_t{1} << o.hash_bits) : 0, 0);
  std::vector<uint32_t> last_seen_bucket(bucket_df.size(), 0);
  std::vector<uint32_t> last_seen_word;
  for (size_t i = 0; i < features.size(); ++i) {
    const uint32_t mark = static_cast<uint32_t>(i + 1);
    for (const std::string& w : features[i].words) {
      auto [it, inserted] = word_column_.try_emplace(w, num_word_columns_);
      if (inserted) {
        ++num_word_columns_;
        word_df.push_back(0);
        last_seen_word.push_back(0);
      }
      if (last_seen_word[it->second] != mark) {
        last_seen_word[it->second] = mark;
        ++word_df[it->second];
      }
    }
    for (uint32_t b : features[i].buckets) {
      if (last_seen_bucket[b] != mark) {
        last_seen_bucket[b] = mark;
        ++bucket_df[b];
      }
    }
  }
  const double n = static_cast<double>(corpus.size());
  auto idf = [n](uint32_t df) {
    return static_cast<float>(std::log((1.0 + n) / (1.0 + df)) + 1.0);
  };
  for (uint32_t df : word_df) idf_.push_back(idf(df));
  bucket_column_.assign(bucket_df.size(), -1);
  for (size_t b = 0; b < bucket_df.size(); ++b) {
    if (bucket_df[b] == 0) continue;
    bucket_column_[b] = static_cast<int>(idf_.size());
    idf_.push_back(idf(bucket_df[b]));
  }

  std::vector<std::vector<std::pair<int, float>>> rows(features.size());
  embed_internal::ParallelRanges(static_cast<int64_t>(features.size()),
                                 threads(), 256,
                                 [&](int64_t begin, int64_t end) {
                                   for (int64_t i = begin; i < end; ++i)
                                     rows[i] = Row(features[i]);
                                 });
  features.clear();
  return Assemble(rows);
}

absl::StatusOr<SparseRowMatrix> TfidfSvdEmbedder::FitModel(
    const std::vector<std::string>& corpus) {
  absl::StatusOr<SparseRowMatrix> a = FitWeights(corpus);
  if (!a.ok()) return a.status();
  RandomizedSvdOptions svd_options;
  svd_options.rank = options_.dims;
  svd_options.oversampling = options_.oversampling;
  svd_options.power_iterations = options_.power_iterations;
  svd_options.seed = options_.seed;
  svd_options.num_threads = threads();
  TruncatedSvd svd = RandomizedSvd(*a, svd_options);
  // Drop trailing components the corpus does not span.
  Eigen::Index k = svd.singular_values.size();
  const float largest = k > 0 ? svd.singular_values[0] : 0.0f;
  while (k > 0 && !(svd.singular_values[k - 1] > 1e-5f * largest)) --k;
  singular_values_ = svd.singular_values.head(k);
  basis_ = svd.v.leftCols(k);
  return a;
}

absl::Status TfidfSvdEmbedder::Fit(const std::vector<std::string>& corpus) {
  return FitModel(corpus).status();
}

absl::StatusOr<Eigen::MatrixXf> TfidfSvdEmbedder::FitEmbed(
    const std::vector<std::string>& sentences) {
  absl::StatusOr<SparseRowMatrix> a = FitModel(sentences);
  if (!a.ok()) return a.status();
  // A * V_k (close to U_k * S_k), computed as Embed() does so that
  // FitEmbed(s) and Fit(s) + Embed(s) agree bit for bit.
  if (basis_.cols() == 0) return Eigen::MatrixXf(a->rows(), 0);
  Eigen::MatrixXf m = SparseTimesDense(*a, basis_, threads());
  NormalizeRows(&m, 1e-6f);
  return m;
}

absl::StatusOr<Eigen::MatrixXf> TfidfSvdEmbedder::Embed(
    const std::vector<std::string>& sentences) const {
  if (basis_.cols() == 0) {
    return Eigen::MatrixXf(static_cast<Eigen::Index>(sentences.size()), 0);
  }
  Eigen::MatrixXf m = SparseTimesDense(TfidfRows(sentences), basis_, threads());
  NormalizeRows(&m, 1e-6f);
  return m;
}

}  // namespace factdiff
