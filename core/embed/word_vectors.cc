#include "core/embed/word_vectors.h"

#include <cmath>
#include <cstring>
#include <fstream>
#include <utility>

#include "Eigen/Eigenvalues"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace factdiff {
namespace {

bool IsWordByte(unsigned char c) { return c >= 0x80 || absl::ascii_isalnum(c); }

std::vector<absl::string_view> Tokens(absl::string_view s) {
  std::vector<absl::string_view> tokens;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !IsWordByte(s[i])) ++i;
    const size_t begin = i;
    while (i < s.size() && IsWordByte(s[i])) ++i;
    if (i > begin) tokens.push_back(s.substr(begin, i - begin));
  }
  return tokens;
}

// Splits a text line on spaces and tabs, dropping empty fields.
std::vector<absl::string_view> Fields(absl::string_view line) {
  return absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipEmpty());
}

// "<count> <dims>" -> true and the numbers.
bool ParseHeader(absl::string_view line, int64_t* count, int* dims) {
  const std::vector<absl::string_view> f = Fields(line);
  return f.size() == 2 && absl::SimpleAtoi(f[0], count) &&
         absl::SimpleAtoi(f[1], dims) && *count >= 0 && *dims > 0;
}

absl::Status Invalid(const std::string& path, int64_t line,
                     absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(path, ":", line, ": ", what));
}

}  // namespace

void WordVectors::Add(std::string word, const float* values) {
  auto [it, inserted] =
      index_.try_emplace(word, static_cast<int>(words_.size()));
  if (!inserted) return;
  words_.push_back(std::move(word));
  data_.insert(data_.end(), values, values + dims_);
}

int WordVectors::Find(absl::string_view word) const {
  auto it = index_.find(word);
  if (it != index_.end()) return it->second;
  std::string lower = absl::AsciiStrToLower(word);
  it = index_.find(lower);
  return it == index_.end() ? -1 : it->second;
}

absl::StatusOr<WordVectors> WordVectors::Load(
    const std::string& path, const WordVectorsOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat(path, ": cannot open word-vector file"));
  }
  WordVectors table;
  const size_t limit = options.max_words == 0 ? SIZE_MAX : options.max_words;
  std::string line;
  int64_t line_number = 0;
  if (!std::getline(in, line)) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": empty word-vector file"));
  }
  ++line_number;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  int64_t count = -1;
  const bool has_header = ParseHeader(line, &count, &table.dims_);

  VectorFileFormat format = options.format;
  if (format == VectorFileFormat::kAuto) {
    format = VectorFileFormat::kText;
    if (has_header) {
      char peek[4096];
      const std::streampos start = in.tellg();
      in.read(peek, sizeof(peek));
      const std::streamsize got = in.gcount();
      for (std::streamsize i = 0; i < got; ++i) {
        const unsigned char c = peek[i];
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
          format = VectorFileFormat::kBinary;
          break;
        }
      }
      in.clear();
      in.seekg(start);
    }
  }

  if (format == VectorFileFormat::kBinary) {
    if (!has_header) {
      return Invalid(path, 1,
                     absl::StrCat("word2vec binary file must start with a "
                                  "\"<count> <dims>\" line, found \"",
                                  line.substr(0, 80), "\""));
    }
    std::vector<float> values(table.dims_);
    for (int64_t entry = 0; entry < count && table.size() < limit; ++entry) {
      const std::streamoff offset = in.tellg();
      std::string word;
      int c;
      while ((c = in.get()) != EOF && (c == '\n' || c == '\r')) {
      }
      while (c != EOF && c != ' ') {
        word.push_back(static_cast<char>(c));
        c = in.get();
      }
      if (c == EOF) {
        return absl::InvalidArgumentError(absl::StrCat(
            path, ": entry ", entry + 1, " of ", count, " (byte ", offset,
            "): file ends before the vector of \"", word, "\""));
      }
      in.read(reinterpret_cast<char*>(values.data()),
              sizeof(float) * table.dims_);
      if (in.gcount() !=
          static_cast<std::streamsize>(sizeof(float)) * table.dims_) {
        return absl::InvalidArgumentError(absl::StrCat(
            path, ": entry ", entry + 1, " of ", count, " (byte ", offset,
            "): file ends inside the vector of \"", word, "\""));
      }
      for (float v : values) {
        if (!std::isfinite(v)) {
          return absl::InvalidArgumentError(absl::StrCat(
              path, ": entry ", entry + 1, " (byte ", offset,
              "): non-finite value in the vector of \"", word, "\""));
        }
      }
      table.Add(std::move(word), values.data());
    }
  } else {
    std::vector<float> values;
    bool first_is_data = !has_header;
    while (table.size() < limit) {
      if (!first_is_data) {
        if (!std::getline(in, line)) break;
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
      }
      first_is_data = false;
      const std::vector<absl::string_view> f = Fields(line);
      if (f.empty()) continue;  // blank line
      if (table.dims_ == 0) table.dims_ = static_cast<int>(f.size()) - 1;
      if (table.dims_ <= 0 || static_cast<int>(f.size()) < table.dims_ + 1) {
        return Invalid(
            path, line_number,
            absl::StrCat("expected a word and ", std::max(table.dims_, 1),
                         " values, found ", f.size(), " fields"));
      }
      // Leading fields beyond one form the word (GloVe 840B has words with
      // spaces).
      const size_t word_fields = f.size() - table.dims_;
      values.resize(table.dims_);
      for (int d = 0; d < table.dims_; ++d) {
        const absl::string_view field = f[word_fields + d];
        if (!absl::SimpleAtof(field, &values[d]) || !std::isfinite(values[d])) {
          return Invalid(path, line_number,
                         absl::StrCat("value ", d + 1, " \"", field,
                                      "\" is not a finite number"));
        }
      }
      std::string word(f[0]);
      for (size_t i = 1; i < word_fields; ++i)
        absl::StrAppend(&word, " ", f[i]);
      table.Add(std::move(word), values.data());
    }
  }
  if (table.size() == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": no word vectors found"));
  }
  return table;
}

