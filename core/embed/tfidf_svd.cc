#include "core/embed/tfidf_svd.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "absl/strings/str_cat.h"
#include "core/base/status_macros.h"
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

absl::Status ValidateOptions(const TfidfSvdOptions& o) {
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
  return absl::OkStatus();
}

// --- Model storage (format in tfidf_svd.h) ---------------------------------

constexpr char kMagic[8] = {'F', 'D', 'T', 'F', 'S', 'V', 'D', '\0'};
constexpr uint32_t kFormatVersion = 1;
constexpr size_t kHeaderSize = 8 + 4 + 8;  // magic, version, payload size
constexpr size_t kChecksumSize = 8;

uint64_t Fnv1a64(absl::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}

uint32_t FloatBits(float f) {
  uint32_t u;
  std::memcpy(&u, &f, sizeof(u));
  return u;
}

float BitsFloat(uint32_t u) {
  float f;
  std::memcpy(&f, &u, sizeof(f));
  return f;
}

// Appends little-endian values to a string.
class Writer {
 public:
  explicit Writer(std::string* out) : out_(out) {}
  void U32(uint32_t v) {
    char b[4];
    for (int i = 0; i < 4; ++i) b[i] = static_cast<char>(v >> (8 * i));
    out_->append(b, 4);
  }
  void U64(uint64_t v) {
    char b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<char>(v >> (8 * i));
    out_->append(b, 8);
  }
  void I32(int32_t v) { U32(static_cast<uint32_t>(v)); }
  void F32(float v) { U32(FloatBits(v)); }
  void Floats(const float* v, size_t n) {
    const size_t at = out_->size();
    out_->resize(at + 4 * n);
    char* p = &(*out_)[at];
    for (size_t i = 0; i < n; ++i, p += 4) {
      const uint32_t u = FloatBits(v[i]);
      p[0] = static_cast<char>(u);
      p[1] = static_cast<char>(u >> 8);
      p[2] = static_cast<char>(u >> 16);
      p[3] = static_cast<char>(u >> 24);
    }
  }
  void Bytes(absl::string_view s) { out_->append(s.data(), s.size()); }

 private:
  std::string* out_;
};

uint32_t LoadU32(const char* p) {
  const auto* b = reinterpret_cast<const unsigned char*>(p);
  return uint32_t{b[0]} | uint32_t{b[1]} << 8 | uint32_t{b[2]} << 16 |
         uint32_t{b[3]} << 24;
}

// Reads little-endian values from `bytes`, which start at byte `base` of the
// whole model; every read checks the bounds.
class Reader {
 public:
  Reader(absl::string_view bytes, size_t base) : bytes_(bytes), base_(base) {}

  size_t offset() const { return base_ + pos_; }
  size_t remaining() const { return bytes_.size() - pos_; }

  bool U32(uint32_t* v) {
    if (remaining() < 4) return false;
    *v = LoadU32(bytes_.data() + pos_);
    pos_ += 4;
    return true;
  }
  bool U64(uint64_t* v) {
    if (remaining() < 8) return false;
    const uint64_t lo = LoadU32(bytes_.data() + pos_);
    const uint64_t hi = LoadU32(bytes_.data() + pos_ + 4);
    pos_ += 8;
    *v = hi << 32 | lo;
    return true;
  }
  bool I32(int32_t* v) {
    uint32_t u;
    if (!U32(&u)) return false;
    *v = static_cast<int32_t>(u);
    return true;
  }
  bool F32(float* v) {
    uint32_t u;
    if (!U32(&u)) return false;
    *v = BitsFloat(u);
    return true;
  }
  bool Floats(float* v, size_t n) {
    if (remaining() / 4 < n) return false;
    const char* p = bytes_.data() + pos_;
    for (size_t i = 0; i < n; ++i, p += 4) v[i] = BitsFloat(LoadU32(p));
    pos_ += 4 * n;
    return true;
  }
  bool Bytes(size_t n, absl::string_view* v) {
    if (remaining() < n) return false;
    *v = bytes_.substr(pos_, n);
    pos_ += n;
    return true;
  }

  absl::Status Truncated(absl::string_view what) const {
    return absl::DataLossError(absl::StrCat(
        "embedding model: truncated at byte ", offset(), " reading ", what));
  }
  absl::Status Corrupt(absl::string_view what) const {
    return absl::DataLossError(absl::StrCat("embedding model: corrupt at byte ",
                                            offset(), ": ", what));
  }

