#include "core/event/event_extractor.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "core/base/utf8.h"
#include "core/event/actor.h"
#include "core/event/event_lexicon.h"
#include "unicode/uchar.h"

namespace factdiff {
namespace event_internal {

// A phrase of the trigger or cue table, stored under its first word.
struct PhraseEntry {
  std::vector<std::string> words;
  int index;  // into kTriggers or kCues
};

struct WordInfo {
  uint32_t bits = 0;
  std::vector<PhraseEntry> triggers;  // longest first
  std::vector<PhraseEntry> cues;      // longest first
};

struct Lexicon {
  absl::flat_hash_map<std::string, WordInfo> words;
  absl::flat_hash_set<std::string> hostile_types;
  absl::flat_hash_set<std::string> patient_types;

  const WordInfo* Find(absl::string_view w) const {
    auto it = words.find(w);
    return it == words.end() ? nullptr : &it->second;
  }
};

}  // namespace event_internal

namespace {

using event_internal::Check;
using event_internal::Cue;
using event_internal::Lexicon;
using event_internal::PhraseEntry;
using event_internal::Pos;
using event_internal::WordInfo;
namespace lx = event_internal;

std::unique_ptr<const Lexicon> BuildLexicon() {
  auto lex = std::make_unique<Lexicon>();
  auto add_phrases = [&](const char* phrases, int index, bool cue) {
    for (absl::string_view p : absl::StrSplit(phrases, '|')) {
      PhraseEntry e;
      e.words = absl::StrSplit(p, ' ');
      e.index = index;
      WordInfo& info = lex->words[e.words[0]];
      (cue ? info.cues : info.triggers).push_back(std::move(e));
    }
  };
  for (int i = 0; i < static_cast<int>(std::size(lx::kTriggers)); ++i) {
    add_phrases(lx::kTriggers[i].phrases, i, false);
  }
  for (int i = 0; i < static_cast<int>(std::size(lx::kCues)); ++i) {
    add_phrases(lx::kCues[i].phrases, i, true);
  }
  for (const lx::WordClassDef& c : lx::kWordClasses) {
    for (absl::string_view w :
         absl::StrSplit(c.words, ' ', absl::SkipWhitespace())) {
      lex->words[w].bits |= c.bits;
    }
  }
  auto longest_first = [](const PhraseEntry& a, const PhraseEntry& b) {
    return a.words.size() > b.words.size();
  };
  for (auto& [w, info] : lex->words) {
    std::stable_sort(info.triggers.begin(), info.triggers.end(), longest_first);
    std::stable_sort(info.cues.begin(), info.cues.end(), longest_first);
  }
  for (const char* t : lx::kHostileTypes) lex->hostile_types.insert(t);
  for (const char* t : lx::kPatientTypes) lex->patient_types.insert(t);
  return lex;
}

// ---------------------------------------------------------------- tokens

struct Tok {
  uint32_t b = 0, e = 0;  // byte span in the text
  std::string low;        // ASCII lower case; U+2019 as '\''
  bool word = false;      // letters or digits
  bool cap = false;       // first letter upper case
  bool digit = false;     // starts with a digit
  int time = -1;          // index of the time expression over it
  int trig = -1;          // index of the frame whose trigger it is
  const WordInfo* info = nullptr;
  uint32_t bits() const { return info == nullptr ? 0 : info->bits; }
};

// Length of the letter or digit at text[i] (0 when it is neither).
size_t WordCharLen(absl::string_view text, size_t i, size_t end, bool* upper) {
  const unsigned char c = text[i];
  if (c < 0x80) {
    if (!absl::ascii_isalnum(c)) return 0;
    *upper = absl::ascii_isupper(c);
    return 1;
  }
  size_t p = i;
  const char32_t cp = DecodeUtf8(text, &p);
  if (p > end || !u_isalnum(cp)) return 0;
  *upper = u_isupper(cp);
  return p - i;
}

size_t ApostropheLen(absl::string_view text, size_t i, size_t end) {
  if (text[i] == '\'') return 1;
  if (i + 3 <= end && text.compare(i, 3, "\xE2\x80\x99") == 0) return 3;
  return 0;
}

bool IsWordCharAt(absl::string_view text, size_t i, size_t end) {
  bool up;
  return i < end && WordCharLen(text, i, end, &up) > 0;
}

std::vector<Tok> Tokenize(absl::string_view text, size_t begin, size_t end,
                          const Lexicon& lex) {
  std::vector<Tok> toks;
  size_t i = begin;
  while (i < end) {
    const unsigned char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      ++i;
      continue;
    }
    bool up = false;
    size_t n = WordCharLen(text, i, end, &up);
    Tok t;
    t.b = i;
    if (n > 0) {
      t.word = true;
      t.cap = up;
      t.digit = absl::ascii_isdigit(c);
      i += n;
      while (i < end) {
        bool u;
        n = WordCharLen(text, i, end, &u);
        if (n > 0) {
          i += n;
          continue;
        }
        const char d = text[i];
        if (d == '-' && IsWordCharAt(text, i + 1, end)) {
          ++i;
          continue;
        }
        if ((d == ',' || d == '.') && t.digit && i + 1 < end &&
            absl::ascii_isdigit(text[i + 1]) &&
            absl::ascii_isdigit(text[i - 1])) {
          ++i;
          continue;
        }
        // Initialisms: "U.S.", "U.N.".
        if (d == '.' && absl::ascii_isupper(text[i - 1]) &&
            ((i - 1 == t.b && i + 1 < end && absl::ascii_isupper(text[i + 1]) &&
              i + 2 < end && text[i + 2] == '.') ||
             (i - 1 > t.b && text[i - 2] == '.'))) {
          ++i;
          continue;
        }
        const size_t al = ApostropheLen(text, i, end);
        if (al > 0) {
          const size_t j = i + al;
          if (j < end && (text[j] == 's' || text[j] == 'S') &&
              !IsWordCharAt(text, j + 1, end)) {
            break;  // possessive: its own token
          }
          if (IsWordCharAt(text, j, end)) {  // "didn't", "O'Brien"
            i = j;
            continue;
          }
        }
        break;
      }
      t.e = i;
    } else {
      const size_t al = ApostropheLen(text, i, end);
      if (al > 0 && i + al < end &&
          (text[i + al] == 's' || text[i + al] == 'S') &&
          !IsWordCharAt(text, i + al + 1, end) && !toks.empty() &&
          toks.back().word && toks.back().e == i) {
        t.e = i + al + 1;
      } else {
        size_t p = i;
        DecodeUtf8(text, &p);
        t.e = std::min(p, end);
      }
      i = t.e;
    }
    // Lower case; U+2019 becomes '\''.
    t.low.reserve(t.e - t.b);
    for (size_t k = t.b; k < t.e; ++k) {
      if (k + 3 <= t.e && text.compare(k, 3, "\xE2\x80\x99") == 0) {
        t.low += '\'';
        k += 2;
      } else {
        t.low += absl::ascii_tolower(static_cast<unsigned char>(text[k]));
      }
    }
    t.info = lex.Find(t.low);
    toks.push_back(std::move(t));
  }
  return toks;
}

// ---------------------------------------------------------------- frames

struct Arg {
  int b = -1, e = -1;  // token range [b, e)
  bool ok() const { return b >= 0 && e > b; }
};

struct Work {
  int t0 = 0, t1 = 0;  // trigger tokens [t0, t1)
  std::string type;
  Pos pos = Pos::kNoun;
  std::vector<Arg> agents, targets, locations;
  int ext0 = 0, ext1 = 0;  // the event phrase, tokens
  std::vector<int> times;
  std::vector<v1::CausalLink> causes;
  std::vector<v1::Attribution> stances;
};

struct Location {
  int prep = 0;  // the preposition
  Arg name;      // the surface
  int end = 0;   // last token + 1 of the whole phrase
};

bool In(const std::string& w, std::initializer_list<const char*> set) {
  for (const char* s : set) {
    if (w == s) return true;
  }
  return false;
}

class Parser {
 public:
  Parser(const Lexicon& lex, absl::string_view text, const SentenceRange& s,
         const std::vector<v1::TimeExpression>& times)
      : lex_(lex), text_(text), times_(times) {
    const size_t end = std::min<size_t>(s.end, text.size());
    const size_t begin = std::min<size_t>(s.begin, end);
    toks_ = Tokenize(text, begin, end, lex);
    n_ = static_cast<int>(toks_.size());
    for (const Tok& t : toks_) ctx_ |= t.bits();
    for (int ti = 0; ti < static_cast<int>(times.size()); ++ti) {
      const uint32_t tb = times[ti].span().begin(), te = times[ti].span().end();
      if (te <= tb || tb < begin || te > end) continue;
      for (Tok& t : toks_) {
        if (t.b < te && t.e > tb) t.time = ti;
      }
    }
  }

  std::vector<v1::EventFrame> Run() {
    if (n_ == 0) return {};
    FindTriggers();
    FindLocations();
    for (int f = 0; f < static_cast<int>(frames_.size()); ++f) {
      Participants(f);
    }
    used_.assign(n_, false);
    Causes();
    Stances();
    if (frames_.empty()) return {};
    AssignLocationsAndTimes();
    return Emit();
  }

