#include "core/compare/attributed_source.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace factdiff {
namespace {

constexpr absl::string_view kCues[] = {
    "said",     "says",    "say",     "told",      "tells",    "estimated",
    "estimates", "claimed", "claims",  "reported",  "reports",  "put",
    "puts",     "counted", "stated",  "announced", "added"};

bool IsCue(absl::string_view w) {
  return std::find(std::begin(kCues), std::end(kCues), w) != std::end(kCues);
}

// Words that cannot be part of a source noun phrase to the left of a cue.
bool StopsPhrase(absl::string_view w) {
  static constexpr absl::string_view kStops[] = {
      "and", "but", "that", "which", "who", "as", "while", "when", "after",
      "before", "because", "if", "also", "had", "has", "have", "was", "were",
      "is", "are", "it", "in", "on", "at", "of"};
  return std::find(std::begin(kStops), std::end(kStops), w) != std::end(kStops);
}

bool IsPronoun(absl::string_view w) {
  return w == "he" || w == "she" || w == "they" || w == "it" || w == "we" ||
         w == "i";
}

std::string Clean(absl::string_view w) {
  std::string s = absl::AsciiStrToLower(w);
  while (!s.empty() && !absl::ascii_isalnum(s.back()) && s.back() != '\'') {
    s.pop_back();
  }
  while (!s.empty() && !absl::ascii_isalnum(s.front())) s.erase(0, 1);
  return s;
}

// True when a word ends a phrase: trailing ',', ';', '.', ':', or those
// followed by a closing quote (", \"We lost nine,\" said ...").
bool EndsPhrase(absl::string_view raw) {
  while (!raw.empty() && (raw.back() == '"' || raw.back() == '\'')) {
    raw.remove_suffix(1);
  }
  return !raw.empty() && (raw.back() == ',' || raw.back() == ';' ||
                          raw.back() == '.' || raw.back() == ':');
}

}  // namespace

std::string AttributedSource(absl::string_view clause) {
  std::vector<absl::string_view> raw =
      absl::StrSplit(clause, absl::ByAnyChar(" \n"), absl::SkipEmpty());
  std::vector<std::string> w;
  w.reserve(raw.size());
  for (absl::string_view r : raw) w.push_back(Clean(r));

  // "according to X" (X up to a comma or five words).
  for (size_t i = 0; i + 2 < w.size(); ++i) {
    if (w[i] == "according" && w[i + 1] == "to") {
      std::vector<std::string> phrase;
      for (size_t j = i + 2; j < w.size() && phrase.size() < 5; ++j) {
        phrase.push_back(w[j]);
        if (EndsPhrase(raw[j])) break;
      }
      return absl::StrJoin(phrase, " ");
    }
  }
  for (size_t i = 0; i < w.size(); ++i) {
    if (!IsCue(w[i])) continue;
    // "X said": the phrase to the left, back to a comma or a stop word.
    std::vector<std::string> left;
    size_t last = i;
    // "Police have put ...", "the ministry had said": skip auxiliaries.
    while (last > 0 && (w[last - 1] == "have" || w[last - 1] == "has" ||
                        w[last - 1] == "had" || w[last - 1] == "also")) {
      --last;
    }
    for (size_t j = last; j-- > 0 && left.size() < 6;) {
      if (EndsPhrase(raw[j]) || StopsPhrase(w[j]) || w[j].empty() ||
          absl::ascii_isdigit(w[j][0])) {
        break;
      }
      left.push_back(w[j]);
    }
    std::reverse(left.begin(), left.end());
    if (!left.empty() && !(left.size() == 1 && IsPronoun(left[0]))) {
      return absl::StrJoin(left, " ");
    }
    if (i > 0 && EndsPhrase(raw[i - 1])) {
      // ", said X." (inverted): a short phrase to the right that ends the
      // clause and holds no figure and no "that".
      std::vector<std::string> right;
      bool ends = false, clean = true;
      for (size_t j = i + 1; j < w.size() && right.size() < 6; ++j) {
        if (w[j].empty() || absl::ascii_isdigit(w[j][0]) || w[j] == "that") {
          clean = false;
          break;
        }
        right.push_back(w[j]);
        if (EndsPhrase(raw[j]) || j + 1 == w.size()) {
          ends = true;
          break;
        }
      }
      if (clean && ends && !right.empty()) return absl::StrJoin(right, " ");
      // "X, which/who ..., said": the phrase before the clause's first comma.
      std::vector<std::string> subject;
      size_t first = 0;
      while (first < i && (w[first] == "but" || w[first] == "and" ||
                           w[first] == "yet" || w[first] == "so")) {
        ++first;
      }
      for (size_t j = first; j < i && subject.size() < 6; ++j) {
        if (w[j].empty() || absl::ascii_isdigit(w[j][0])) break;
        subject.push_back(w[j]);
        if (!raw[j].empty() && raw[j].back() == ',') {
          return absl::StrJoin(subject, " ");
        }
      }
    }
    if (left.size() == 1) return left[0];  // a pronoun: better than nothing
  }
  return "";
}

std::vector<std::pair<size_t, size_t>> SplitClauses(absl::string_view sentence) {
  static constexpr absl::string_view kSeparators[] = {
      "; ", ", while ", " while ", ", but ", " whereas ", " although "};
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = 0;
  for (size_t i = 0; i < sentence.size(); ++i) {
    for (absl::string_view sep : kSeparators) {
      if (sentence.substr(i, sep.size()) == sep && i > start) {
        out.emplace_back(start, i);
        start = i;
        i += sep.size() - 1;
        break;
      }
    }
  }
  out.emplace_back(start, sentence.size());
  return out;
}

}  // namespace factdiff