 private:
  absl::string_view bytes_;
  size_t base_;
  size_t pos_ = 0;
};

bool AllFinite(const float* v, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (!std::isfinite(v[i])) return false;
  }
  return true;
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
  FACTDIFF_RETURN_IF_ERROR(ValidateOptions(o));
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

std::string TfidfSvdEmbedder::SerializeModel() const {
  const size_t num_words = static_cast<size_t>(num_word_columns_);
  const size_t num_features = idf_.size();
  const size_t k = static_cast<size_t>(basis_.cols());
  std::vector<const std::string*> words(num_words, nullptr);
  size_t word_bytes = 0;
  for (const auto& [word, column] : word_column_) {
    words[column] = &word;
    word_bytes += 4 + word.size();
  }
  std::vector<uint32_t> buckets;  // increasing, so column W + i
  buckets.reserve(num_features - num_words);
  for (size_t b = 0; b < bucket_column_.size(); ++b) {
    if (bucket_column_[b] >= 0) buckets.push_back(static_cast<uint32_t>(b));
  }
  const size_t payload_size = 36 + 4 + word_bytes + 4 + 4 * buckets.size() +
                              4 * num_features + 4 + 4 * k +
                              4 * num_features * k;

  std::string out;
  out.reserve(kHeaderSize + payload_size + kChecksumSize);
  Writer w(&out);
  w.Bytes(absl::string_view(kMagic, sizeof(kMagic)));
  w.U32(kFormatVersion);
  w.U64(payload_size);
  const TfidfSvdOptions& o = options_;
  w.I32(o.dims);
  w.I32(o.min_char_ngram);
  w.I32(o.max_char_ngram);
  w.I32(o.hash_bits);
  w.F32(o.word_weight);
  w.I32(o.power_iterations);
  w.I32(o.oversampling);
  w.U64(o.seed);
  w.U32(static_cast<uint32_t>(num_words));
  for (const std::string* word : words) {
    w.U32(static_cast<uint32_t>(word->size()));
    w.Bytes(*word);
  }
  w.U32(static_cast<uint32_t>(buckets.size()));
  for (uint32_t b : buckets) w.U32(b);
  w.Floats(idf_.data(), num_features);
  w.U32(static_cast<uint32_t>(k));
  w.Floats(singular_values_.data(), k);
  w.Floats(basis_.data(), num_features * k);  // row-major
  w.U64(Fnv1a64(absl::string_view(out).substr(kHeaderSize)));
  return out;
}