 private:
  // ------------------------------------------------------------ helpers
  const std::string& L(int k) const {
    static const std::string* const kEmpty = new std::string;
    return k >= 0 && k < n_ ? toks_[k].low : *kEmpty;
  }
  uint32_t B(int k) const { return k >= 0 && k < n_ ? toks_[k].bits() : 0; }
  bool Word(int k) const { return k >= 0 && k < n_ && toks_[k].word; }
  bool Cap(int k) const { return Word(k) && toks_[k].cap; }
  bool Digit(int k) const { return Word(k) && toks_[k].digit; }
  bool IsHostile(const std::string& type) const {
    return lex_.hostile_types.contains(type);
  }
  bool Sports() const {
    return (ctx_ & lx::kCtxSports) && !(ctx_ & lx::kCtxViolence);
  }
  std::string Surface(int b, int e) const {
    return std::string(text_.substr(toks_[b].b, toks_[e - 1].e - toks_[b].b));
  }
  void SetSpan(int b, int e, v1::Span* span) const {
    span->set_begin(toks_[b].b);
    span->set_end(toks_[e - 1].e);
  }
  // Boundary punctuation: ends clauses and noun phrases.
  bool Punct(int k) const {
    return k >= 0 && k < n_ && !toks_[k].word && toks_[k].low != "'s";
  }
  bool Adverb(int k) const {
    if (!Word(k)) return false;
    if (B(k) & lx::kAdv) return true;
    const std::string& w = L(k);
    return (!toks_[k].cap || k == 0) && w.size() > 4 &&
           absl::EndsWith(w, "ly") && !(B(k) & lx::kActor);
  }
  // A word that may sit inside a noun phrase.
  bool NpWord(int k) const {
    if (!Word(k)) return false;
    const Tok& t = toks_[k];
    if (t.time >= 0 || t.trig >= 0) return false;
    if (t.bits() & (lx::kDet | lx::kPrep | lx::kAux | lx::kBe | lx::kPron |
                    lx::kConj | lx::kNeg | lx::kWeekday)) {
      return false;
    }
    if ((t.bits() & lx::kVerbStop) && !t.cap) return false;
    if ((t.bits() & lx::kMonth) && t.cap) return false;
    if (Adverb(k)) return false;
    return true;
  }
  bool NpMod(int k) const {
    if (!NpWord(k)) return false;
    const Tok& t = toks_[k];
    if (t.cap || t.digit) return true;
    if (t.bits() & (lx::kActor | lx::kModifier | lx::kQuant)) return true;
    for (const char* s :
         {"-led", "-backed", "-linked", "-aligned", "-allied"}) {
      if (absl::EndsWith(t.low, s)) return true;
    }
    return false;
  }
  // First token of a demonym ("Pakistani", "South Korean") ending at k;
  // -1 when none.
  int DemonymAt(int k) const {
    for (int len = 3; len >= 1; --len) {
      const int b = k - len + 1;
      if (b < 0) continue;
      bool caps = true;
      std::string joined;
      for (int m = b; m <= k; ++m) {
        if (!Cap(m)) caps = false;
        if (m > b) joined += ' ';
        joined.append(text_.data() + toks_[m].b, toks_[m].e - toks_[m].b);
      }
      if (caps && IsDemonym(joined)) return b;
    }
    return -1;
  }
  // Country abbreviations used as adjectives: "U.S. strikes".
  bool CountryAbbrev(int k) const {
    if (!Cap(k)) return false;
    const absl::string_view s =
        text_.substr(toks_[k].b, toks_[k].e - toks_[k].b);
    for (char c : s) {
      if (c >= 'a' && c <= 'z') return false;
    }
    return !CountryOf(s).empty();
  }

  // The noun phrase that ends just before token p (after skipping adverbs,
  // auxiliaries, negation and a time expression when skip_aux).
  // A lower-case word that may modify a head noun to its right ("finance
  // minister", "aid convoy"): not plural, not a participle or adverb.
  bool PlainModifier(int k) const {
    if (!NpWord(k) || toks_[k].cap) return false;
    const std::string& w = L(k);
    return w.size() > 2 && !absl::EndsWith(w, "s") &&
           !absl::EndsWith(w, "ed") && !absl::EndsWith(w, "ing");
  }

  // With any_head, the head may be any noun-phrase word (targets: "the
  // convoy was attacked"); otherwise it is a proper name or actor noun.
  Arg LeftNp(int p, bool skip_aux, bool any_head = false) const {
    int j = p - 1;
    if (skip_aux) {
      while (j >= 0) {
        if (Adverb(j) || (B(j) & (lx::kAux | lx::kBe | lx::kNeg))) {
          --j;
        } else if (toks_[j].time >= 0) {
          const int t = toks_[j].time;
          while (j >= 0 && toks_[j].time == t) --j;
          if (In(L(j), {"on", "in", "at", "last", "late", "early", "this"})) {
            --j;
          }
        } else {
          break;
        }
      }
    }
    if (In(L(j), {"who", "which", "that"})) {
      --j;
      if (L(j) == ",") --j;
    }
    if (j < 0 || !NpWord(j)) return {};
    if (!any_head && !(Cap(j) || (B(j) & lx::kActor))) return {};
    Arg a{j, j + 1};
    int k = j - 1;
    while (k >= 0 && a.e - k <= 8) {
      if ((L(k) == "'s" || L(k) == "'") && NpMod(k - 1)) {
        a.b = k - 1;
        k -= 2;
      } else if (NpMod(k) || (PlainModifier(k) && !Cap(k + 1))) {
        // A plain lower-case word modifies a common noun ("finance
        // minister"), not a name ("a claim Pakistan ...").
        a.b = k;
        --k;
      } else if (L(k) == "of" && NpMod(k - 1) && Cap(a.b)) {
        a.b = k - 1;
        k -= 2;
      } else {
        break;
      }
    }
    if (L(k) == "no") a.b = k;
    return a;
  }

  // The noun phrase that starts at token q, leading articles left out.
  Arg RightNp(int q) const {
    int k = q;
    while (k < n_ && (B(k) & lx::kDet) && !(B(k) & lx::kPron) && L(k) != "no") {
      ++k;
    }
    if (k >= n_ || (B(k) & lx::kPron)) return {};
    // A bare gerund is a clause, not a participant: "by saying ...".
    if (k == q && Word(k) && !toks_[k].cap && absl::EndsWith(L(k), "ing") &&
        !(B(k) & (lx::kActor | lx::kModifier))) {
      return {};
    }
    Arg a{k, k};
    int count = 0;
    while (k < n_ && count < 8) {
      const std::string& w = L(k);
      if (w == "'s" && count > 0) {
        ++k;
        continue;
      }
      // After a name (not a demonym), a lower-case word continues the
      // phrase only as a head noun of the kinds an actor or place phrase
      // ends in ("Taliban government", "Korvat posts", "Kabul airport");
      // otherwise it is the next verb: "the Afghan Taliban mark ...".
      if (count > 0 && Word(k) && !toks_[k].cap && !toks_[k].digit &&
          Cap(k - 1) && DemonymAt(k - 1) < 0 && !CountryAbbrev(k - 1) &&
          !(B(k) & (lx::kActor | lx::kModifier | lx::kLocType | lx::kBorder |
                    lx::kDevice | lx::kStructure)) &&
          !(absl::EndsWith(w, "s") && !absl::EndsWith(w, "ss"))) {
        break;
      }
      if (w == "of" && count > 0) {
        int m = k + 1;
        while (m < n_ && (B(m) & lx::kDet) && !(B(m) & lx::kPron)) ++m;
        if (NpWord(m)) {
          k = m;
          continue;
        }
        break;
      }
      if (!NpWord(k)) break;
      if (count > 0 && !toks_[k].cap && !(B(k) & lx::kActor) &&
          (absl::EndsWith(w, "ing") || absl::EndsWith(w, "ed"))) {
        break;
      }
      ++count;
      ++k;
      a.e = k;
    }
    if (count == 0) return {};
    return a;
  }

  // First index at or after k that ends the clause.
  int ClauseEnd(int k, int max_len = 14) const {
    const int limit = std::min(n_, k + max_len);
    for (int m = k; m < limit; ++m) {
      if (Punct(m) && !In(L(m), {"'", "&", "/", "%", "$"})) return m;
      if (In(L(m), {"that", "which", "who", "whom", "where", "while", "but",
                    "because", "although", "though", "whereas", "said", "says",
                    "according", "amid", "despite"})) {
        return m;
      }
      if (L(m) == "and" && (B(m + 1) & lx::kPron)) return m;
      if (m > k && StartsAntecedentCue(m)) return m;
    }
    return limit;
  }

  // True when a cue that introduces an antecedent ("in retaliation for",
  // "after") starts at token m.
  bool StartsAntecedentCue(int m) const {
    if (toks_[m].info == nullptr) return false;
    for (const PhraseEntry& p : toks_[m].info->cues) {
      const Cue c = lx::kCues[p.index].cue;
      if (c != Cue::kRetaliationFor && c != Cue::kResponseTo &&
          c != Cue::kAfter && c != Cue::kBeganWhen) {
        continue;
      }
      const int len = static_cast<int>(p.words.size());
      bool ok = m + len <= n_;
      for (int x = 1; x < len && ok; ++x) ok = L(m + x) == p.words[x];
      if (ok) return true;
    }
    return false;
  }
  int ClauseStart(int k) const {
    for (int m = k - 1; m >= 0; --m) {
      if (Punct(m) && !In(L(m), {"'", "&", "/", "%", "$"})) return m + 1;
    }
    return 0;
  }

  // ------------------------------------------------------------ triggers
  void FindTriggers() {
    std::vector<Work> weak;
    for (int i = 0; i < n_;) {
      const Tok& t = toks_[i];
      bool matched = false;
      if (t.info != nullptr && t.time < 0) {
        for (const PhraseEntry& p : t.info->triggers) {
          const int len = static_cast<int>(p.words.size());
          if (i + len > n_) continue;
          bool ok = true;
          for (int m = 1; m < len && ok; ++m) {
            ok = toks_[i + m].low == p.words[m];
          }
          if (!ok) continue;
          const lx::TriggerDef& def = lx::kTriggers[p.index];
          std::string type = def.type;
          if (!Accept(i, len, def, &type)) continue;
          Work w;
          w.t0 = i;
          w.t1 = i + len;
          w.type = std::move(type);
          w.pos = def.pos;
          if (def.pos == Pos::kParticipant) {
            weak.push_back(std::move(w));
          } else {
            for (int m = i; m < i + len; ++m) {
              toks_[m].trig = static_cast<int>(frames_.size());
            }
            frames_.push_back(std::move(w));
          }
          i += len;
          matched = true;
          break;
        }
      }
      if (!matched) ++i;
    }
    // "retaliated" / "hit back" is itself a hostile act unless it names
    // one ("retaliated with air strikes").
    if (ctx_ & lx::kCtxViolence) {
      for (int i = 0; i < n_; ++i) {
        if (toks_[i].info == nullptr || toks_[i].trig >= 0) continue;
        for (const PhraseEntry& p : toks_[i].info->cues) {
          if (lx::kCues[p.index].cue != Cue::kRetaliated) continue;
          const int len = static_cast<int>(p.words.size());
          bool ok = i + len <= n_;
          for (int m = 1; m < len && ok; ++m) ok = L(i + m) == p.words[m];
          if (!ok) continue;
          if (In(L(i + len), {"with", "by"}) &&
              FrameIn(i + len + 1, std::min(n_, i + len + 7)) >= 0) {
            break;
          }
          NewFrame(i, i + len, "attack", Pos::kVerbI);
          break;
        }
      }
    }
    if (frames_.empty()) {
      for (Work& w : weak) {
        for (int m = w.t0; m < w.t1; ++m) {
          toks_[m].trig = static_cast<int>(frames_.size());
        }
        frames_.push_back(std::move(w));
      }
    }
  }