SifEmbedder::SifEmbedder(std::shared_ptr<const WordVectors> vectors,
                         SifOptions options)
    : vectors_(std::move(vectors)), options_(options) {
  zipf_norm_ = std::log(static_cast<double>(vectors_->size())) + 0.5772;
  common_ = Eigen::VectorXf::Zero(vectors_->dims());
}

double SifEmbedder::Probability(int row) const {
  auto it = fitted_probability_.find(row);
  if (it != fitted_probability_.end()) return it->second;
  return 1.0 / ((row + 1.0) * zipf_norm_);
}

Eigen::VectorXf SifEmbedder::Average(absl::string_view sentence) const {
  Eigen::VectorXf sum = Eigen::VectorXf::Zero(vectors_->dims());
  int found = 0;
  for (absl::string_view token : Tokens(sentence)) {
    const int row = vectors_->Find(token);
    if (row < 0) continue;
    const double weight = options_.a / (options_.a + Probability(row));
    sum += static_cast<float>(weight) * vectors_->vector(row);
    ++found;
  }
  if (found > 0) sum /= static_cast<float>(found);
  return sum;
}

absl::Status SifEmbedder::Fit(const std::vector<std::string>& corpus) {
  if (!(options_.a > 0)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "word-vectors: SIF constant a must be > 0, got ", options_.a));
  }
  fitted_probability_.clear();
  common_.setZero();
  int64_t total = 0;
  for (const std::string& s : corpus) {
    for (absl::string_view token : Tokens(s)) {
      ++total;
      const int row = vectors_->Find(token);
      if (row >= 0) fitted_probability_[row] += 1.0;
    }
  }
  for (auto& [row, p] : fitted_probability_) p /= static_cast<double>(total);
  if (!options_.remove_principal_component) return absl::OkStatus();

  // First right singular vector of the stacked sentence vectors: the top
  // eigenvector of X^T X.
  const int d = vectors_->dims();
  Eigen::MatrixXd gram = Eigen::MatrixXd::Zero(d, d);
  int rows = 0;
  for (const std::string& s : corpus) {
    const Eigen::VectorXd v = Average(s).cast<double>();
    if (v.squaredNorm() == 0) continue;
    gram.selfadjointView<Eigen::Lower>().rankUpdate(v);
    ++rows;
  }
  if (rows < 2) return absl::OkStatus();
  gram.triangularView<Eigen::StrictlyUpper>() = gram.transpose();
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(gram);
  common_ = eigen.eigenvectors().col(d - 1).normalized().cast<float>();
  return absl::OkStatus();
}

absl::StatusOr<Eigen::MatrixXf> SifEmbedder::Embed(
    const std::vector<std::string>& sentences) const {
  Eigen::MatrixXf m(static_cast<Eigen::Index>(sentences.size()),
                    vectors_->dims());
  for (size_t i = 0; i < sentences.size(); ++i) {
    Eigen::VectorXf v = Average(sentences[i]);
    const float before = v.norm();
    v -= common_ * common_.dot(v);
    // Nothing but the common component: no direction left.
    if (v.norm() <= 1e-5f * before) v.setZero();
    m.row(static_cast<Eigen::Index>(i)) = v.transpose();
  }
  NormalizeRows(&m, 1e-8f);
  return m;
}

}  // namespace factdiff