absl::StatusOr<std::unique_ptr<TfidfSvdEmbedder>>
TfidfSvdEmbedder::DeserializeModel(absl::string_view bytes) {
  // Header.
  const absl::string_view magic(kMagic, sizeof(kMagic));
  if (bytes.size() < magic.size() && bytes == magic.substr(0, bytes.size())) {
    return absl::DataLossError(absl::StrCat(
        "embedding model: truncated at byte ", bytes.size(), " reading magic"));
  }
  if (bytes.substr(0, magic.size()) != magic) {
    return absl::InvalidArgumentError(
        "embedding model: bad magic, not a tfidf-svd model");
  }
  Reader header(bytes.substr(magic.size()), magic.size());
  uint32_t version;
  if (!header.U32(&version)) return header.Truncated("format version");
  if (version > kFormatVersion) {
    return absl::InvalidArgumentError(
        absl::StrCat("embedding model: format version ", version,
                     " is newer than this build reads (", kFormatVersion, ")"));
  }
  if (version == 0) return header.Corrupt("format version 0");
  uint64_t payload_size;
  if (!header.U64(&payload_size)) return header.Truncated("payload size");
  const size_t available = bytes.size() - kHeaderSize;
  if (available < kChecksumSize || payload_size > available - kChecksumSize) {
    return absl::DataLossError(
        absl::StrCat("embedding model: truncated at byte ", bytes.size(),
                     " (payload of ", payload_size, " bytes and checksum need ",
                     kHeaderSize + payload_size + kChecksumSize, " bytes)"));
  }
  const size_t end = kHeaderSize + payload_size + kChecksumSize;
  if (bytes.size() > end) {
    return absl::DataLossError(
        absl::StrCat("embedding model: ", bytes.size() - end,
                     " unexpected bytes after the checksum at byte ", end));
  }
  const absl::string_view payload = bytes.substr(kHeaderSize, payload_size);
  uint64_t stored = 0;
  Reader(bytes.substr(end - kChecksumSize), end - kChecksumSize).U64(&stored);
  const uint64_t computed = Fnv1a64(payload);
  if (stored != computed) {
    return absl::DataLossError(absl::StrCat(
        "embedding model: checksum mismatch (stored ", absl::Hex(stored),
        ", computed ", absl::Hex(computed), ")"));
  }

  // Payload.
  Reader r(payload, kHeaderSize);
  TfidfSvdOptions o;
  if (!r.I32(&o.dims) || !r.I32(&o.min_char_ngram) ||
      !r.I32(&o.max_char_ngram) || !r.I32(&o.hash_bits) ||
      !r.F32(&o.word_weight) || !r.I32(&o.power_iterations) ||
      !r.I32(&o.oversampling) || !r.U64(&o.seed)) {
    return r.Truncated("options");
  }
  auto model = std::make_unique<TfidfSvdEmbedder>(o);

  uint32_t num_words;
  if (!r.U32(&num_words)) return r.Truncated("word count");
  if (num_words > r.remaining() / 4) return r.Truncated("words");
  model->word_column_.reserve(num_words);
  for (uint32_t c = 0; c < num_words; ++c) {
    uint32_t length;
    absl::string_view word;
    if (!r.U32(&length) || !r.Bytes(length, &word)) {
      return r.Truncated(absl::StrCat("word ", c));
    }
    if (!model->word_column_.try_emplace(std::string(word), c).second) {
      return r.Corrupt(absl::StrCat("word ", c, " repeats an earlier word"));
    }
  }
  model->num_word_columns_ = static_cast<int>(num_words);

  uint32_t num_buckets;
  if (!r.U32(&num_buckets)) return r.Truncated("bucket count");
  if (num_buckets > r.remaining() / 4) return r.Truncated("buckets");
  const uint64_t num_features = uint64_t{num_words} + num_buckets;
  if (num_features > static_cast<uint64_t>(std::numeric_limits<int>::max())) {
    return r.Corrupt("too many features");
  }
  if (num_features > 0) {
    // Features exist only after a successful Fit(), with valid options.
    absl::Status valid = ValidateOptions(o);
    if (!valid.ok()) return r.Corrupt(valid.message());
  }
  if (num_buckets > 0) {
    if (o.max_char_ngram <= 0) return r.Corrupt("buckets without n-grams");
    model->bucket_column_.assign(size_t{1} << o.hash_bits, -1);
  }
  int64_t previous = -1;
  for (uint32_t i = 0; i < num_buckets; ++i) {
    uint32_t b;
    r.U32(&b);  // bounds checked above
    if (static_cast<int64_t>(b) <= previous ||
        b >= model->bucket_column_.size()) {
      return r.Corrupt(absl::StrCat("bucket id ", b, " out of order or range"));
    }
    model->bucket_column_[b] = static_cast<int>(num_words + i);
    previous = b;
  }

  model->idf_.resize(num_features);
  if (!r.Floats(model->idf_.data(), num_features)) return r.Truncated("idf");
  for (float idf : model->idf_) {
    if (!(std::isfinite(idf) && idf > 0)) return r.Corrupt("idf not positive");
  }

  uint32_t k;
  if (!r.U32(&k)) return r.Truncated("dimension");
  if (k > num_features || (k > 0 && static_cast<int64_t>(k) > o.dims)) {
    return r.Corrupt(absl::StrCat("dimension ", k, " exceeds ", num_features,
                                  " features or ", o.dims, " dims"));
  }
  model->singular_values_.resize(k);
  if (!r.Floats(model->singular_values_.data(), k)) {
    return r.Truncated("singular values");
  }
  for (uint32_t i = 0; i < k; ++i) {
    const float s = model->singular_values_[i];
    if (!(std::isfinite(s) && s > 0) ||
        (i > 0 && s > model->singular_values_[i - 1])) {
      return r.Corrupt("singular values not positive and non-increasing");
    }
  }
  // k <= num_features < 2^31, so the product fits 64 bits.
  if (k > 0 && num_features > r.remaining() / 4 / k) {
    return r.Truncated("basis");
  }
  model->basis_.resize(static_cast<Eigen::Index>(num_features),
                       static_cast<Eigen::Index>(k));
  r.Floats(model->basis_.data(), num_features * k);  // bounds checked above
  if (!AllFinite(model->basis_.data(), num_features * k)) {
    return r.Corrupt("basis not finite");
  }
  if (r.remaining() != 0) {
    return r.Corrupt(absl::StrCat(r.remaining(), " unused payload bytes"));
  }
  return model;
}

}  // namespace factdiff