  bool Accept(int i, int len, const lx::TriggerDef& def, std::string* type) {
    const std::string& prev = L(i - 1);
    const std::string& next = L(i + len);
    const bool verb = def.pos == Pos::kVerbT || def.pos == Pos::kVerbI;
    if (IsHostile(*type) && Sports()) return false;
    switch (def.check) {
      case Check::kNone:
      case Check::kHostile:
        return true;
      case Check::kSports:
        return !Sports();
      case Check::kAttack: {
        if (In(prev, {"heart", "panic", "asthma", "anxiety", "allergy",
                      "verbal", "personal", "rhetorical", "scathing",
                      "blistering", "stinging", "withering"})) {
          return false;
        }
        if (In(next, {"ads", "ad", "dog", "dogs", "helicopter", "helicopters",
                      "submarine", "submarines", "aircraft", "surface",
                      "vector", "mode", "rate", "line"})) {
          return false;
        }
        Arg obj;
        if (!verb && In(next, {"on", "against"})) obj = RightNp(i + len + 1);
        if (verb) obj = RightNp(i + len);
        if (obj.ok() && (B(obj.e - 1) & lx::kAbstract)) return false;
        return true;
      }
      case Check::kOffensive: {
        const bool prev_ok =
            In(prev,
               {"an",         "the",    "a",          "military", "ground",
                "major",      "new",    "air",        "spring",   "summer",
                "winter",     "autumn", "joint",      "renewed",  "counter",
                "final",      "army",   "government", "rebel",    "large-scale",
                "full-scale", "'s",     "sweeping"}) ||
            DemonymAt(i - 1) >= 0;
        const bool next_ok =
            i + len >= n_ || Punct(i + len) ||
            In(next, {"against", "on", "in", "into", "to", "near", "along",
                      "by", "that", "which", "was", "were", "has", "had",
                      "aimed", "began", "launched", "continued"});
        return prev_ok && next_ok;
      }
      case Check::kStrikeNoun: {
        if (In(prev, {"to", "will", "would", "could", "may", "might", "must",
                      "should", "can", "did", "not"})) {
          return false;
        }
        if (In(next, {"price", "prices", "rate", "zone", "force", "forces"})) {
          return false;
        }
        const bool labour =
            In(prev, {"general",       "national", "nationwide", "labour",
                      "labor",         "workers",  "worker",     "teachers",
                      "doctors",       "nurses",   "rail",       "transport",
                      "two-day",       "one-day",  "three-day",  "24-hour",
                      "48-hour",       "72-hour",  "indefinite", "wildcat",
                      "union",         "postal",   "dock",       "pilots",
                      "public-sector", "day-long", "week-long",  "on",
                      "strike"}) ||
            In(next, {"action", "ballot"}) ||
            ((prev == "'" || prev == "'s") && (B(i - 2) & lx::kCtxLabour));
        const bool military =
            In(prev, {"military", "retaliatory", "pre-emptive", "preemptive",
                      "precision", "cross-border", "targeted", "surgical",
                      "punitive", "deadly", "reprisal", "revenge"}) ||
            (In(next, {"on", "against"}) && !(ctx_ & lx::kCtxLabour));
        if (labour && !military) {
          *type = "strike";
        } else if (military && !labour) {
          *type = "attack";
        } else if (labour || military) {
          return false;
        } else if ((ctx_ & lx::kCtxLabour) && !(ctx_ & lx::kCtxViolence)) {
          *type = "strike";
        } else if ((ctx_ & lx::kCtxViolence) && !(ctx_ & lx::kCtxLabour)) {
          *type = "attack";
        } else {
          return false;
        }
        return !(ctx_ & lx::kCtxSports) || (ctx_ & lx::kCtxViolence);
      }
      case Check::kStruck: {
        if (!(ctx_ & lx::kCtxViolence)) return false;
        if (In(next, {"out", "down", "off", "back", "up"})) return false;
        int k = i + len;
        if (B(k) & lx::kDet) ++k;
        if (In(L(k), {"deal", "deals", "agreement", "accord", "bargain",
                      "compromise", "chord", "balance", "note", "tone", "nerve",
                      "pose", "blow", "gold", "oil", "fear", "terror"})) {
          return false;
        }
        if (next == "by") {
          int m = i + len + 1;
          if (B(m) & lx::kDet) ++m;
          if (In(L(m), {"lightning", "car", "vehicle", "bus", "truck", "train",
                        "ball", "debris"})) {
            return false;
          }
        }
        for (int m = std::max(0, i - 4); m < i; ++m) {
          if (B(m) & lx::kNatural) return false;
          if (toks_[m].trig >= 0 && !IsHostile(frames_[toks_[m].trig].type)) {
            return false;
          }
        }
        return true;
      }
      case Check::kFireNoun: {
        if (In(prev, {"to", "will", "would", "could", "can", "may", "might",
                      "must", "should", "under", "hold", "held", "holding",
                      "cross", "open", "ceasing"})) {
          return false;
        }
        if (In(next, {"brigade",      "brigades",      "fighters", "fighter",
                      "department",   "departments",   "service",  "services",
                      "crew",         "crews",         "engine",   "engines",
                      "truck",        "trucks",        "station",  "stations",
                      "chief",        "alarm",         "alarms",   "safety",
                      "hazard",       "exit",          "exits",    "insurance",
                      "extinguisher", "extinguishers", "drill",    "drills",
                      "risk",         "code",          "codes",    "officials",
                      "officers",     "authorities",   "marshal",  "and",
                      "power",        "sale",          "pit",      "place",
                      "escape",       "door",          "doors",    "fighting",
                      "wall",         "ants"})) {
          return false;
        }
        if (In(prev,
               {"heavy", "retaliatory", "gun", "small-arms", "sniper",
                "machine-gun", "automatic", "live", "return", "returned",
                "returning", "rifle", "indiscriminate", "hostile", "enemy"})) {
          *type = "shooting";
          return !Sports();
        }
        if (In(prev, {"tank", "naval", "artillery", "mortar", "rocket"})) {
          *type = "shelling";
          return !Sports();
        }
        return true;
      }
      case Check::kFired: {
        if (Sports()) return false;
        int p = i - 1;
        while (Adverb(p)) --p;
        const bool passive = (B(p) & lx::kBe) != 0;
        for (int k = i + len; k < std::min(n_, i + len + 3); ++k) {
          const std::string& w = L(k);
          if (In(w, {"tear", "teargas", "water"})) return false;
          if (In(w, {"shots", "shot", "bullets", "rounds", "live", "ammunition",
                     "at", "on", "upon", "into", "warning", "volleys", "volley",
                     "guns", "weapons", "indiscriminately", "rubber",
                     "pellets"})) {
            if (passive && !In(w, {"at", "on", "upon"})) return false;
            *type = "shooting";
            return true;
          }
          if (passive) return false;
          if (In(w, {"rockets", "rocket", "missiles", "missile", "projectiles",
                     "grenades", "drones"})) {
            *type = "attack";
            return true;
          }
          if (In(w, {"mortars", "mortar", "shells", "shell", "artillery"})) {
            *type = "shelling";
            return true;
          }
          if ((B(k) & (lx::kDet | lx::kQuant | lx::kPreAdj)) ||
              toks_[k].digit) {
            continue;
          }
          return false;
        }
        return false;
      }
      case Check::kFighting: {
        if (Sports()) return false;
        if (In(next, {"for", "to", "back", "chance", "spirit", "fit", "fund",
                      "force", "words", "cancer", "corruption", "crime",
                      "poverty", "fire", "fires", "inflation", "climate"})) {
          return false;
        }
        return In(prev, {"heavy",     "fierce",  "intense",   "renewed",
                         "sporadic",  "deadly",  "bloody",    "the",
                         "of",        "street",  "border",    "cross-border",
                         "overnight", "ongoing", "factional", "tribal",
                         "recent",    "latest",  "after",     "amid",
                         "despite",   "during",  "following", "in",
                         "since",     "fresh",   "clan",      "ethnic",
                         "sectarian", "weeks",   "days",      "months",
                         "hours",     "week",    "day"}) ||
               In(next,
                  {"between", "broke", "erupted", "raged", "continued",
                   "flared", "intensified", "resumed", "ended", "subsided",
                   "killed", "left", "near", "along", "began", "started"});
      }
      case Check::kRally:
        if ((ctx_ & lx::kCtxMarket) || Sports()) return false;
        if (In(next, {"behind", "around", "round", "to", "back", "support",
                      "from", "cry"})) {
          return false;
        }
        return !verb ||
               In(next, {"in", "outside", "at", "near", "against", "on"});
      case Check::kResults:
        return In(prev, {"quarterly",
                         "annual",
                         "financial",
                         "half-year",
                         "full-year",
                         "first-quarter",
                         "second-quarter",
                         "third-quarter",
                         "fourth-quarter",
                         "interim",
                         "earnings",
                         "q1",
                         "q2",
                         "q3",
                         "q4",
                         "yearly",
                         "fiscal",
                         "first-half",
                         "second-half",
                         "nine-month",
                         "half-yearly",
                         "trading"});
      case Check::kDeal:
        return !In(prev, {"great", "good", "big", "to", "will", "would",
                          "could", "can", "must", "should", "may", "might",
                          "raw", "square", "real"});
      case Check::kAgreement:
        return prev != "in";
      case Check::kMarch:
        return !toks_[i].cap;
      case Check::kDemonstrated:
        return In(next, {"against", "outside"}) ||
               (In(next, {"in", "near"}) && Cap(i + len + 1));
      case Check::kQuit:
        return In(next, {"as", "his", "her", "their", "its", "over", "amid",
                         "after", "following"});
      case Check::kBombed:
        if ((ctx_ & lx::kCtxShow) && !(ctx_ & lx::kCtxViolence)) return false;
        return !In(next, {"at", "out"}) && !Sports();
      case Check::kRiot:
        return !In(next, {"police", "gear", "squad", "squads", "shield",
                          "shields", "act", "control", "officers", "unit",
                          "units", "van", "vans", "troops"}) &&
               !In(prev, {"ran", "run", "running", "runs"});
      case Check::kCrash:
        if (ctx_ & lx::kCtxMarket) return false;
        return !In(prev, {"market", "stock", "price", "server", "system",
                          "computer", "website", "app", "software"}) &&
               !In(next, {"course", "courses", "diet", "diets", "test", "tests",
                          "pad", "helmet"});
      case Check::kOfLower:
        if (In(prev, {"to", "will", "would", "could", "can", "may", "might"})) {
          return false;
        }
        return !(next == "of" && Word(i + len + 1) && !Cap(i + len + 1) &&
                 !Digit(i + len + 1));
      case Check::kStorm:
        return next != "of" && !In(prev, {"by", "to", "will", "would", "could",
                                          "political", "media", "perfect"});
      case Check::kLandslide:
        if (In(next,
               {"victory", "win", "wins", "victories", "defeat", "majority",
                "margin", "election", "re-election", "mandate"})) {
          return false;
        }
        return !(prev == "a" && L(i - 2) == "by") && prev != "electoral";
      case Check::kProtest:
        return !In(prev,
                   {"in", "to", "lodged", "lodge", "lodges", "filed", "file",
                    "formal", "diplomatic", "written", "official"}) &&
               !In(next, {"vote", "votes", "song", "songs", "letter", "note"});
      case Check::kArrest:
        return !In(next, {"warrant", "warrants"}) &&
               !In(prev, {"cardiac", "respiratory", "heart"});
      case Check::kShooting:
        if ((ctx_ & lx::kCtxShow) && !(ctx_ & lx::kCtxViolence)) return false;
        return !In(next,
                   {"guard", "guards", "star", "stars", "percentage", "range",
                    "ranges", "script", "schedule", "stage", "season"}) &&
               !In(prev, {"photo", "film", "video"});
      case Check::kExploded:
        if (ctx_ & lx::kCtxMarket) return false;
        if (ctx_ & lx::kCtxViolence) return true;
        for (int m = std::max(0, i - 4); m < i; ++m) {
          if (B(m) & lx::kDevice) return true;
        }
        return false;
      case Check::kStormed:
        return !In(next,
                   {"out", "off", "back", "to", "ahead", "home", "through"});
      case Check::kViolence:
        if (In(prev, {"fresh", "renewed", "deadly", "sectarian", "ethnic",
                      "communal", "post-election", "mob", "street",
                      "escalating", "ongoing", "cross-border", "tribal",
                      "weekend", "overnight", "latest", "recent"})) {
          return true;
        }
        return In(prev, {"the", "this", "that"}) &&
               In(next, {"began", "erupted", "broke", "flared", "started",
                         "spread", "escalated", "continued", "intensified",
                         "subsided", "ended", "killed", "left"});
      case Check::kStructure:
        return StructureEvent(i, len, verb);
    }
    return true;
  }

