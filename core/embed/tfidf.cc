#include "core/embed/tfidf.h"

#include <algorithm>
#include <cmath>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace factdiff {
namespace {

// Function words that carry no topic. Kept short: reporting verbs ("said")
// are included because every news sentence has them.
const absl::flat_hash_set<std::string>& StopWords() {
  static const auto* const kStopWords = new absl::flat_hash_set<std::string>{
      "a",      "about",   "after",  "again",  "against", "all",    "also",
      "an",     "and",     "any",    "are",    "as",      "at",     "be",
      "been",   "before",  "being",  "between", "both",   "but",    "by",
      "can",    "could",   "did",    "do",     "does",    "during", "each",
      "for",    "from",    "had",    "has",    "have",    "having", "he",
      "her",    "here",    "him",    "his",    "how",     "i",      "if",
      "in",     "into",    "is",     "it",     "its",     "just",   "least",
      "more",   "most",    "no",     "nor",    "not",     "now",    "of",
      "on",     "once",    "only",   "or",     "other",   "our",    "out",
      "over",   "said",    "same",   "say",    "says",    "she",    "should",
      "so",     "some",    "such",   "than",   "that",    "the",    "their",
      "them",   "then",    "there",  "these",  "they",    "this",   "those",
      "through", "to",     "told",   "too",    "under",   "until",  "up",
      "very",   "was",     "we",     "were",   "what",    "when",   "where",
      "which",  "while",   "who",    "whom",   "why",     "will",   "with",
      "would",  "you",     "your",   "according", "s",    "t",      "mr",
      "ms",     "mrs",     "one",    "two",    "three",   "four",   "five",
      "six",    "seven",   "eight",  "nine",   "ten",     "dozen",  "dozens",
      "hundred", "hundreds", "thousand", "thousands", "million", "billion",
      "percent", "nearly", "almost", "around", "roughly", "approximately"};
  return *kStopWords;
}

// A light suffix stemmer: enough to join "attack/attacks/attacked" and
// "soldier/soldiers"; not a linguistic stemmer.
std::string Stem(std::string w) {
  auto strip = [&](absl::string_view suffix, size_t min_stem) {
    if (w.size() >= suffix.size() + min_stem && absl::EndsWith(w, suffix)) {
      w.resize(w.size() - suffix.size());
      return true;
    }
    return false;
  };
  if (strip("ies", 3)) {
    w += "y";
  } else if (strip("sses", 2)) {
    w += "ss";
  } else if (!absl::EndsWith(w, "ss") && !absl::EndsWith(w, "us") &&
             !absl::EndsWith(w, "is")) {
    strip("s", 3);
  }
  if (!strip("ing", 4)) strip("ed", 4);
  // "killed" -> "kill", "stopped" -> "stopp" -> "stop".
  if (w.size() >= 4 && w[w.size() - 1] == w[w.size() - 2] &&
      w.back() != 'l' && w.back() != 's' && w.back() != 'z') {
    w.pop_back();
  }
  return w;
}

}  // namespace

float Dot(const SparseVector& a, const SparseVector& b) {
  float sum = 0;
  auto i = a.entries.begin(), j = b.entries.begin();
  while (i != a.entries.end() && j != b.entries.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      sum += i->second * j->second;
      ++i;
      ++j;
    }
  }
  return sum;
}

std::vector<std::string> ContentTerms(absl::string_view sentence) {
  std::vector<std::string> terms;
  std::string word;
  bool has_letter = false;
  auto flush = [&] {
    if (!word.empty() && has_letter && !StopWords().contains(word)) {
      terms.push_back(Stem(word));
    }
    word.clear();
    has_letter = false;
  };
  for (size_t i = 0; i < sentence.size(); ++i) {
    const unsigned char c = sentence[i];
    if (c >= 0x80) {  // part of a non-ASCII letter: keep the bytes
      word.push_back(static_cast<char>(c));
      has_letter = true;
    } else if (absl::ascii_isalpha(c)) {
      word.push_back(absl::ascii_tolower(c));
      has_letter = true;
    } else if (absl::ascii_isdigit(c)) {
      word.push_back(static_cast<char>(c));
    } else if (c == '\'' && !word.empty() && i + 1 < sentence.size() &&
               sentence[i + 1] == 's') {
      ++i;  // possessive 's
      flush();
    } else {
      flush();
    }
  }
  flush();
  return terms;
}

TfidfModel TfidfModel::Fit(const std::vector<std::string>& sentences) {
  TfidfModel model;
  model.num_sentences_ = sentences.size();
  absl::flat_hash_set<uint32_t> seen;
  for (const std::string& s : sentences) {
    seen.clear();
    for (std::string& t : ContentTerms(s)) {
      auto [it, inserted] =
          model.ids_.try_emplace(t, static_cast<uint32_t>(model.terms_.size()));
      if (inserted) {
        model.terms_.push_back(std::move(t));
        model.df_.push_back(0);
      }
      if (seen.insert(it->second).second) ++model.df_[it->second];
    }
  }
  model.idf_.resize(model.terms_.size());
  const double n = static_cast<double>(sentences.size());
  for (size_t i = 0; i < model.df_.size(); ++i) {
    // Smoothed IDF, always positive.
    model.idf_[i] = static_cast<float>(std::log((1.0 + n) / (1.0 + model.df_[i])) + 1.0);
  }
  return model;
}

SparseVector TfidfModel::Embed(absl::string_view sentence) const {
  absl::flat_hash_map<uint32_t, float> tf;
  for (const std::string& t : ContentTerms(sentence)) {
    auto it = ids_.find(t);
    if (it != ids_.end()) tf[it->second] += 1.0f;
  }
  SparseVector v;
  v.entries.reserve(tf.size());
  double norm = 0;
  for (const auto& [id, count] : tf) {
    // Sublinear term frequency: a word repeated in one sentence counts less.
    const float w = (1.0f + std::log(count)) * idf_[id];
    v.entries.emplace_back(id, w);
    norm += static_cast<double>(w) * w;
  }
  std::sort(v.entries.begin(), v.entries.end());
  if (norm > 0) {
    const float inv = static_cast<float>(1.0 / std::sqrt(norm));
    for (auto& e : v.entries) e.second *= inv;
  }
  return v;
}

}  // namespace factdiff
