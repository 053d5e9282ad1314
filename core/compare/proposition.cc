#include "core/compare/proposition.h"

#include <algorithm>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"

namespace factdiff {
namespace compare_internal {
namespace {

// Words of a text, lower-cased, with byte offsets; punctuation is its own
// token (the curly apostrophe stays inside words as "'").
struct Tok {
  size_t begin, end;
  std::string low;
  bool punct;
};

std::vector<Tok> Tokens(absl::string_view t) {
  std::vector<Tok> out;
  size_t i = 0;
  while (i < t.size()) {
    const unsigned char c = t[i];
    if (c == ' ' || c == '\n' || c == '\t') {
      ++i;
      continue;
    }
    const bool curly_apostrophe = i + 2 < t.size() && c == 0xE2 &&
                                  static_cast<unsigned char>(t[i + 1]) == 0x80 &&
                                  static_cast<unsigned char>(t[i + 2]) == 0x99;
    if (!absl::ascii_isalnum(c) && !curly_apostrophe && c != '\'') {
      size_t n = c >= 0xE0 ? 3 : (c >= 0xC0 ? 2 : 1);
      out.push_back({i, std::min(t.size(), i + n),
                     std::string(t.substr(i, n)), true});
      i += n;
      continue;
    }
    Tok w{i, i, "", false};
    while (i < t.size()) {
      const unsigned char d = t[i];
      if (i + 2 < t.size() && d == 0xE2 &&
          static_cast<unsigned char>(t[i + 1]) == 0x80 &&
          static_cast<unsigned char>(t[i + 2]) == 0x99) {
        w.low.push_back('\'');
        i += 3;
        continue;
      }
      const bool hyphen = d == '-' && !w.low.empty() && i + 1 < t.size() &&
                          absl::ascii_isalnum(t[i + 1]);
      if (!absl::ascii_isalnum(d) && d != '\'' && !hyphen) break;
      w.low.push_back(absl::ascii_tolower(d));
      ++i;
    }
    w.end = i;
    if (absl::EndsWith(w.low, "'s")) w.low.resize(w.low.size() - 2);
    out.push_back(std::move(w));
  }
  return out;
}

const std::set<std::string>& FunctionWords() {
  static const std::set<std::string>* const kWords = new std::set<std::string>{
      "the", "a", "an", "its", "their", "his", "her", "our", "of", "to",
      "in", "on", "at", "for", "and", "or", "with", "by", "from", "into",
      "that", "this", "these", "those", "any", "some", "own", "it", "they",
      "he", "she", "we", "had", "has", "have", "was", "were", "is", "are",
      "be", "been", "being", "would", "will", "could", "should", "can",
      "may", "might", "did", "does", "do", "also", "then", "there", "which",
      "who", "whom", "whose", "about", "over", "after", "before", "while",
      "without", "as", "than", "but", "not", "no", "never", "all", "such"};
  return *kWords;
}

bool Pronoun(absl::string_view w) {
  return w == "it" || w == "they" || w == "he" || w == "she" || w == "we" ||
         w == "i" || w == "you";
}

bool Auxiliary(absl::string_view w) {
  return w == "had" || w == "has" || w == "have" || w == "was" || w == "were" ||
         w == "is" || w == "are" || w == "would" || w == "will" ||
         w == "could" || w == "did" || w == "does" || w == "do" ||
         w == "been" || w == "be" || w == "also" || w == "then" ||
         w == "should" || w == "can" || w == "may" || w == "might";
}

bool Negation(absl::string_view w) {
  return w == "not" || w == "never" || w == "no" || w == "n't";
}

std::vector<std::string> ContentWords(const std::vector<Tok>& t, size_t from,
                                      size_t to) {
  std::vector<std::string> out;
  for (size_t k = from; k < to && k < t.size(); ++k) {
    if (t[k].punct || t[k].low.size() < 3 || FunctionWords().count(t[k].low)) {
      continue;
    }
    out.push_back(t[k].low);
  }
  return out;
}

}  // namespace

bool StemsMatch(absl::string_view a, absl::string_view b) {
  if (a == b) return true;
  const absl::string_view shorter = a.size() <= b.size() ? a : b;
  const absl::string_view longer = a.size() <= b.size() ? b : a;
  if (shorter.size() >= 4 && absl::StartsWith(longer, shorter)) return true;
  size_t common = 0;
  while (common < shorter.size() && shorter[common] == longer[common]) ++common;
  return common >= 5;
}

size_t SharedStems(absl::string_view a, absl::string_view b) {
  const std::vector<Tok> ta = Tokens(a), tb = Tokens(b);
  const std::vector<std::string> wa = ContentWords(ta, 0, ta.size());
  const std::vector<std::string> wb = ContentWords(tb, 0, tb.size());
  size_t n = 0;
  for (const std::string& x : std::set<std::string>(wa.begin(), wa.end())) {
    for (const std::string& y : wb) {
      if (StemsMatch(x, y)) {
        ++n;
        break;
      }
    }
  }
  return n;
}

std::optional<Denied> ReadDenied(absl::string_view content) {
  const std::vector<Tok> t = Tokens(content);
  size_t k = 0;
  while (k < t.size() && t[k].punct) ++k;
  if (k < t.size() && t[k].low == "that") ++k;
  if (k >= t.size()) return std::nullopt;
  static const auto* const kGeneric = new std::set<std::string>{
      "wrongdoing", "involvement", "role", "responsibility", "accusation",
      "accusations", "allegation", "allegations", "charge", "charges",
      "claim", "claims", "link", "links", "connection", "part"};
  {
    size_t g = k;
    if (g < t.size() && (t[g].low == "any" || t[g].low == "the" ||
                         t[g].low == "all" || t[g].low == "these")) {
      ++g;
    }
    if (g < t.size() && kGeneric->count(t[g].low)) {
      Denied d;
      d.generic = true;
      d.act = std::string(content.substr(t[k].begin));
      return d;
    }
  }
  Denied d;
  size_t p = k;
  if (absl::EndsWith(t[k].low, "ing") && t[k].low.size() > 4) {
    // "denied opening the floodgates": the denier's own act.
  } else {
    // A subject of at most six words before the first auxiliary or verb.
    size_t s = k;
    if (Pronoun(t[s].low)) {
      ++s;
    } else {
      while (s < t.size() && s - k < 6 && !t[s].punct && !Auxiliary(t[s].low)) {
        ++s;
      }
      if (s >= t.size() || !Auxiliary(t[s].low) || s == k) return std::nullopt;
    }
    d.subject = std::string(content.substr(t[k].begin, t[s - 1].end - t[k].begin));
    p = s;
    while (p < t.size() && Auxiliary(t[p].low)) ++p;
  }
  size_t end = p;
  while (end < t.size() && t[end].low != "," && t[end].low != ";" &&
         t[end].low != "." && t[end].low != "and" && t[end].low != "but") {
    if (Negation(t[end].low)) return std::nullopt;
    ++end;
  }
  if (p >= end) return std::nullopt;
  d.predicate = ContentWords(t, p, end);
  if (d.predicate.size() < 2 || t[p].punct ||
      FunctionWords().count(t[p].low) || d.predicate[0] != t[p].low) {
    return std::nullopt;
  }
  d.act = std::string(content.substr(t[p].begin, t[end - 1].end - t[p].begin));
  return d;
}

std::optional<Asserted> ReadAsserted(absl::string_view content,
                                     const std::vector<std::string>& predicate) {
  if (predicate.size() < 2) return std::nullopt;
  const std::vector<Tok> t = Tokens(content);
  size_t verb = 0;
  while (verb < t.size() && (t[verb].punct || !StemsMatch(t[verb].low, predicate[0]) ||
                             t[verb].low.size() < 3)) {
    ++verb;
  }
  if (verb >= t.size()) return std::nullopt;
  // Every other predicate word later in the content.
  const std::vector<std::string> rest = ContentWords(t, verb + 1, t.size());
  for (size_t k = 1; k < predicate.size(); ++k) {
    bool found = false;
    for (const std::string& w : rest) found = found || StemsMatch(w, predicate[k]);
    if (!found) return std::nullopt;
  }
  size_t a0 = 0;
  while (a0 < verb && t[a0].punct) ++a0;
  if (a0 < verb && t[a0].low == "that") ++a0;
  size_t a1 = verb;
  while (a1 > a0 && Auxiliary(t[a1 - 1].low)) --a1;
  for (size_t k = a1; k < verb; ++k) {
    if (Negation(t[k].low)) return std::nullopt;
  }
  if (a1 <= a0) return std::nullopt;
  for (size_t k = a0; k < a1; ++k) {
    if (Negation(t[k].low) || t[k].low == "," ) return std::nullopt;
  }
  if (a1 - a0 == 1 && Pronoun(t[a0].low)) return std::nullopt;
  if (a1 - a0 > 8) return std::nullopt;
  Asserted out;
  out.agent =
      std::string(content.substr(t[a0].begin, t[a1 - 1].end - t[a0].begin));
  return out;
}

std::string AccusedOf(absl::string_view cue, absl::string_view content,
                      std::string* act) {
  act->clear();
  const std::string c = absl::AsciiStrToLower(cue);
  const bool accuse = absl::StrContains(c, "accus");
  const bool blame = absl::StrContains(c, "blam");
  if (!accuse && !blame) return "";
  const std::vector<Tok> t = Tokens(content);
  auto phrase = [&](size_t from, size_t to) {
    return to > from ? std::string(content.substr(t[from].begin,
                                                  t[to - 1].end - t[from].begin))
                     : std::string();
  };
  size_t split = 0;
  while (split < t.size() && split < 8 && !t[split].punct &&
         t[split].low != (accuse ? "of" : "for") && t[split].low != "on") {
    ++split;
  }
  if (split >= t.size() || t[split].punct || split == 0) return "";
  if (blame && t[split].low == "on") {
    // "blamed the strikes on Pakistan": the accused follows "on".
    size_t end = split + 1;
    while (end < t.size() && !t[end].punct && end - split <= 6) ++end;
    *act = phrase(0, split);
    return phrase(split + 1, end);
  }
  if (t[split].low == "on") return "";
  size_t end = split + 1;
  while (end < t.size() && t[end].low != "," && t[end].low != ";" &&
         t[end].low != ".") {
    ++end;
  }
  *act = phrase(split + 1, end);
  return phrase(0, split);
}

}  // namespace compare_internal
}  // namespace factdiff