  // True when the structure noun at k, or the one before a place phrase
  // ending at k ("the levee at Dunhallow"), names a structure.
  bool StructureHead(const Arg& a) const {
    if (!a.ok()) return false;
    if (B(a.e - 1) & lx::kStructure) return true;
    if (In(L(a.b - 1), {"at", "in", "near", "on", "of", "outside"})) {
      const Arg outer = LeftNp(a.b - 1, false, true);
      return outer.ok() && (B(outer.e - 1) & lx::kStructure);
    }
    return false;
  }

  // A structural failure: "the levee gave way", "the dam burst", "the
  // collapse of the bridge", "a levee breach".
  bool StructureEvent(int i, int len, bool verb) const {
    if (verb) {
      if (B(i - 1) & (lx::kAux | lx::kNeg)) return false;  // "had failed to"
      if (In(L(i + len), {"to", "into"})) return false;   // "failed to act"
      return StructureHead(SubjectLeft(i, true));
    }
    if (B(i - 1) & lx::kStructure) return true;  // "levee breach"
    if (L(i + len) != "of") return false;
    const Arg obj = RightNp(i + len + 1);
    return obj.ok() && (B(obj.e - 1) & lx::kStructure);
  }

  // The subject of a verb or cue at p: the noun phrase before it, or,
  // across an appositive set off by commas ("the Front, a separatist
  // group founded in 1990, claimed ..."), the one before the appositive.
  Arg SubjectLeft(int p, bool any_head = false) const {
    Arg a = LeftNp(p, true, any_head);
    if (a.ok()) return a;
    int j = p - 1;
    while (j >= 0 && (Adverb(j) || (B(j) & (lx::kAux | lx::kBe | lx::kNeg)))) {
      --j;
    }
    if (L(j) != ",") return {};
    for (int c = j - 1; c >= 0 && c >= j - 25; --c) {
      if (!Punct(c)) continue;
      if (L(c) != ",") return {};
      const bool appositive =
          (B(c + 1) & lx::kDet) || Cap(c + 1) || (B(c + 1) & lx::kActor);
      if (!appositive) return {};
      return LeftNp(c, false, any_head);
    }
    return {};
  }

  // ------------------------------------------------------------ locations
  void FindLocations() {
    for (int i = 0; i < n_; ++i) {
      if (!(B(i) & lx::kLocPrep) || toks_[i].time >= 0) continue;
      Location loc;
      if (ParseLocation(i, &loc)) {
        locations_.push_back(loc);
        i = loc.end - 1;
      }
    }
  }

  bool ParseLocation(int i, Location* loc) const {
    const std::string& prep = L(i);
    int k = i + 1;
    const bool the = L(k) == "the";
    if (the) ++k;
    // "along the (Afghan) border"
    int m = k;
    while (m < n_ && Cap(m) && NpWord(m)) ++m;
    if (the && (B(m) & lx::kBorder) && toks_[m].trig < 0 &&
        In(prep, {"along", "across", "near", "on", "at"})) {
      loc->prep = i;
      loc->name = {i, m + 1};
      loc->end = m + 1;
      return true;
    }
    if (prep == "on") return false;
    int first = k;
    if ((B(k) & lx::kCompass) && !Cap(k)) ++k;
    int caps = 0;
    bool only_demonyms = true;
    while (k < n_) {
      if (Cap(k) && NpWord(k) && !(B(k) & lx::kTitle)) {
        if (caps == 0 && DemonymAt(k) != k) only_demonyms = false;
        if (caps > 0 && DemonymAt(k) < 0) only_demonyms = false;
        ++caps;
        ++k;
      } else if (caps > 0 && (L(k) == "'s" || L(k) == "of") && Cap(k + 1) &&
                 NpWord(k + 1)) {
        ++k;
      } else {
        break;
      }
    }
    if (caps == 0) return false;
    // "outside Orvik Systems' plant": the name owns the place; it is not
    // the place.
    if ((L(k) == "'" || L(k) == "'s") && Word(k + 1) && !Cap(k + 1)) {
      return false;
    }
    bool type_noun = false;
    if ((B(k) & lx::kLocType) && !Cap(k) && toks_[k].trig < 0) {
      type_noun = true;
      ++k;
    }
    if (only_demonyms && !type_noun) return false;
    if (prep == "at" && !type_noun) return false;
    loc->prep = i;
    loc->name = {first, k};
    loc->end = k;
    return true;
  }

  // ------------------------------------------------------------ participants
  void AddArg(std::vector<Arg>* v, Arg a) {
    if (!a.ok()) return;
    for (const Arg& x : *v) {
      if (x.b == a.b && x.e == a.e) return;
    }
    v->push_back(a);
  }

  // An acronym: two or more capital letters, no lower case ("TTP",
  // "T.T.P.", "NATO").
  bool Acronym(int k) const {
    if (!Cap(k)) return false;
    int upper = 0;
    for (uint32_t x = toks_[k].b; x < toks_[k].e; ++x) {
      const char c = text_[x];
      if (c >= 'a' && c <= 'z') return false;
      if (c >= 'A' && c <= 'Z') ++upper;
    }
    return upper >= 2;
  }

  // A name right before a noun trigger read as who acted ("a Taliban
  // assault", "the Hamas attack"): a run of up to three capitalized words
  // ending at j, with a demonym before it ("Pakistani Taliban attack"), or
  // an article before it when the trigger is a singular hostile noun and
  // the name is no country and no place of this sentence. A place before
  // an event noun ("the Kabul attack") reads the same way and is the known
  // risk of this rule; plural triggers ("the Paris attacks") are left out.
  // Returns the first token of the agent, or -1.
  int NameAgent(int j, const Work& f) const {
    int s = j;
    while (s - 1 >= 0 && j - s < 2 && Cap(s - 1) && NpWord(s - 1) &&
           !(B(s - 1) & lx::kTitle) && s - 1 > 0) {
      --s;
    }
    for (int m = s; m <= j; ++m) {
      if (!NpWord(m) || (B(m) & lx::kTitle)) return -1;
    }
    if (s == 0) return -1;  // sentence-initial capital: no evidence
    const int d = DemonymAt(s - 1);
    if (d >= 0) return d;
    if (!In(L(s - 1), {"the", "a", "an"})) return -1;
    if (!IsHostile(f.type) || absl::EndsWith(L(f.t1 - 1), "s")) return -1;
    if (!CountryOf(Surface(s, j + 1)).empty()) return -1;
    for (const Location& loc : locations_) {
      for (int m = loc.name.b; m < loc.name.e; ++m) {
        for (int x = s; x <= j; ++x) {
          if (L(m) == L(x)) return -1;
        }
      }
    }
    return s;
  }

  // A demonym, acronym, group name or actor word right before a noun
  // trigger, or a possessive.
  Arg PreAgent(const Work& f) const {
    int j = f.t0 - 1;
    while (j >= 0 && (B(j) & lx::kPreAdj) && !Cap(j)) --j;
    if (j < 0) return {};
    if (L(j) == "'s" || L(j) == "'") return LeftNp(j, false);
    if (!NpWord(j)) return {};
    int b = -1;
    if (Cap(j)) {
      b = DemonymAt(j);
      if (b < 0 && (CountryAbbrev(j) || Acronym(j))) b = j;
      if (b < 0) b = NameAgent(j, f);
    } else if (B(j) & lx::kActor) {
      b = j;
    }
    if (b < 0) return {};
    while (b - 1 >= 0 && NpMod(b - 1) &&
           (Cap(b - 1) || (B(b - 1) & lx::kModifier))) {
      --b;
    }
    return {b, j + 1};
  }

  int LocationAt(int k) const {
    for (size_t x = 0; x < locations_.size(); ++x) {
      if (locations_[x].prep == k) return static_cast<int>(x);
    }
    return -1;
  }

  void Participants(int fi) {
    Work& f = frames_[fi];
    f.ext0 = f.t0;
    f.ext1 = f.t1;
    if (f.pos == Pos::kParticipant || f.type == "event") return;
    const bool patient = lex_.patient_types.contains(f.type);
    const bool hostile = IsHostile(f.type);
    if (f.pos == Pos::kVerbT || f.pos == Pos::kVerbI) {
      int j = f.t0 - 1;
      while (j >= 0 && (Adverb(j) || (B(j) & lx::kNeg))) --j;
      const bool be = j >= 0 && (B(j) & lx::kBe);
      int by = f.t1;
      while (Adverb(by)) ++by;
      const bool reduced = L(by) == "by" && f.pos == Pos::kVerbT;
      if (be || reduced) {
        Arg target = be ? LeftNp(j, true, true) : LeftNp(f.t0, false, true);
        if (f.pos == Pos::kVerbT) {
          AddArg(&f.targets, target);
        } else {
          AddArg(&f.agents, target);
        }
        if (L(by) == "by") AddArg(&f.agents, RightNp(by + 1));
      } else if (f.type == "collapse") {
        // What gave way is the patient ("the levee gave way").
        Arg what = SubjectLeft(f.t0, true);
        if (!(B(what.e - 1) & lx::kStructure) &&
            In(L(what.b - 1), {"at", "in", "near", "on", "of", "outside"})) {
          what = LeftNp(what.b - 1, false, true);
        }
        AddArg(&f.targets, what);
      } else {
        Arg agent = LeftNp(f.t0, true);
        const Arg object = f.pos == Pos::kVerbT ? RightNp(f.t1) : Arg();
        const bool no_object =
            f.pos == Pos::kVerbT && !object.ok() &&
            (f.t1 >= n_ || Punct(f.t1) ||
             (B(f.t1) & (lx::kPrep | lx::kConj)) || toks_[f.t1].time >= 0);
        if (patient && no_object) {
          // "the 12 people arrested on Saturday": a participle with no
          // object after its noun names the patient.
          AddArg(&f.targets, LeftNp(f.t0, true, true));
        } else {
          if (agent.ok() && L(agent.b - 1) == "and") {
            AddArg(&f.agents, LeftNp(agent.b - 1, false));
          }
          AddArg(&f.agents, agent);
        }
        // "threw stones and bottles at officers": skip the second object.
        int next = f.t1;
        if (f.pos == Pos::kVerbI && L(next) == "and" && Word(next + 1) &&
            In(L(next + 2), {"at", "on", "upon"})) {
          next += 2;
        }
        if (f.pos == Pos::kVerbT) {
          AddArg(&f.targets, object);
        } else if (L(next) == "with" &&
                   (f.type == "clash" || f.type == "crash")) {
          AddArg(&f.agents, RightNp(next + 1));
        } else if (hostile && In(L(next), {"on", "at", "upon"})) {
          AddArg(&f.targets, RightNp(next + 1));
        }
      }
    } else {
      Arg pre = PreAgent(f);
      if (pre.ok()) AddArg(patient ? &f.targets : &f.agents, pre);
      if (!pre.ok()) {
        // "X launched/carried out/staged an attack"
        int v = f.t0 - 1;
        for (int steps = 0; v >= 0 && steps < 4; ++steps, --v) {
          if ((B(v) & lx::kLightVerb) || L(v) == "out") break;
          if (!((B(v) & (lx::kDet | lx::kPreAdj | lx::kQuant)) ||
                toks_[v].digit)) {
            v = -1;
            break;
          }
        }
        if (v >= 0 && L(v) == "out" && (B(v - 1) & lx::kLightVerb)) --v;
        // A naming verb with a complement after the event ("called the
        // attack unprovoked", "declared the strike illegal") reports a
        // view of the event; its subject is the speaker, not the agent.
        const bool naming = v >= 0 && (B(v) & lx::kNaming) &&
                            Word(f.t1) &&
                            !(B(f.t1) & (lx::kPrep | lx::kConj)) &&
                            toks_[f.t1].time < 0;
        if (v >= 0 && (B(v) & lx::kLightVerb) && !(B(v - 1) & lx::kBe) &&
            !naming) {
          Arg agent = LeftNp(v, true);
          if (agent.ok() && L(agent.b - 1) == "and") {
            AddArg(&f.agents, LeftNp(agent.b - 1, false));
          }
          AddArg(&f.agents, agent);
        }
      }
      int k = f.t1;
      bool places_only = true;  // only place phrases since the trigger
      for (int steps = 0; steps < 4 && k < n_; ++steps) {
        const std::string& w = L(k);
        if (w == "by") {
          Arg a = RightNp(k + 1);
          if (!a.ok()) break;
          AddArg(&f.agents, a);
          k = a.e;
          places_only = false;
        } else if (hostile && In(w, {"on", "against", "targeting"})) {
          Arg a = RightNp(k + 1);
          if (!a.ok() || (B(a.e - 1) & lx::kBorder)) break;
          AddArg(&f.targets, a);
          k = a.e;
          places_only = false;
        } else if (w == "between" && places_only) {
          // Only right after the event ("talks in Istanbul between X and
          // Y"); a later "between" belongs to another noun ("... deepens
          // mistrust between X and Y").
          Arg a = RightNp(k + 1);
          if (!a.ok() || L(a.e) != "and") break;
          Arg b = RightNp(a.e + 1);
          if (!b.ok()) break;
          AddArg(&f.agents, a);
          AddArg(&f.agents, b);
          k = b.e;
        } else if (w == "of") {
          Arg a = RightNp(k + 1);
          if (!a.ok()) break;
          if (patient || hostile) {
            AddArg(&f.targets, a);
          } else if (f.type == "resignation") {
            AddArg(&f.agents, a);
          } else {
            break;
          }
          k = a.e;
        } else if (LocationAt(k) >= 0) {
          k = locations_[LocationAt(k)].end;
        } else if ((B(k) & lx::kBe) && (B(k + 1) & lx::kLightVerb)) {
          int m = k + 2;
          if (L(m) == "out") ++m;
          if (L(m) == "by") AddArg(&f.agents, RightNp(m + 1));
          break;
        } else {
          break;
        }
      }
    }
    for (const std::vector<Arg>* v : {&f.agents, &f.targets}) {
      for (const Arg& a : *v) {
        if (a.b < f.t0) f.ext0 = std::min(f.ext0, a.b);
        if (a.e > f.t1) f.ext1 = std::max(f.ext1, a.e);
      }
    }
    const int loc = LocationAt(f.ext1);
    if (loc >= 0) f.ext1 = locations_[loc].end;
  }

  // ------------------------------------------------------------ causes
  struct Antecedent {
    Arg span;
    int frame = -1;
  };

  int FrameIn(int b, int e) const {
    for (int f = 0; f < static_cast<int>(frames_.size()); ++f) {
      if (frames_[f].t0 >= b && frames_[f].t0 < e) return f;
    }
    return -1;
  }
  // The frame whose trigger ends last at or before k, not `skip`, not
  // inside an antecedent already read.
  int PrevFrame(int k, int skip) const {
    int best = -1;
    for (int f = 0; f < static_cast<int>(frames_.size()); ++f) {
      if (f == skip || frames_[f].t1 > k || in_antecedent(frames_[f].t0)) {
        continue;
      }
      if (best < 0 || frames_[f].t1 > frames_[best].t1) best = f;
    }
    return best;
  }
  bool in_antecedent(int k) const {
    for (const Arg& a : antecedents_) {
      if (k >= a.b && k < a.e) return true;
    }
    return false;
  }

  // The phrase of an earlier event starting at token j. Order cues need an
  // event of the lexicon in it and may not start with a date.
  Antecedent ReadAntecedent(int j, bool order) const {
    Antecedent a;
    int b = j;
    if (In(L(b), {"the", "a", "an"})) ++b;
    if (b >= n_) return a;
    if (order && toks_[b].time >= 0) {
      int m = b;
      while (m < n_ && toks_[m].time == toks_[b].time) ++m;
      if (L(m) != "'s") return a;
    }
    int e = ClauseEnd(b);
    while (e > b) {
      if (toks_[e - 1].time >= 0) {
        const int t = toks_[e - 1].time;
        while (e > b && toks_[e - 1].time == t) --e;
      } else if ((B(e - 1) & (lx::kPrep | lx::kDet | lx::kConj)) ||
                 In(L(e - 1), {"last", "early", "late"})) {
        --e;
      } else {
        break;
      }
    }
    if (e <= b) return a;
    a.span = {b, e};
    for (int g = 0; g < static_cast<int>(frames_.size()); ++g) {
      const Work& f = frames_[g];
      if (f.t0 < b || f.t0 >= e) continue;
      if (a.frame >= 0 && frames_[a.frame].t0 < f.t0) continue;
      const int start = EventPhraseStart(b, f);
      if (start < 0) continue;
      a.frame = g;
      a.span = {start, std::max(f.t1, f.ext1)};
      // An event noun that is the subject of its own clause keeps its
      // predicate: "the truce took effect", "a cyclone hit the coast".
      const int v = a.span.e;
      if (f.pos == Pos::kNoun && v < e && Word(v) && !toks_[v].cap &&
          ((B(v) & (lx::kBe | lx::kAux | lx::kVerbStop)) ||
           (absl::EndsWith(L(v), "ed") && !(B(v) & lx::kPrep)))) {
        a.span.e = e;
      }
    }
    if (a.frame >= 0) return a;
    if (order) return Antecedent();
    a.frame = FrameIn(b, e);  // "for what it called attacks by ..."
    return a;
  }

  // True when every token of [b, e) may stand before a head noun: names,
  // numbers, actor words and modifiers, pre-adjectives, times and
  // possessives; an article only at b.
  bool NounPrefix(int b, int e) const {
    for (int k = b; k < e; ++k) {
      if (toks_[k].time >= 0 || L(k) == "'s" || L(k) == "'") continue;
      if (k == b && In(L(k), {"the", "a", "an", "its", "their", "his",
                                "her", "this", "these"})) {
        continue;
      }
      if (B(k) & (lx::kPreAdj | lx::kQuant)) continue;
      if (NpMod(k) || PlainModifier(k)) continue;
      return false;
    }
    return true;
  }

  // Where the phrase of frame f starts when f is the event an antecedent
  // beginning at b is about, or -1 when f only sits inside it ("after a
  // group broke away from the march" is not about the march):
  //  - "Pakistani airstrikes on Kabul": a noun trigger after a noun prefix;
  //  - "riot police fired tear gas": a verb trigger whose participant
  //    phrase starts the antecedent;
  //  - "11 soldiers were killed in an ambush by ...": the event the
  //    casualties fell in, from its article on;
  //  - "agreeing to a ceasefire": a light verb and its event noun.
  int EventPhraseStart(int b, const Work& f) const {
    if (f.pos != Pos::kNoun) {
      const int lead = std::min(f.ext0, f.t0);
      int k = b;
      while (k < lead && (Adverb(k) || (B(k) & (lx::kAux | lx::kBe)))) ++k;
      return NounPrefix(k, lead) ? b : -1;
    }
    if (NounPrefix(b, f.t0)) return b;
    for (int c = b; c + 1 < f.t0; ++c) {
      if (In(L(c), {"killed", "wounded", "injured", "died", "hurt", "dead",
                    "perished"}) &&
          In(L(c + 1), {"in", "during", "by"}) && NounPrefix(c + 2, f.t0)) {
        for (int m = b; m < c; ++m) {
          if (!(NpWord(m) || Adverb(m) || (B(m) & (lx::kAux | lx::kBe)) ||
                (B(m) & lx::kDet) || L(m) == "'s")) {
            return -1;
          }
        }
        return In(L(c + 2), {"the", "a", "an"}) ? c + 3 : c + 2;
      }
    }
    if ((B(b) & lx::kLightVerb) ||
        In(L(b), {"agreeing", "signing", "reaching", "announcing", "declaring",
                  "calling", "staging"})) {
      int k = b + 1;
      if (In(L(k), {"to", "on", "out"})) ++k;
      if (NounPrefix(k, f.t0)) return b;
    }
    return -1;
  }

  void SetInitiator(const Work& f, bool agents, v1::CausalLink* link) const {
    const std::vector<Arg>& v = agents ? f.agents : f.targets;
    if (v.empty()) return;
    const Arg& a = v[0];
    link->set_initiator(NormalizeActor(Surface(a.b, a.e)));
    SetSpan(a.b, a.e, link->mutable_initiator_span());
  }

  void AddLink(int later, v1::CausalLink::Relation rel, int cb, int ce,
               const Antecedent& ant) {
    v1::CausalLink link;
    link.set_relation(rel);
    link.set_cue(Surface(cb, ce));
    SetSpan(cb, ce, link.mutable_cue_span());
    if (ant.span.ok()) {
      link.set_antecedent(Surface(ant.span.b, ant.span.e));
      SetSpan(ant.span.b, ant.span.e, link.mutable_antecedent_span());
      antecedents_.push_back(ant.span);
    }
    if (ant.frame >= 0 && ant.frame != later) {
      SetInitiator(frames_[ant.frame], true, &link);
    }
    frames_[later].causes.push_back(std::move(link));
  }

  // The frame of the later event for a cue at [cb, ce) whose antecedent is
  // `ant`: the nearest before the cue, else, when the cue opens a clause
  // ("After the ceasefire expired, ..."), the first after the antecedent.
  // A cue inside a clause whose verb is no event ("said shortly after the
  // truce was announced that ...") links nothing.
  int LaterFrame(int cb, const Antecedent& ant) const {
    int f = PrevFrame(cb, ant.frame);
    if (f >= 0) return f;
    if (cb > 0 && !Punct(cb - 1) && !(B(cb - 1) & lx::kConj)) return -1;
    const int from = ant.span.ok() ? ant.span.e : cb;
    int best = -1;
    for (int g = 0; g < static_cast<int>(frames_.size()); ++g) {
      if (frames_[g].t0 >= from && g != ant.frame &&
          (best < 0 || frames_[g].t0 < frames_[best].t0)) {
        best = g;
      }
    }
    return best;
  }

  // The frame whose trigger follows an adjective at j within a short noun
  // phrase ("retaliatory missile strikes", "unprovoked North Korean
  // attack"); -1 when none.
  int NextTrigger(int j) const {
    for (int k = j; k < std::min(n_, j + 4); ++k) {
      if (toks_[k].trig >= 0) return toks_[k].trig;
      if (!Word(k) ||
          (B(k) & (lx::kPrep | lx::kConj | lx::kAux | lx::kBe | lx::kPron))) {
        return -1;
      }
    }
    return -1;
  }

  int NewFrame(int t0, int t1, const std::string& type, Pos pos) {
    Work w;
    w.t0 = t0;
    w.t1 = t1;
    w.type = type;
    w.pos = pos;
    w.ext0 = t0;
    w.ext1 = t1;
    frames_.push_back(std::move(w));
    const int f = static_cast<int>(frames_.size()) - 1;
    for (int m = t0; m < t1; ++m) {
      if (toks_[m].trig < 0) toks_[m].trig = f;
    }
    return f;
  }

  // "began on Friday night, when ...": the first token of the verb when
  // the "when" at i follows a beginning verb and a date; else -1.
  int BeganBeforeWhen(int i) const {
    int m = i - 1;
    if (L(m) != ",") return -1;
    --m;
    bool dated = false;
    while (m >= 0 && (toks_[m].time >= 0 ||
                      In(L(m), {"on", "at", "in", "late", "early", "last"}))) {
      dated = dated || toks_[m].time >= 0;
      --m;
    }
    if (!dated) return -1;
    if (In(L(m), {"began", "started", "erupted", "flared"})) return m;
    if (L(m) == "out" && L(m - 1) == "broke") return m - 1;
    return -1;
  }

  void Causes() {
    for (int i = 0; i < n_; ++i) {
      if (!used_[i] && L(i) == "when") {
        const int m = BeganBeforeWhen(i);
        if (m >= 0 && Cause(m, i + 1, Cue::kBeganWhen)) {
          for (int x = m; x <= i; ++x) used_[x] = true;
          continue;
        }
      }
      if (used_[i] || toks_[i].info == nullptr) continue;
      for (const PhraseEntry& p : toks_[i].info->cues) {
        const int len = static_cast<int>(p.words.size());
        if (i + len > n_) continue;
        bool ok = true;
        for (int m = 1; m < len && ok; ++m) ok = L(i + m) == p.words[m];
        if (!ok) continue;
        if (Cause(i, i + len, lx::kCues[p.index].cue)) {
          for (int m = i; m < i + len; ++m) used_[m] = true;
          break;
        }
      }
    }
  }

  // Reads the cue at [i, j); true when it was used.
  bool Cause(int i, int j, Cue cue) {
    using R = v1::CausalLink;
    switch (cue) {
      case Cue::kRetaliationFor:
      case Cue::kResponseTo: {
        Antecedent ant = ReadAntecedent(j, false);
        if (!ant.span.ok()) return false;
        if (cue == Cue::kResponseTo && ant.frame < 0) return false;
        const int later = LaterFrame(i, ant);
        if (later < 0) return false;
        R::Relation rel = R::RETALIATION_FOR;
        if (cue == Cue::kResponseTo && !(IsHostile(frames_[later].type) &&
                                         IsHostile(frames_[ant.frame].type))) {
          rel = R::CAUSED_BY;
        }
        AddLink(later, rel, i, j, ant);
        return true;
      }
      case Cue::kAfter: {
        if (L(i) == "after" &&
            (In(L(i - 1), {"named", "look", "looks", "looking", "looked",
                           "take", "takes", "took", "ran", "run", "chasing",
                           "sought", "seeking", "asked", "asking"}) ||
             L(j) == "all")) {
          return false;
        }
        if (L(i) == "following" && (B(i - 1) & lx::kDet)) return false;
        Antecedent ant = ReadAntecedent(j, true);
        if (ant.frame < 0) return false;
        int cb = i;
        if (L(i) == "after") {
          if (In(L(cb - 1),
                 {"hours", "days", "weeks", "months", "minutes", "years",
                  "hour", "day", "week", "month", "year", "moments"})) {
            --cb;
            if ((B(cb - 1) & (lx::kQuant | lx::kDet)) || Digit(cb - 1) ||
                L(cb - 1) == "few") {
              --cb;
              if (L(cb) == "few" && In(L(cb - 1), {"a", "just"})) --cb;
            }
          } else if (In(L(cb - 1), {"shortly", "soon", "just", "immediately",
                                    "only", "right", "moments"})) {
            --cb;
          }
          if (In(L(cb - 1), {"began", "started", "erupted", "came", "comes",
                             "flared", "begins", "started", "erupt"})) {
            --cb;
          } else if (L(cb - 1) == "out" && L(cb - 2) == "broke") {
            cb -= 2;
          }
        }
        const int later = LaterFrame(cb, ant);
        if (later < 0) return false;
        AddLink(later, R::CAUSED_BY, cb, j, ant);
        return true;
      }
      case Cue::kBeganWhen: {
        Antecedent ant = ReadAntecedent(j, true);
        if (ant.frame < 0) return false;
        const int later = LaterFrame(i, ant);
        if (later < 0) return false;
        AddLink(later, R::CAUSED_BY, i, j, ant);
        return true;
      }
      case Cue::kFollowed: {
        if (L(j) == "by" || (B(i - 1) & lx::kBe)) return false;
        Antecedent ant = ReadAntecedent(j, true);
        if (ant.frame < 0) return false;
        const int later = PrevFrame(i, ant.frame);
        if (later < 0) return false;
        AddLink(later, R::CAUSED_BY, i, j, ant);
        return true;
      }
      case Cue::kCaused: {
        if (L(j) == "by") {
          Antecedent ant = ReadAntecedent(j + 1, false);
          if (!ant.span.ok()) return false;
          const int later = PrevFrame(i, ant.frame);
          if (later < 0) return false;
          AddLink(later, R::CAUSED_BY, i, j + 1, ant);
          return true;
        }
        const int later = FrameIn(j, ClauseEnd(j, 6));
        if (later < 0) return false;
        // The antecedent is the event before the cue; a participial cue
        // ("..., sparking protests") may follow a comma.
        const int before = PrevFrame(i, later);
        if (before < 0) return false;
        Antecedent ant;
        ant.frame = before;
        ant.span = {frames_[before].ext0, std::min(frames_[before].ext1, i)};
        if (!ant.span.ok()) return false;
        AddLink(later, R::CAUSED_BY, i, j, ant);
        return true;
      }
      case Cue::kRetaliated: {
        int later = -1;
        int k = j;
        if (In(L(k), {"with", "by"})) {
          later = FrameIn(k + 1, std::min(ClauseEnd(k + 1), k + 7));
        }
        if (later < 0 && toks_[i].trig >= 0 && frames_[toks_[i].trig].t0 == i) {
          later = toks_[i].trig;  // made by FindTriggers
        }
        if (later < 0) return false;
        if (frames_[later].agents.empty()) {
          AddArg(&frames_[later].agents, LeftNp(i, true));
        }
        const int from = frames_[later].t0 >= j ? frames_[later].ext1 : j;
        const int end = ClauseEnd(from);
        Antecedent ant;
        v1::CausalLink::Relation rel = R::RETALIATION_FOR;
        for (int m = from; m < end; ++m) {
          if (In(L(m), {"for", "after", "following"})) {
            ant = ReadAntecedent(m + 1, false);
            used_[m] = true;
            break;
          }
          if (L(m) == "against") {
            ant = ReadAntecedent(m + 1, false);
            if (ant.span.ok() && ant.frame < 0) {
              // "retaliated against Pakistan": the initiator by this account.
              Arg who = RightNp(m + 1);
              AddLink(later, rel, i, j, Antecedent());
              if (who.ok()) {
                v1::CausalLink& link = frames_[later].causes.back();
                link.set_initiator(NormalizeActor(Surface(who.b, who.e)));
                SetSpan(who.b, who.e, link.mutable_initiator_span());
              }
              return true;
            }
            break;
          }
        }
        AddLink(later, rel, i, j, ant);
        return true;
      }
      case Cue::kRetaliatory: {
        const int f = NextTrigger(j);
        if (f < 0) return false;
        if (!IsHostile(frames_[f].type)) return false;
        Antecedent ant;
        const int end = ClauseEnd(frames_[f].ext1);
        for (int m = frames_[f].ext1; m < end; ++m) {
          if (In(L(m), {"for", "after", "following"})) {
            ant = ReadAntecedent(m + 1, false);
            used_[m] = true;
            break;
          }
        }
        AddLink(f, R::RETALIATION_FOR, i, j, ant);
        v1::CausalLink& link = frames_[f].causes.back();
        if (link.initiator().empty() && !frames_[f].targets.empty()) {
          // "retaliatory strikes on Afghan posts": the target's side.
          const Arg& t = frames_[f].targets[0];
          for (int m = t.b; m < std::min(t.e, t.b + 3); ++m) {
            const int d = DemonymAt(m);
            if (d == t.b) {
              link.set_initiator(CountryOf(Surface(d, m + 1)));
              SetSpan(d, m + 1, link.mutable_initiator_span());
              break;
            }
          }
        }
        return true;
      }
      case Cue::kRespondedWith: {
        const int f = FrameIn(j, std::min(ClauseEnd(j), j + 6));
        if (f < 0 || !IsHostile(frames_[f].type)) return false;
        if (frames_[f].agents.empty()) {
          AddArg(&frames_[f].agents, LeftNp(i, true));
        }
        AddLink(f, R::RETALIATION_FOR, i, j, Antecedent());
        return true;
      }
      case Cue::kUnprovoked: {
        int f = NextTrigger(j);
        if (f < 0) {
          f = PrevFrame(i, -1);
          if (f >= 0 && frames_[f].t1 < ClauseStart(i)) f = -1;
        }
        if (f < 0) return false;
        AddLink(f, R::UNPROVOKED, i, j, Antecedent());
        SetInitiator(frames_[f], true, &frames_[f].causes.back());
        return true;
      }
      default:
        return false;
    }
  }

  // ------------------------------------------------------------ stances
  void Stances() {
    for (int i = 0; i < n_; ++i) {
      if (used_[i] || toks_[i].info == nullptr) continue;
      for (const PhraseEntry& p : toks_[i].info->cues) {
        const int len = static_cast<int>(p.words.size());
        if (i + len > n_) continue;
        bool ok = true;
        for (int m = 1; m < len && ok; ++m) ok = L(i + m) == p.words[m];
        if (!ok) continue;
        const int used_to = Stance(i, i + len, lx::kCues[p.index].cue);
        if (used_to > i) {
          i = used_to - 1;
          break;
        }
      }
    }
  }

  // Negation before a cue: the first token of "has not", "did not",
  // "has yet to", "declined to"; -1 when none. *cannot is set for "could
  // not" and the like (the reporter's verification, not a stance).
  int NegationStart(int i, bool* cannot) const {
    *cannot = false;
    int m = i - 1;
    int start = -1;
    bool neg = false;
    if (L(m) == "to" &&
        In(L(m - 1), {"yet", "declined", "refused", "declining", "refusing"})) {
      neg = true;
      m -= 2;
      start = m + 1;
    }
    for (int steps = 0; m >= 0 && steps < 4; ++steps, --m) {
      const uint32_t b = B(m);
      if (b & lx::kNeg) {
        neg = true;
      } else if (!(b & (lx::kAux | lx::kBe)) && !Adverb(m)) {
        break;
      }
      if (In(L(m), {"could", "couldn't", "can", "cannot", "can't"})) {
        *cannot = true;
      }
      start = m;
    }
    if (L(m) == "unable") *cannot = true;
    return neg ? start : -1;
  }

  // The frame a stance is about: one named in [b, e), else the nearest in
  // the sentence, else (when `generic`) a new frame of type "event".
  int StanceFrame(int b, int e, int cb, int ce, bool generic) {
    int f = FrameIn(b, e);
    if (f >= 0) return f;
    int best = -1, dist = 0;
    for (int g = 0; g < static_cast<int>(frames_.size()); ++g) {
      const int d = std::abs(frames_[g].t0 - cb);
      if (best < 0 || d < dist) {
        best = g;
        dist = d;
      }
    }
    if (best >= 0) return best;
    if (!generic) return -1;
    return NewFrame(cb, ce, "event", Pos::kNoun);
  }

  void AddStance(int f, v1::Attribution::Stance stance, Arg source, int cb,
                 int ce, Arg content) {
    v1::Attribution a;
    int b = cb, e = ce;
    if (source.ok()) {
      a.set_source(Surface(source.b, source.e));
      SetSpan(source.b, source.e, a.mutable_source_span());
      a.set_source_normalized(NormalizeActor(a.source()));
      b = std::min(b, source.b);
      e = std::max(e, source.e);
    }
    a.set_cue(Surface(cb, ce));
    SetSpan(cb, ce, a.mutable_cue_span());
    a.set_stance(stance);
    if (content.ok()) {
      SetSpan(content.b, content.e, a.mutable_content());
      b = std::min(b, content.b);
      e = std::max(e, content.e);
    }
    SetSpan(b, e, a.mutable_span());
    frames_[f].stances.push_back(std::move(a));
  }

  // Reads the stance cue at [i, j); returns the token after what it used,
  // or i when it was not a stance.
  int Stance(int i, int j, Cue cue) {
    using A = v1::Attribution;
    bool cannot = false;
    switch (cue) {
      case Cue::kClaimed: {
        const bool bare = j - i == 1;
        Arg content;
        int event = -1;
        if (bare) {
          int k = j;
          if (B(k) & lx::kDet) ++k;
          if (k >= n_ || toks_[k].trig < 0 ||
              frames_[toks_[k].trig].pos != Pos::kNoun) {
            return i;
          }
          event = toks_[k].trig;
          content = {k, std::max(frames_[event].t1, frames_[event].ext1)};
        } else if (L(j) == "for") {
          Antecedent ant = ReadAntecedent(j + 1, false);
          content = ant.span;
          event = ant.frame;
        }
        int cb = i;
        const int neg = NegationStart(i, &cannot);
        if (neg >= 0) cb = neg;
        Arg source = SubjectLeft(cb);
        bool negated = neg >= 0;
        if (source.ok() && L(source.b) == "no") negated = true;
        if (!source.ok() && In(L(cb - 1), {"nobody", "none"})) {
          source = {cb - 1, cb};
          negated = true;
        }
        if (!negated && In(L(i), {"claim"})) return i;  // base form
        if (event < 0) event = StanceFrame(j, j, i, j, true);
        AddStance(event,
                  negated ? A::DOES_NOT_CONFIRM : A::CLAIMS_RESPONSIBILITY,
                  source, cb, j, content);
        return content.ok() ? content.e : j;
      }
      case Cue::kDenied: {
        bool dummy;
        if (NegationStart(i, &dummy) >= 0 || (B(i - 1) & lx::kBe)) return i;
        const int end = std::min(ClauseEnd(j), j + 6);
        bool obj = false;
        for (int m = j; m < end && !obj && !In(L(m), {"and", "but"}); ++m) {
          obj = (B(m) & lx::kDenyObj) != 0;
        }
        if (!obj) return i;
        const int event = StanceFrame(j, ClauseEnd(j), i, j, true);
        Arg content;
        if (FrameIn(j, ClauseEnd(j)) >= 0) content = {j, ClauseEnd(j)};
        AddStance(event, A::DENIES, SubjectLeft(i), i, j, content);
        return j;
      }
      case Cue::kNeitherNor: {
        const int event = StanceFrame(j, ClauseEnd(j), i, j, false);
        if (event < 0) return i;
        AddStance(event, A::DOES_NOT_CONFIRM, SubjectLeft(i), i, j, {});
        return j;
      }
      case Cue::kConfirm: {
        const int neg = NegationStart(i, &cannot);
        if (neg < 0 || cannot) return i;
        const int event = StanceFrame(j, ClauseEnd(j), i, j, false);
        if (event < 0) return i;
        Arg content;
        if (FrameIn(j, ClauseEnd(j)) >= 0) content = {j, ClauseEnd(j)};
        AddStance(event, A::DOES_NOT_CONFIRM, LeftNp(neg, true), neg, j,
                  content);
        return j;
      }
      case Cue::kNoClaim: {
        const int event = StanceFrame(j, j, i, j, true);
        AddStance(event, A::DOES_NOT_CONFIRM, {}, i, j, {});
        return j;
      }
      case Cue::kBlamed:
      case Cue::kAccused:
      case Cue::kHeld:
        return Accusation(i, j, cue);
      default:
        return i;
    }
  }

  int Accusation(int i, int j, Cue cue) {
    int p = i - 1;
    while (Adverb(p)) --p;
    const bool passive = (B(p) & lx::kBe) != 0;
    Arg source, accused, content;
    int event = -1;
    auto event_after = [&](int k) {
      Antecedent ant = ReadAntecedent(k, false);
      content = ant.span;
      event = ant.frame;
      if (event < 0 && ant.span.ok()) {
        for (int m = ant.span.b; m < ant.span.e; ++m) {
          if (B(m) & lx::kDenyObj) {
            event = StanceFrame(ant.span.e, ant.span.e, i, j, true);
            break;
          }
        }
      }
    };
    if (cue == Cue::kBlamed) {
      if (passive) {
        if (L(j) != "on") return i;
        accused = RightNp(j + 1);
        event = PrevFrame(i, -1);
      } else {
        source = SubjectLeft(i);
        // "blamed (most of) the recent attacks on ...": the event.
        int k = j;
        while (k < n_ && toks_[k].trig < 0 &&
               ((B(k) & (lx::kDet | lx::kQuant | lx::kPreAdj)) ||
                In(L(k), {"most", "all", "many", "of", "both"}))) {
          ++k;
        }
        if (k < n_ && toks_[k].trig >= 0) {
          event = toks_[k].trig;
          content = {k, frames_[event].ext1};
          for (int m = frames_[event].t1;
               m < std::min(n_, frames_[event].t1 + 5); ++m) {
            if (L(m) == "on") {
              accused = RightNp(m + 1);
              break;
            }
          }
        } else {
          accused = RightNp(j);
          if (accused.ok() && L(accused.e) == "for") {
            event_after(accused.e + 1);
          } else if (accused.ok()) {
            event = StanceFrame(n_, n_, i, j, false);
          }
        }
      }
    } else if (cue == Cue::kAccused) {
      if (passive) {
        accused = LeftNp(p, true);
        if (L(j) != "of") return i;
        event_after(j + 1);
      } else {
        source = LeftNp(i, true);
        accused = RightNp(j);
        if (!accused.ok() || L(accused.e) != "of") return i;
        event_after(accused.e + 1);
      }
    } else {  // held Y responsible for E
      if (passive) {
        accused = LeftNp(p, true);
        if (L(j) != "responsible" || L(j + 1) != "for") return i;
        event_after(j + 2);
      } else {
        source = LeftNp(i, true);
        accused = RightNp(j);
        if (!accused.ok() || L(accused.e) != "responsible" ||
            L(accused.e + 1) != "for") {
          return i;
        }
        event_after(accused.e + 2);
      }
    }
    if (event < 0 || !accused.ok()) return i;
    // "blamed the strikes on Pakistan": Pakistan is who acted, not the
    // target that "strikes on X" would make it.
    std::vector<Arg>& targets = frames_[event].targets;
    targets.erase(std::remove_if(targets.begin(), targets.end(),
                                 [&](const Arg& t) {
                                   return t.b == accused.b && t.e == accused.e;
                                 }),
                  targets.end());
    AddArg(&frames_[event].agents, accused);
    AddStance(event, v1::Attribution::ACCUSES, source, i, j, content);
    return j;
  }

  // ------------------------------------------------------------ output
  // The frame a place or time at tokens [b, e) belongs to: the nearest
  // frame whose trigger ends before it ("air strikes in Kabul on Sunday"),
  // else the nearest after it ("On Sunday, militants attacked").
  int Nearest(int b, int e) const {
    int before = -1, after = -1;
    for (int f = 0; f < static_cast<int>(frames_.size()); ++f) {
      if (frames_[f].t1 <= b) {
        if (before < 0 || frames_[f].t1 > frames_[before].t1) before = f;
      } else if (frames_[f].t0 >= e) {
        if (after < 0 || frames_[f].t0 < frames_[after].t0) after = f;
      } else {
        return f;  // overlaps the trigger
      }
    }
    return before >= 0 ? before : after;
  }

  void AssignLocationsAndTimes() {
    for (const Location& loc : locations_) {
      const int f = Nearest(loc.prep, loc.end);
      if (f >= 0) AddArg(&frames_[f].locations, loc.name);
    }
    for (int ti = 0; ti < static_cast<int>(times_.size()); ++ti) {
      int b = -1, e = -1;
      for (int k = 0; k < n_; ++k) {
        if (toks_[k].time != ti) continue;
        if (b < 0) b = k;
        e = k + 1;
      }
      if (b < 0) continue;
      const int f = Nearest(b, e);
      if (f >= 0) frames_[f].times.push_back(ti);
    }
  }

  std::vector<v1::EventFrame> Emit() {
    std::vector<int> order(frames_.size());
    for (size_t f = 0; f < order.size(); ++f) order[f] = static_cast<int>(f);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      return frames_[a].t0 < frames_[b].t0;
    });
    std::vector<v1::EventFrame> out;
    out.reserve(frames_.size());
    for (int fi : order) {
      Work& w = frames_[fi];
      v1::EventFrame f;
      f.set_type(w.type);
      SetSpan(w.t0, w.t1, f.mutable_trigger());
      for (const Arg& a : w.agents) {
        f.add_agents(Surface(a.b, a.e));
        SetSpan(a.b, a.e, f.add_agent_spans());
      }
      for (const Arg& a : w.targets) {
        f.add_targets(Surface(a.b, a.e));
        SetSpan(a.b, a.e, f.add_target_spans());
      }
      for (const Arg& a : w.locations) {
        f.add_locations(Surface(a.b, a.e));
        SetSpan(a.b, a.e, f.add_location_spans());
      }
      std::sort(w.times.begin(), w.times.end());
      for (int t : w.times) f.add_time_indexes(t);
      for (v1::CausalLink& c : w.causes) *f.add_causes() = std::move(c);
      for (v1::Attribution& s : w.stances) *f.add_stances() = std::move(s);
      out.push_back(std::move(f));
    }
    return out;
  }

  const Lexicon& lex_;
  absl::string_view text_;
  const std::vector<v1::TimeExpression>& times_;
  std::vector<Tok> toks_;
  int n_ = 0;
  uint32_t ctx_ = 0;
  std::vector<Work> frames_;
  std::vector<Location> locations_;
  std::vector<Arg> antecedents_;
  std::vector<bool> used_;
};

void MapSpan(const NormalizedText& text, v1::Span* span) {
  uint32_t b, e;
  text.ToOriginal(span->begin(), span->end(), &b, &e);
  span->set_begin(b);
  span->set_end(e);
}

}  // namespace

EventExtractor::EventExtractor() : lexicon_(BuildLexicon()) {}
EventExtractor::~EventExtractor() = default;

std::vector<v1::EventFrame> EventExtractor::Extract(
    absl::string_view text, const SentenceRange& sentence,
    const std::vector<v1::TimeExpression>& times) const {
  Parser parser(*lexicon_, text, sentence, times);
  return parser.Run();
}

std::vector<v1::EventFrame> EventExtractor::Extract(
    const NormalizedText& text, const SentenceRange& sentence,
    const std::vector<v1::TimeExpression>& times) const {
  std::vector<v1::TimeExpression> local = times;
  for (v1::TimeExpression& t : local) {
    const size_t b = text.FromOriginal(t.span().begin());
    const size_t e = text.FromOriginal(t.span().end());
    t.mutable_span()->set_begin(b);
    t.mutable_span()->set_end(e);
  }
  std::vector<v1::EventFrame> frames = Extract(text.text, sentence, local);
  for (v1::EventFrame& f : frames) {
    MapSpan(text, f.mutable_trigger());
    for (auto* spans : {f.mutable_agent_spans(), f.mutable_target_spans(),
                        f.mutable_location_spans()}) {
      for (v1::Span& s : *spans) MapSpan(text, &s);
    }
    for (v1::CausalLink& c : *f.mutable_causes()) {
      MapSpan(text, c.mutable_cue_span());
      if (c.has_antecedent_span()) MapSpan(text, c.mutable_antecedent_span());
      if (c.has_initiator_span()) MapSpan(text, c.mutable_initiator_span());
    }
    for (v1::Attribution& a : *f.mutable_stances()) {
      MapSpan(text, a.mutable_span());
      MapSpan(text, a.mutable_cue_span());
      if (a.has_source_span()) MapSpan(text, a.mutable_source_span());
      if (a.has_content()) MapSpan(text, a.mutable_content());
    }
  }
  return frames;
}

void RestoreSurfaces(absl::string_view original, v1::EventFrame* frame) {
  auto sub = [original](const v1::Span& s) {
    if (s.begin() > s.end() || s.end() > original.size()) return std::string();
    return std::string(original.substr(s.begin(), s.end() - s.begin()));
  };
  for (int i = 0; i < frame->agents_size() && i < frame->agent_spans_size();
       ++i) {
    frame->set_agents(i, sub(frame->agent_spans(i)));
  }
  for (int i = 0; i < frame->targets_size() && i < frame->target_spans_size();
       ++i) {
    frame->set_targets(i, sub(frame->target_spans(i)));
  }
  for (int i = 0;
       i < frame->locations_size() && i < frame->location_spans_size(); ++i) {
    frame->set_locations(i, sub(frame->location_spans(i)));
  }
  for (v1::CausalLink& c : *frame->mutable_causes()) {
    c.set_cue(sub(c.cue_span()));
    if (c.has_antecedent_span()) c.set_antecedent(sub(c.antecedent_span()));
  }
  for (v1::Attribution& a : *frame->mutable_stances()) {
    a.set_cue(sub(a.cue_span()));
    if (a.has_source_span()) a.set_source(sub(a.source_span()));
  }
}

}  // namespace factdiff
