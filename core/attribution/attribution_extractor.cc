#include "core/attribution/attribution_extractor.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "core/attribution/source_normalizer.h"

namespace factdiff {
namespace {

using v1::Attribution;
using Stance = v1::Attribution::Stance;

// ---------------------------------------------------------------------------
// Tables. All words are lower case.

// How a reporting word behaves.
enum class Special : uint8_t {
  kNone,
  kDeny,      // denied: takes any object except kDeniedThings
  kReject,    // rejected/dismissed: only a claim-like object
  kBlame,     // blamed X on/for Y
  kAccuse,    // accused X of Y
  kEstimate,  // estimated (that) C / X at N
  kPut,       // put the toll at N
};

struct CueWord {
  Stance stance;
  bool strong;      // read in every form, content need not start with "that"
  bool invertible;  // may stand before its source: ", said X."
  bool listener;    // takes a listener object: "told Reuters"
  Special special;
};

constexpr Stance kAsserts = Attribution::ASSERTS;

struct CueRow {
  absl::string_view word;
  CueWord cue;
};

// Reporting words. "strong" cues are the plain speech verbs; the others need
// their content marked ("that", ':' or a quotation) or must close a
// quotation or clause, because they have common non-reporting senses
// ("added 300 jobs", "noted for", "confirmed dead").
constexpr CueRow kCueWords[] = {
    {"said", {kAsserts, true, true, false, Special::kNone}},
    {"says", {kAsserts, true, true, false, Special::kNone}},
    {"say", {kAsserts, true, false, false, Special::kNone}},
    {"told", {kAsserts, true, false, true, Special::kNone}},
    {"tells", {kAsserts, true, false, true, Special::kNone}},
    {"stated", {kAsserts, false, false, false, Special::kNone}},
    {"added", {kAsserts, false, true, false, Special::kNone}},
    {"adds", {kAsserts, false, true, false, Special::kNone}},
    {"claimed", {kAsserts, false, false, false, Special::kNone}},
    {"claims", {kAsserts, false, false, false, Special::kNone}},
    {"announced", {kAsserts, false, false, false, Special::kNone}},
    {"noted", {kAsserts, false, true, false, Special::kNone}},
    {"notes", {kAsserts, false, true, false, Special::kNone}},
    {"warned", {kAsserts, false, true, false, Special::kNone}},
    {"insisted", {kAsserts, false, true, false, Special::kNone}},
    {"insists", {kAsserts, false, true, false, Special::kNone}},
    {"argued", {kAsserts, false, true, false, Special::kNone}},
    {"argues", {kAsserts, false, true, false, Special::kNone}},
    {"acknowledged", {kAsserts, false, false, false, Special::kNone}},
    {"admitted", {kAsserts, false, false, false, Special::kNone}},
    {"confirmed", {kAsserts, false, false, false, Special::kNone}},
    {"explained", {kAsserts, false, true, false, Special::kNone}},
    {"wrote", {kAsserts, false, true, false, Special::kNone}},
    {"writes", {kAsserts, false, true, false, Special::kNone}},
    {"reported", {kAsserts, false, false, false, Special::kNone}},
    {"reports", {kAsserts, false, false, false, Special::kNone}},
    {"asserted", {kAsserts, false, false, false, Special::kNone}},
    {"declared", {kAsserts, false, false, false, Special::kNone}},
    {"maintained", {kAsserts, false, false, false, Special::kNone}},
    {"alleged", {kAsserts, false, false, false, Special::kNone}},
    {"stressed", {kAsserts, false, false, false, Special::kNone}},
    {"emphasized", {kAsserts, false, false, false, Special::kNone}},
    {"emphasised", {kAsserts, false, false, false, Special::kNone}},
    {"asked", {kAsserts, false, true, false, Special::kNone}},
    {"replied", {kAsserts, false, true, false, Special::kNone}},
    {"responded", {kAsserts, false, false, false, Special::kNone}},
    {"continued", {kAsserts, false, true, false, Special::kNone}},
    {"recalled", {kAsserts, false, true, false, Special::kNone}},
    {"predicted", {kAsserts, false, false, false, Special::kNone}},
    {"suggested", {kAsserts, false, false, false, Special::kNone}},
    {"conceded", {kAsserts, false, false, false, Special::kNone}},
    {"tweeted", {kAsserts, false, false, false, Special::kNone}},
    {"countered", {kAsserts, false, true, false, Special::kNone}},
    {"cautioned", {kAsserts, false, false, false, Special::kNone}},
    {"denied", {Attribution::DENIES, false, false, false, Special::kDeny}},
    {"denies", {Attribution::DENIES, false, false, false, Special::kDeny}},
    {"rejected", {Attribution::DENIES, false, false, false, Special::kReject}},
    {"rejects", {Attribution::DENIES, false, false, false, Special::kReject}},
    {"dismissed", {Attribution::DENIES, false, false, false, Special::kReject}},
    {"dismisses", {Attribution::DENIES, false, false, false, Special::kReject}},
    {"blamed", {Attribution::ACCUSES, false, false, false, Special::kBlame}},
    {"blames", {Attribution::ACCUSES, false, false, false, Special::kBlame}},
    {"accused", {Attribution::ACCUSES, false, false, false, Special::kAccuse}},
    {"accuses", {Attribution::ACCUSES, false, false, false, Special::kAccuse}},
    {"estimated", {Attribution::ESTIMATES, false, false, false, Special::kEstimate}},
    {"estimates", {Attribution::ESTIMATES, false, false, false, Special::kEstimate}},
    {"put", {Attribution::ESTIMATES, false, false, false, Special::kPut}},
    {"puts", {Attribution::ESTIMATES, false, false, false, Special::kPut}},
};

// Objects after "denied" that make it a refusal, not a denial.
constexpr absl::string_view kDeniedThings[] = {
    "entry", "access", "bail", "permission", "visa", "visas", "a", "an",
    "them", "him", "her", "us", "me", "passage", "treatment", "service",
    "benefits", "parole", "asylum", "approval", "the"};
// (After "the", the next word is checked against kDeniedThings too.)

// Heads of an object that make "rejected"/"dismissed" a denial.
constexpr absl::string_view kClaimNouns[] = {
    "claim", "claims", "allegation", "allegations", "accusation",
    "accusations", "report", "reports", "charge", "charges", "assertion",
    "assertions", "suggestion", "suggestions", "statement", "figure",
    "figures", "account", "accounts", "version", "notion", "rumours",
    "rumors", "speculation", "criticism", "idea", "reporting", "story",
    "stories", "toll", "numbers", "that"};

// Heads of the object of "put ... at N".
constexpr absl::string_view kEstimateNouns[] = {
    "toll", "number", "figure", "count", "total", "crowd", "casualties",
    "losses", "cost", "costs", "damage", "turnout", "size", "tally",
    "dead", "damages", "bill", "value", "estimate"};

// Words a subject noun phrase cannot contain: finite verbs, auxiliaries,
// negation, wh-words. Meeting one means the cue is not read.
constexpr absl::string_view kNpBreakers[] = {
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have",
    "had", "do", "does", "did", "will", "would", "can", "could", "should",
    "may", "might", "must", "shall", "not", "never", "what", "how", "why",
    "whether", "there", "here", "said", "says", "told", "than",
    "it's", "he's", "she's", "they're", "also", "only", "just", "even",
    "you", "whatever", "whoever", "cannot"};

// Relative pronouns: a cue right after one is in a relative clause.
constexpr absl::string_view kRelatives[] = {"who", "which", "whom", "whose",
                                            "where"};

// Words that open a clause: the subject may start right after one.
constexpr absl::string_view kClauseOpeners[] = {
    "and", "but", "or", "yet", "so", "as", "because", "while", "when",
    "although", "though", "since", "after", "before", "if", "until",
    "unless", "whereas", "once", "nor"};

// Auxiliaries and adverbs between a subject and its cue.
constexpr absl::string_view kCueAdverbs[] = {
    "has", "have", "had", "also", "later", "previously", "again", "then",
    "once", "earlier", "further", "would", "will", "had", "reportedly",
    "first", "already", "still", "now", "recently", "often", "always",
    "repeatedly", "publicly", "privately", "initially", "separately",
    "subsequently", "since", "long", "yesterday", "today", "tonight"};

constexpr absl::string_view kNegations[] = {"not", "never", "n't", "no"};

constexpr absl::string_view kBeForms[] = {"is", "are", "was", "were", "be",
                                          "been", "being", "am", "get", "got",
                                          "gets", "getting"};

constexpr absl::string_view kPrepositions[] = {
    "of", "for", "at", "in", "on", "from", "with", "to", "by", "about",
    "over", "under", "near", "into", "across", "within", "without", "among",
    "between", "inside", "outside", "along", "around", "against", "during",
    "via", "after", "before", "through", "like", "per"};

constexpr absl::string_view kDeterminers[] = {
    "the", "a", "an", "this", "these", "those", "some", "many", "several",
    "most", "all", "both", "each", "every", "other", "another", "any",
    "such", "more", "few", "his", "her", "its", "their", "our", "my",
    "your", "no", "two", "three", "one"};

// Leading words of a noun phrase that are not part of it.
constexpr absl::string_view kLeadingAdverbs[] = {
    "yesterday", "today", "tonight", "now", "meanwhile", "separately",
    "later", "earlier", "also", "however", "then", "still", "instead",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "last", "next", "overnight"};

// Words an adjunct after the cue may consist of ("said on Monday",
// "told reporters in a statement late Friday"), besides prepositions,
// determiners, capitalized words and numbers.
constexpr absl::string_view kAdjunctWords[] = {
    "statement", "statements", "interview", "interviews", "conference",
    "news", "press", "briefing", "post", "posted", "tweet", "speech",
    "address", "remarks", "broadcast", "television", "televised", "radio",
    "message", "video", "videotaped", "email", "e-mail", "letter", "meeting",
    "session", "call", "phone", "telephone", "text", "written", "social",
    "media", "local", "time", "morning", "afternoon", "evening", "night",
    "week", "month", "year", "weekend", "day", "days", "hours", "late",
    "early", "last", "this", "yesterday", "today", "tonight", "earlier",
    "later", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "ago", "separate", "recent", "brief", "joint",
    "online", "official", "website", "visit", "rally", "hearing", "told",
    "reporters", "journalists", "appearance", "told", "also", "again",
    "then", "previously", "recently", "publicly", "privately",
    "exclusive", "emailed"};

// Words that, after a comma, open a clause that trails an attribution:
// "C, officials said on Friday, as they ...", "C, he said, adding ...".
constexpr absl::string_view kTrailingOpeners[] = {
    "adding", "saying", "as", "while", "when", "after", "before", "because",
    "citing", "noting", "referring", "although", "though", "but", "and",
    "speaking", "according"};

// Listener objects of "told": "told reporters", "told the BBC".
constexpr absl::string_view kListeners[] = {
    "reporters", "journalists", "lawmakers", "supporters", "parliament",
    "investigators", "police", "officials", "him", "her", "them", "me",
    "us", "the", "a", "an", "his", "their", "its", "congress", "voters",
    "crowds", "audiences", "senators", "legislators", "delegates",
    "residents", "students", "members", "colleagues", "staff", "employees",
    "workers", "shareholders", "investors", "analysts", "viewers",
    "listeners", "readers", "prosecutors", "jurors", "judges", "a"};

// Heads that make a source anonymous (an unnamed role).
constexpr absl::string_view kAnonymousHeads[] = {
    "official", "source", "aide", "diplomat", "witness", "resident",
    "person", "people", "insider", "officials", "sources", "aides",
    "diplomats", "witnesses", "residents", "insiders", "someone",
    "spokesman", "spokeswoman", "spokesperson"};

constexpr absl::string_view kAnonymityPhrases[] = {
    "anonymity", "anonymous", "unnamed", "not authorized", "not authorised",
    "not be named", "not to be named", "not being named", "not be identified",
    "not to be identified", "familiar with", "withheld", "unidentified"};

// Heads that name an organization or group, not a person.
constexpr absl::string_view kOrgHeads[] = {
    "ministry", "military", "army", "government", "police", "office",
    "department", "agency", "party", "group", "company", "council",
    "committee", "commission", "court", "union", "campaign",
    "administration", "forces", "force", "embassy", "bank", "university",
    "hospital", "authority", "authorities", "service", "services",
    "organization", "organisation", "institute", "association",
    "corporation", "foundation", "center", "centre", "board", "bureau",
    "command", "network", "parliament", "congress", "senate", "cabinet",
    "federation", "coalition", "alliance", "front", "movement", "brigade",
    "militia", "statement", "report", "study", "survey", "poll", "team",
    "house", "kremlin", "pentagon", "secretariat", "agencies", "media",
    "newspaper", "channel", "station", "firm", "inc", "corp", "ltd", "co",
    "airline", "club", "league", "church", "mission", "regime", "junta",
    "troops", "navy", "guard", "guards", "commission", "wing",
    "government", "municipality", "state", "states", "province"};

// Nouns "the <noun>" may refer back with: "the ministry", "the military".
// These and kOrgHeads are resolved to the nearest earlier source with the
// same normalized head.

template <size_t N>
bool In(const absl::string_view (&table)[N], absl::string_view w) {
  for (absl::string_view t : table) {
    if (t == w) return true;
  }
  return false;
}

const absl::flat_hash_map<absl::string_view, CueWord>& CueTable() {
  static const auto* table = [] {
    auto* t = new absl::flat_hash_map<absl::string_view, CueWord>;
    for (const CueRow& row : kCueWords) (*t)[row.word] = row.cue;
    return t;
  }();
  return *table;
}

// ---------------------------------------------------------------------------
// Tokens.

enum class Kind : uint8_t { kWord, kPunct, kQuote };

struct Tok {
  uint32_t begin = 0;
  uint32_t end = 0;
  Kind kind = Kind::kWord;
  bool open = false;  // kQuote: opens a quotation
  bool cap = false;   // kWord: starts with an ASCII capital
  uint32_t sentence = 0;
  int32_t quote = -1;  // the quotation whose interior holds this token
  int32_t mark = -1;   // kQuote: the quotation this mark opens or closes
};

struct Quote {
  uint32_t open_tok = 0;
  uint32_t close_tok = 0;  // the closing mark, or the last token held
  uint32_t begin = 0;      // bytes, marks included
  uint32_t end = 0;
};

// An attribution before normalization, in token and byte terms.
struct Found {
  uint32_t cue_b = 0, cue_e = 0;
  uint32_t src_b = 0, src_e = 0;  // equal when there is no source
  uint32_t con_b = 0, con_e = 0;  // equal when there is no content
  Stance stance = kAsserts;
  uint32_t sentence = 0;
  bool reportedly = false;
  // The content is a quotation that ends before the cue (for extension).
  int32_t content_quote = -1;
};

enum class Boundary { kStart, kComma, kClause, kQuoteClose };

struct Np {
  size_t b = 0, e = 0;  // tokens
  Boundary boundary = Boundary::kStart;
  // First token of the auxiliaries and adverbs between a subject and its
  // cue ("has long said"), which belong to the cue; SIZE_MAX when none.
  size_t lead = SIZE_MAX;
};

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

bool IsAsciiWordChar(char c) { return absl::ascii_isalnum(c); }

// Reads one document.
class Reader {
 public:
  Reader(absl::string_view text, const std::vector<SentenceRange>& sentences)
      : text_(text), sentences_(sentences) {
    lower_.assign(text.data(), text.size());
    for (char& c : lower_) c = absl::ascii_tolower(c);
  }

  std::vector<Found> Run() {
    Tokenize();
    PairQuotes();
    for (uint32_t s = 0; s < sentences_.size(); ++s) ReadSentence(s);
    ExtendQuotes();
    return std::move(found_);
  }

 private:
  // --- tokens -------------------------------------------------------------
  absl::string_view Lw(size_t t) const {
    return absl::string_view(lower_).substr(toks_[t].begin,
                                            toks_[t].end - toks_[t].begin);
  }
  bool IsWord(size_t t) const { return toks_[t].kind == Kind::kWord; }
  bool IsPunct(size_t t, char c) const {
    return toks_[t].kind == Kind::kPunct && toks_[t].end == toks_[t].begin + 1 &&
           text_[toks_[t].begin] == c;
  }
  bool IsDash(size_t t) const {
    if (toks_[t].kind != Kind::kPunct) return false;
    absl::string_view s = text_.substr(toks_[t].begin, toks_[t].end - toks_[t].begin);
    return s == "-" || s == "\xE2\x80\x94" || s == "\xE2\x80\x93" || s == "--";
  }
  bool IsOpenQ(size_t t) const {
    return toks_[t].kind == Kind::kQuote && toks_[t].open && toks_[t].mark >= 0;
  }
  bool IsCloseQ(size_t t) const {
    return toks_[t].kind == Kind::kQuote && !toks_[t].open && toks_[t].mark >= 0;
  }
  bool WordIn(size_t t, absl::string_view w) const {
    return IsWord(t) && Lw(t) == w;
  }
  template <size_t N>
  bool WordIn(size_t t, const absl::string_view (&table)[N]) const {
    return IsWord(t) && In(table, Lw(t));
  }
  bool Negation(size_t t) const {
    if (!IsWord(t)) return false;
    absl::string_view w = Lw(t);
    return In(kNegations, w) || absl::EndsWith(w, "n't") ||
           absl::EndsWith(w, "n\xE2\x80\x99t") || w == "cannot";
  }

  // True for a number or date token: digits with , . - / only.
  static bool IsFigure(absl::string_view w) {
    if (w.empty() || !absl::ascii_isdigit(w[0])) return false;
    for (char c : w) {
      if (!absl::ascii_isdigit(c) && c != ',' && c != '.' && c != '-' &&
          c != '/') {
        return false;
      }
    }
    return true;
  }

  // Byte begin of the content that ends with quotation `qi` in the
  // sentence starting at token sb: the quotation's opening mark when it
  // opens the sentence or an earlier one, else the sentence start ("without
  // a 'workable solution,' the minister said": the clause is the content).
  uint32_t QuoteContentBegin(int32_t qi, size_t sb) const {
    const Quote& q = quotes_[qi];
    if (q.open_tok <= sb) return q.begin;
    return toks_[sb].begin;
  }

  // Byte length of a UTF-8 sequence starting with `c`.
  static size_t SeqLen(unsigned char c) {
    if (c < 0x80) return 1;
    if ((c >> 5) == 6) return 2;
    if ((c >> 4) == 14) return 3;
    if ((c >> 3) == 30) return 4;
    return 1;
  }

  // True when the character at `i` belongs in a word (letters, digits,
  // non-ASCII except U+2000..U+203F punctuation and no-break space).
  bool WordCharAt(size_t i) const {
    const unsigned char c = text_[i];
    if (c < 0x80) return IsAsciiWordChar(c);
    if (c == 0xE2 && i + 1 < text_.size() &&
        static_cast<unsigned char>(text_[i + 1]) == 0x80) {
      return false;
    }
    if (c == 0xC2 && i + 1 < text_.size() &&
        (static_cast<unsigned char>(text_[i + 1]) == 0xA0 ||
         static_cast<unsigned char>(text_[i + 1]) == 0xAB ||
         static_cast<unsigned char>(text_[i + 1]) == 0xBB)) {
      return false;
    }
    return c >= 0xC0;
  }

  void Tokenize() {
    toks_.reserve(text_.size() / 5 + 16);
    sent_first_.resize(sentences_.size() + 1);
    for (uint32_t s = 0; s < sentences_.size(); ++s) {
      sent_first_[s] = toks_.size();
      const size_t end = std::min<size_t>(sentences_[s].end, text_.size());
      size_t i = sentences_[s].begin;
      while (i < end) {
        const char c = text_[i];
        if (IsSpace(c)) {
          ++i;
          continue;
        }
        Tok t;
        t.begin = i;
        t.sentence = s;
        const absl::string_view rest = text_.substr(i, end - i);
        if (c == '"') {
          t.kind = Kind::kQuote;
          t.end = i + 1;
        } else if (absl::StartsWith(rest, "''") || absl::StartsWith(rest, "``")) {
          t.kind = Kind::kQuote;
          t.end = i + 2;
        } else if (absl::StartsWith(rest, "\xE2\x80\x9C") ||
                   absl::StartsWith(rest, "\xE2\x80\x9D")) {
          t.kind = Kind::kQuote;
          t.end = i + 3;
        } else if (WordCharAt(i)) {
          t.kind = Kind::kWord;
          t.cap = absl::ascii_isupper(c);
          size_t j = i;
          bool inner_dot = false;
          while (j < end) {
            if (WordCharAt(j)) {
              j += SeqLen(text_[j]);
              continue;
            }
            const char d = text_[j];
            // Apostrophes, hyphens, dots and ampersands between word
            // characters: "Clinton's", "co-founder", "U.S", "4.2", "AT&T".
            size_t skip = 0;
            if (d == '\'' || d == '-' || d == '.' || d == '&' || d == '/') {
              skip = 1;
            } else if (absl::StartsWith(text_.substr(j), "\xE2\x80\x99")) {
              skip = 3;
            }
            if (skip > 0 && j + skip < end && WordCharAt(j + skip)) {
              if (d == '.') inner_dot = true;
              j += skip;
              continue;
            }
            // A final dot of an abbreviation or initial, not the sentence's.
            if (d == '.' && j + 1 < end) {
              const size_t len = j - i;
              if (inner_dot || (t.cap && len <= 4)) ++j;
            }
            break;
          }
          t.end = j;
        } else {
          t.kind = Kind::kPunct;
          t.end = i + std::max<size_t>(1, SeqLen(c));
          if (t.end > end) t.end = end;
          if (c == '-' && i + 1 < end && text_[i + 1] == '-') t.end = i + 2;
        }
        toks_.push_back(t);
        i = t.end;
      }
    }
    sent_first_[sentences_.size()] = toks_.size();
  }

  // Token range of sentence s.
  size_t Sb(size_t s) const { return sent_first_[s]; }
  size_t Se(size_t s) const { return sent_first_[s + 1]; }

  void PairQuotes() {
    const bool blank_lines = text_.find("\n\n") != absl::string_view::npos;
    int32_t open = -1;
    size_t last = 0;  // last token of the current paragraph
    auto close_at = [&](size_t close_tok, bool with_mark) {
      Quote q;
      q.open_tok = open;
      q.close_tok = close_tok;
      q.begin = toks_[open].begin;
      q.end = toks_[close_tok].end;
      const int32_t id = quotes_.size();
      quotes_.push_back(q);
      toks_[open].mark = id;
      if (with_mark) toks_[close_tok].mark = id;
      const size_t inner_end = with_mark ? close_tok : close_tok + 1;
      for (size_t k = open + 1; k < inner_end; ++k) toks_[k].quote = id;
      open = -1;
    };
    for (size_t s = 0; s < sentences_.size(); ++s) {
      if (s > 0 && open >= 0) {
        // A paragraph break between sentences closes an open quotation.
        const absl::string_view gap = text_.substr(
            sentences_[s - 1].end, sentences_[s].begin - sentences_[s - 1].end);
        const size_t breaks = std::count(gap.begin(), gap.end(), '\n');
        if (breaks >= 2 || (breaks == 1 && !blank_lines)) close_at(last, false);
      }
      for (size_t t = Sb(s); t < Se(s); ++t) {
        last = t;
        if (toks_[t].kind != Kind::kQuote) continue;
        const unsigned char prev =
            toks_[t].begin > 0 ? text_[toks_[t].begin - 1] : ' ';
        const unsigned char next =
            toks_[t].end < text_.size() ? text_[toks_[t].end] : ' ';
        const bool space_before = IsSpace(prev) || prev == '(' || prev == '[' ||
                                  prev == '-' || prev == 0x94 || prev == 0x93;
        const bool space_after = IsSpace(next);
        bool is_open;
        if (space_before && !space_after) {
          is_open = true;
        } else if (!space_before) {
          is_open = false;
        } else {
          // Spaces on both sides: trust a curly mark, else alternate.
          const absl::string_view m =
              text_.substr(toks_[t].begin, toks_[t].end - toks_[t].begin);
          if (m == "\xE2\x80\x9C" || m == "``") {
            is_open = true;
          } else if (m == "\xE2\x80\x9D") {
            is_open = false;
          } else {
            is_open = open < 0;
          }
        }
        toks_[t].open = is_open;
        if (is_open) {
          if (open >= 0) close_at(t - 1, false);
          open = t;
        } else if (open >= 0) {
          close_at(t, true);
        }
      }
    }
    if (open >= 0 && !toks_.empty()) close_at(last, false);
  }

  // --- helpers over a sentence ---------------------------------------------

  // One past the last token of the sentence's content: trailing '.', '!',
  // '?', ';' and ':' outside a quotation are left out.
  size_t ContentEnd(size_t sb, size_t se) const {
    size_t e = se;
    while (e > sb && toks_[e - 1].kind == Kind::kPunct &&
           (IsPunct(e - 1, '.') || IsPunct(e - 1, '!') || IsPunct(e - 1, '?') ||
            IsPunct(e - 1, ';') || IsPunct(e - 1, ':') || IsPunct(e - 1, ','))) {
      --e;
    }
    return e;
  }

  // The end of a clause that starts at r: the sentence's content end, or a
  // comma before "adding", "saying", "according to", "citing".
  size_t ClauseEnd(size_t r, size_t sb, size_t se) const {
    const size_t e = ContentEnd(sb, se);
    for (size_t k = r; k + 1 < e; ++k) {
      if (toks_[k].quote >= 0 || !IsPunct(k, ',')) continue;
      if (WordIn(k + 1, "adding") || WordIn(k + 1, "saying") ||
          WordIn(k + 1, "according") || WordIn(k + 1, "citing")) {
        return k;
      }
    }
    return e;
  }

  // True when tokens [r, e) are an adjunct of time, place or medium.
  bool IsAdjunct(size_t r, size_t e) const {
    if (r >= e) return true;
    if (e - r > 10) return false;
    if (!IsWord(r)) return false;
    const absl::string_view first = Lw(r);
    if (!In(kPrepositions, first) && !In(kAdjunctWords, first)) return false;
    for (size_t k = r; k < e; ++k) {
      if (!IsWord(k)) {
        if (IsPunct(k, ',') || IsPunct(k, '.')) continue;
        return false;
      }
      const absl::string_view w = Lw(k);
      if (toks_[k].cap || absl::ascii_isdigit(w[0]) || In(kPrepositions, w) ||
          In(kDeterminers, w) || In(kAdjunctWords, w)) {
        continue;
      }
      return false;
    }
    return true;
  }

  // "Jane Doe, a spokeswoman for the ministry, said", "Jane Doe, 52,
  // said", "Jane Doe, speaking in Ohio, said": a capitalized name at the
  // start of the clause, a comma, anything without quotations or cues, and
  // a comma right before the cue at `cb`. The source runs from the name to
  // that last comma.
  bool Appositive(size_t cb, size_t sb, Np* np) const {
    if (cb < sb + 4 || !IsPunct(cb - 1, ',')) return false;
    // The clause start: the sentence start or a closing quotation mark.
    size_t c = cb - 1;
    while (c > sb && !IsCloseQ(c - 1) && !IsPunct(c - 1, ';')) {
      if (toks_[c - 1].kind == Kind::kQuote) return false;
      if (IsWord(c - 1) && CueTable().contains(Lw(c - 1))) return false;
      if (cb - c > 45) return false;
      --c;
    }
    size_t p = c;
    while (p < cb - 1 && !IsPunct(p, ',')) ++p;
    if (p >= cb - 2) return false;
    Np name;
    if (!Subject(p, c, /*allow_negation=*/false, &name)) return false;
    if (!toks_[name.b].cap || name.e - name.b > 6) return false;
    if (name.boundary == Boundary::kComma) return false;
    np->b = name.b;
    np->e = cb - 1;
    np->boundary = name.boundary;
    np->lead = SIZE_MAX;
    return true;
  }

  // True when tokens [b, e) are a short prepositional phrase that opens a
  // sentence ("For the farmers", "In the north"): no verbs, no cues.
  bool IsLeadIn(size_t b, size_t e) const {
    if (b >= e || e - b > 8 || !IsWord(b) || !In(kPrepositions, Lw(b))) {
      return false;
    }
    for (size_t k = b; k < e; ++k) {
      if (!IsWord(k)) return false;
      if (In(kNpBreakers, Lw(k)) || CueTable().contains(Lw(k))) return false;
    }
    return true;
  }

  // The subject noun phrase that ends right before token `cb` (after any
  // auxiliaries and adverbs), within sentence tokens [sb, cb). Fails in
  // relative clauses, passives and negations (unless `allow_negation`).
  bool Subject(size_t cb, size_t sb, bool allow_negation, Np* np) const {
    size_t i = cb;
    while (i > sb && IsWord(i - 1) &&
           (In(kCueAdverbs, Lw(i - 1)) || Negation(i - 1) ||
            (In(kBeForms, Lw(i - 1))) ||
            (absl::EndsWith(Lw(i - 1), "ly") && !toks_[i - 1].cap &&
             Lw(i - 1).size() > 4))) {
      if (In(kBeForms, Lw(i - 1))) return false;  // passive
      if (Negation(i - 1) && !allow_negation) return false;
      --i;
    }
    const size_t e = i;
    if (i < cb) np->lead = i;
    size_t b = e;
    // "a security official who spoke on condition of anonymity said": a
    // relative clause that says why the source is not named belongs to it.
    for (size_t k = e; k > sb && e - k < 16;) {
      --k;
      if (toks_[k].kind != Kind::kWord) {
        if (IsPunct(k, ',')) continue;
        break;
      }
      if (Lw(k) != "who" && Lw(k) != "that") continue;
      bool anonymity = false;
      for (size_t j = k + 1; j < e; ++j) {
        if (!IsWord(j)) continue;
        const absl::string_view w = Lw(j);
        anonymity |= w == "anonymity" || w == "authorized" ||
                     w == "authorised" || w == "named" || w == "identified";
      }
      if (anonymity) b = k;
      break;
    }
    Boundary boundary = Boundary::kStart;
    while (b > sb) {
      const size_t k = b - 1;
      const Tok& t = toks_[k];
      if (t.kind == Kind::kQuote) {
        if (!t.open) {
          boundary = Boundary::kQuoteClose;
        } else {
          boundary = Boundary::kClause;
        }
        break;
      }
      if (t.kind == Kind::kPunct) {
        if (IsPunct(k, ',')) {
          boundary = Boundary::kComma;
          break;
        }
        if (IsPunct(k, ';') || IsPunct(k, ':') || IsDash(k)) {
          boundary = Boundary::kClause;
          break;
        }
        if (IsPunct(k, '(') || IsPunct(k, ')') || IsPunct(k, '\'') ||
            IsPunct(k, '.') || IsPunct(k, '&')) {
          --b;
          continue;
        }
        return false;
      }
      const absl::string_view w = Lw(k);
      if (IsFigure(w)) {  // a date or number ahead of the subject
        boundary = Boundary::kClause;
        break;
      }
      if (In(kRelatives, w)) return false;
      if (w == "that") {
        // "said that officials said": a complement; else a relative clause.
        if (k > sb && IsWord(k - 1) && CueTable().contains(Lw(k - 1))) {
          boundary = Boundary::kClause;
          break;
        }
        return false;
      }
      if (In(kClauseOpeners, w)) {
        boundary = Boundary::kClause;
        break;
      }
      if (In(kNpBreakers, w) || Negation(k)) return false;
      if (e - k > 16) return false;
      --b;
    }
    // Leading adverbs and a leading prepositional phrase are not part of it.
    while (b < e && IsWord(b) && In(kLeadingAdverbs, Lw(b))) ++b;
    if (b < e && IsWord(b) && In(kPrepositions, Lw(b))) {
      size_t k = b + 1;
      while (k < e && !(IsWord(k) && In(kDeterminers, Lw(k)) &&
                        !In(kPrepositions, Lw(k - 1)))) {
        ++k;
      }
      if (k >= e) return false;
      b = k;
    }
    if (b >= e) return false;
    // The head: a word that is not a function word or an object pronoun.
    size_t h = e - 1;
    for (size_t k = b; k < e; ++k) {
      if (IsWord(k) && (Lw(k) == "who" || Lw(k) == "that") && k > b) {
        h = k - 1;
        while (h > b && !IsWord(h)) --h;
        break;
      }
    }
    while (h > b && toks_[h].kind == Kind::kPunct && IsPunct(h, ')')) {
      // "Jane Doe (R-Ohio)": the head is before the parenthesis.
      size_t o = h;
      while (o > b && !IsPunct(o, '(')) --o;
      if (o == b) return false;
      h = o - 1;
    }
    if (!IsWord(h)) return false;
    const absl::string_view head = Lw(h);
    if (In(kPrepositions, head) || In(kDeterminers, head) ||
        head == "him" || head == "them" || head == "me" || head == "us" ||
        head == "all" || head == "you" || head == "this" || head == "that") {
      return false;
    }
    if (IsWord(b) && (Lw(b) == "no" || Lw(b) == "none")) return false;
    // A pronoun is a subject only alone: "a provision they say could" is an
    // object relative clause.
    if (h > b && (head == "he" || head == "she" || head == "they" ||
                  head == "it" || head == "we" || head == "i")) {
      return false;
    }
    // A lone lower-case word that is neither a pronoun nor a plural noun
    // ("quickly said") is no subject.
    np->b = b;
    np->e = e;
    np->boundary = boundary;
    return true;
  }

  // A noun phrase that starts at token r (after a cue: "said Jane Doe" or
  // after "according to"), up to a comma, quotation or the end `e`.
  bool ObjectNp(size_t r, size_t e, Np* np) const {
    size_t k = r;
    while (k < e) {
      if (toks_[k].kind == Kind::kQuote) break;
      if (toks_[k].kind == Kind::kPunct) {
        if (IsPunct(k, '(') || IsPunct(k, ')') || IsPunct(k, '\'') ||
            IsPunct(k, '&')) {
          ++k;
          continue;
        }
        break;
      }
      const absl::string_view w = Lw(k);
      if (In(kRelatives, w) || w == "that" || In(kNpBreakers, w) ||
          In(kClauseOpeners, w) || CueTable().contains(w)) {
        break;
      }
      if (k - r > 16) return false;
      ++k;
    }
    if (k == r) return false;
    if (!IsWord(r)) return false;
    const absl::string_view first = Lw(r);
    if (In(kPrepositions, first) || first == "it" || first == "this" ||
        first == "that" || first == "there") {
      return false;
    }
    size_t last = k - 1;
    if (IsWord(last) && In(kPrepositions, Lw(last))) return false;
    np->b = r;
    np->e = k;
    return true;
  }

  // The quotation that ends at token k (a closing mark, or a comma right
  // after one), or -1.
  int32_t QuoteEndingAt(size_t k, size_t sb) const {
    if (IsCloseQ(k)) return toks_[k].mark;
    if (IsPunct(k, ',') && k > sb && IsCloseQ(k - 1)) return toks_[k - 1].mark;
    return -1;
  }

  // Extends content [b, e) (tokens) to the end of any quotation that opens
  // inside it and closes after it; returns the byte end.
  uint32_t ContentByteEnd(size_t b, size_t e) const {
    uint32_t end = toks_[e - 1].end;
    for (size_t k = b; k < e; ++k) {
      if (IsOpenQ(k)) {
        const Quote& q = quotes_[toks_[k].mark];
        if (q.close_tok >= e) end = std::max(end, q.end);
      }
    }
    return end;
  }

  void Emit(size_t cb, size_t ce, const Np* src, uint32_t con_b,
            uint32_t con_e, Stance stance, uint32_t s, int32_t cq = -1) {
    Found f;
    f.cue_b = toks_[cb].begin;
    f.cue_e = toks_[ce - 1].end;
    // "has said", "also told": auxiliaries and adverbs join the cue.
    if (src != nullptr && src->lead < cb && src->lead >= src->e) {
      f.cue_b = toks_[src->lead].begin;
    }
    // "said:": a colon right after the cue joins it.
    if (ce < toks_.size() && IsPunct(ce, ':') && toks_[ce].begin == f.cue_e) {
      f.cue_e = toks_[ce].end;
    }
    if (src != nullptr) {
      f.src_b = toks_[src->b].begin;
      f.src_e = toks_[src->e - 1].end;
    }
    f.con_b = con_b;
    f.con_e = con_e;
    f.stance = stance;
    f.sentence = s;
    f.content_quote = cq;
    found_.push_back(f);
  }

  // --- the sentence reader -------------------------------------------------

  void ReadSentence(uint32_t s) {
    const size_t sb = Sb(s), se = Se(s);
    for (size_t t = sb; t < se; ++t) {
      if (!IsWord(t) || toks_[t].quote >= 0) continue;
      const absl::string_view w = Lw(t);
      size_t next = t;
      if (w == "according") {
        next = ReadAccordingTo(t, sb, se);
      } else if (w == "reportedly") {
        next = ReadReportedly(t, sb, se);
      } else if (w == "neither" || w == "declined" || w == "refused" ||
                 w == "declines" || w == "refuses" || Negation(t) ||
                 w == "did" || w == "would" || w == "could") {
        next = ReadNonConfirmation(t, sb, se);
      } else if ((w == "claimed" || w == "claims" || w == "claim" ||
                  w == "claiming") &&
                 t + 1 < se &&
                 (WordIn(t + 1, "responsibility") || WordIn(t + 1, "credit"))) {
        next = ReadResponsibility(t, sb, se);
      } else {
        auto it = CueTable().find(w);
        if (it == CueTable().end()) continue;
        // A capitalized cue only closes a headline: "..., Jane Doe Says."
        if (toks_[t].cap && ContentEnd(sb, se) != t + 1) continue;
        next = ReadCue(t, it->second, sb, se);
      }
      if (next > t) t = next - 1;
    }
  }

  // "according to X, C." / "C, according to X."
  size_t ReadAccordingTo(size_t t, size_t sb, size_t se) {
    if (t + 1 >= se || !WordIn(t + 1, "to")) return t + 1;
    Np src;
    if (!ObjectNp(t + 2, se, &src)) return t + 1;
    const size_t ce = t + 2;
    // Content before ("C, according to X") or after ("According to X, C").
    size_t lead = sb;
    while (lead < t && IsWord(lead) && In(kClauseOpeners, Lw(lead))) ++lead;
    if (lead < t) {
      size_t e = t;
      while (e > sb && (IsPunct(e - 1, ',') || IsDash(e - 1))) --e;
      if (e <= sb) return t + 1;
      const int32_t q = IsCloseQ(e - 1) ? toks_[e - 1].mark : -1;
      const uint32_t b = q >= 0 ? std::min(quotes_[q].begin, toks_[sb].begin)
                                : toks_[sb].begin;
      Emit(t, ce, &src, b, toks_[e - 1].end, kAsserts, toks_[t].sentence);
      return src.e;
    }
    if (src.e < se && IsPunct(src.e, ',')) {
      const size_t r = src.e + 1;
      const size_t e = ClauseEnd(r, sb, se);
      if (r >= e) return t + 1;
      Emit(t, ce, &src, toks_[r].begin, ContentByteEnd(r, e), kAsserts,
           toks_[t].sentence);
      return src.e;
    }
    return t + 1;
  }

  // "X reportedly did Y": who reported is not said.
  size_t ReadReportedly(size_t t, size_t sb, size_t se) {
    const size_t e = ContentEnd(sb, se);
    if (e <= sb) return t + 1;
    Found f;
    f.cue_b = toks_[t].begin;
    f.cue_e = toks_[t].end;
    f.con_b = toks_[sb].begin;
    f.con_e = ContentByteEnd(sb, e);
    f.stance = kAsserts;
    f.sentence = toks_[t].sentence;
    f.reportedly = true;
    found_.push_back(f);
    return t + 1;
  }

  // "neither confirmed nor denied", "declined to comment", "did not
  // confirm", "would not comment".
  size_t ReadNonConfirmation(size_t t, size_t sb, size_t se) {
    size_t k = t;
    const absl::string_view w = Lw(t);
    auto is = [&](size_t i, std::initializer_list<absl::string_view> ws) {
      if (i >= se || !IsWord(i)) return false;
      for (absl::string_view x : ws) {
        if (Lw(i) == x) return true;
      }
      return false;
    };
    size_t ce = 0;
    if (w == "neither") {
      if (is(k + 1, {"confirmed", "confirm", "confirms"}) && is(k + 2, {"nor"}) &&
          is(k + 3, {"denied", "deny", "denies"})) {
        ce = k + 4;
      }
    } else if (w == "declined" || w == "refused" || w == "declines" ||
               w == "refuses") {
      if (is(k + 1, {"to"}) &&
          is(k + 2, {"comment", "confirm", "say", "discuss", "elaborate",
                     "specify"})) {
        ce = k + 3;
      }
    } else {
      // did/would/could [not] / didn't ... [immediately|independently]
      // confirm|comment.
      size_t i = k;
      if (is(i, {"did", "would", "could", "does", "has", "have", "had"}) &&
          is(i + 1, {"not"})) {
        i += 2;
      } else if (Negation(i) && Lw(i).size() > 3) {  // "didn't", "wouldn't"
        i += 1;
      } else {
        return t + 1;
      }
      if (is(i, {"immediately", "independently", "publicly", "officially"})) ++i;
      if (is(i, {"confirm", "comment"})) ce = i + 1;
    }
    if (ce == 0) return t + 1;
    Np src;
    if (!Subject(t, sb, /*allow_negation=*/false, &src)) return ce;
    size_t r = ce;
    if (r < se && IsWord(r) && (Lw(r) == "on" || Lw(r) == "about")) ++r;
    const size_t e = ClauseEnd(r, sb, se);
    uint32_t cb = 0, cend = 0;
    if (r < e) {
      cb = toks_[r].begin;
      cend = ContentByteEnd(r, e);
    }
    Emit(t, ce, &src, cb, cend, Attribution::DOES_NOT_CONFIRM,
         toks_[t].sentence);
    return ce;
  }

  // "X claimed responsibility (for Y)".
  size_t ReadResponsibility(size_t t, size_t sb, size_t se) {
    Np src;
    const size_t ce = t + 2;
    if (!Subject(t, sb, /*allow_negation=*/false, &src)) return ce;
    size_t r = ce;
    const size_t e = ClauseEnd(r, sb, se);
    uint32_t cb = 0, cend = 0;
    if (r < e && WordIn(r, "for")) {
      cb = toks_[r].begin;
      cend = ContentByteEnd(r, e);
    }
    Emit(t, ce, &src, cb, cend, Attribution::CLAIMS_RESPONSIBILITY,
         toks_[t].sentence);
    return ce;
  }

  // A reporting word from kCueWords at token t.
  size_t ReadCue(size_t t, const CueWord& cue, size_t sb, size_t se) {
    const uint32_t s = toks_[t].sentence;
    size_t ce = t + 1;
    // "an estimated 300", "the said property": adjectives.
    if (t > sb && IsWord(t - 1) &&
        (Lw(t - 1) == "an" || Lw(t - 1) == "the" || Lw(t - 1) == "a")) {
      return t + 1;
    }
    // "claimed the lives of": not speech.
    if ((Lw(t) == "claimed" || Lw(t) == "claims") && t + 1 < se &&
        (WordIn(t + 1, "the") || WordIn(t + 1, "lives") ||
         WordIn(t + 1, "victims"))) {
      if (t + 2 >= se || !WordIn(t + 1, "the") || WordIn(t + 2, "lives")) {
        return t + 1;
      }
    }
    if (cue.special == Special::kPut) return ReadPut(t, sb, se);
    if (cue.special == Special::kEstimate && t + 1 < se && IsWord(t + 1) &&
        (Lw(t + 1) == "put" || Lw(t + 1) == "show" || Lw(t + 1) == "vary" ||
         Lw(t + 1) == "range" || Lw(t + 1) == "are" || Lw(t + 1) == "were" ||
         Lw(t + 1) == "suggest")) {
      return t + 1;  // "police estimates put ...": a noun
    }
    Np src;
    const bool has_subject = Subject(t, sb, /*allow_negation=*/false, &src) ||
                             Appositive(t, sb, &src);
    const size_t cend_sentence = ContentEnd(sb, se);
    if (has_subject) {
      // The subject must be a plausible speaker: a lone lower-case word must
      // be a pronoun or a plural noun ("officials", "police", "experts").
      if (src.e - src.b == 1 && !toks_[src.b].cap) {
        const absl::string_view w = Lw(src.b);
        const bool pronoun = w == "he" || w == "she" || w == "they" ||
                             w == "it" || w == "we" || w == "i";
        const bool plural = w.size() > 3 && w.back() == 's';
        if (!pronoun && !plural && w != "police" && w != "people") {
          return t + 1;
        }
      }
      size_t r = ce;
      // Quotation right after: "X said: 'C'", "X said, 'C'", "X said 'C'".
      size_t q = r;
      if (q < se && (IsPunct(q, ':') || IsPunct(q, ','))) ++q;
      if (q < toks_.size() && IsOpenQ(q) &&
          (q < se || (toks_[q].sentence == s + 1 && IsPunct(r, ':')))) {
        const Quote& qu = quotes_[toks_[q].mark];
        // Interrupted: "'C1,' he said, 'C2.'"
        if (src.boundary == Boundary::kQuoteClose && IsPunct(r, ',')) {
          const int32_t prev = toks_[src.b - 1].mark;
          Emit(t, ce, &src, quotes_[prev].begin, qu.end, cue.stance, s);
          return ce;
        }
        Emit(t, ce, &src, qu.begin, qu.end, cue.stance, s);
        return ce;
      }
      // "'C,' X said ...": the quotation is the content, whatever adjunct
      // follows ("said as she marched", "said on Fox News's 'Sunday'").
      if (src.boundary == Boundary::kQuoteClose ||
          (src.boundary == Boundary::kComma && src.b > sb &&
           QuoteEndingAt(src.b - 1, sb) >= 0)) {
        const int32_t qi = QuoteEndingAt(src.b - 1, sb);
        const size_t k = cue.listener ? SkipListener(r, se) : r;
        Emit(t, ce, &src, QuoteContentBegin(qi, sb), quotes_[qi].end,
             cue.stance, s, IsAdjunct(k, cend_sentence) ? qi : -1);
        return ce;
      }
      // Final or parenthetical: "C, X said." / "'C,' X said." / "C1, X
      // said, C2."
      const size_t after_listener = cue.listener ? SkipListener(r, se) : r;
      size_t adj_end = after_listener;
      while (adj_end < cend_sentence && !IsPunct(adj_end, ',')) ++adj_end;
      const bool ends_after =
          IsAdjunct(after_listener, adj_end) &&
          (adj_end >= cend_sentence ||
           (IsPunct(adj_end, ',') && adj_end + 1 < se &&
            WordIn(adj_end + 1, kTrailingOpeners)));
      if (ends_after && src.boundary != Boundary::kQuoteClose &&
          src.boundary != Boundary::kComma) {
        return ce;  // "He said on Monday.": nothing said here
      }
      if (ends_after) {
        const size_t before = src.b - 1;  // the comma or closing mark
        const int32_t qi = QuoteEndingAt(before, sb);
        if (qi >= 0) {
          Emit(t, ce, &src, QuoteContentBegin(qi, sb), quotes_[qi].end,
               cue.stance, s, qi);
          return ce;
        }
        if (src.boundary == Boundary::kComma && before > sb) {
          size_t e = before;
          while (e > sb && (IsPunct(e - 1, ',') || IsDash(e - 1))) --e;
          if (e > sb) {
            Emit(t, ce, &src, toks_[sb].begin, toks_[e - 1].end, cue.stance,
                 s);
          }
          return ce;
        }
        return ce;
      }
      if (src.boundary == Boundary::kComma && r < se && IsPunct(r, ',') &&
          src.b > sb + 1 && r + 1 < cend_sentence && cue.strong) {
        // Parenthetical "C1, X said, C2.": the content is the sentence, or
        // what follows when C1 is an adjunct ("For the rebels, analysts
        // say, the deal ...").
        const size_t from = IsLeadIn(sb, src.b - 1) ? r + 1 : sb;
        Emit(t, ce, &src, toks_[from].begin,
             ContentByteEnd(from, cend_sentence), cue.stance, s);
        return ce;
      }
      if (adj_end >= cend_sentence && r >= cend_sentence) return ce;
      return ReadIndirect(t, ce, cue, src, sb, se);
    }
    // Inverted: "C, said X." / "'C,' said X, a ..."
    if (!cue.invertible || t == sb) return t + 1;
    const size_t before = t - 1;
    const bool after_comma = IsPunct(before, ',') || IsCloseQ(before);
    if (!after_comma) return t + 1;
    if (!ObjectNp(ce, se, &src)) return t + 1;
    // A speaker, not an adjunct: capitalized, a determiner, or a plural.
    {
      const absl::string_view first = Lw(src.b);
      if (!toks_[src.b].cap && !In(kDeterminers, first) &&
          !(first.size() > 3 && first.back() == 's') && first != "police") {
        return t + 1;
      }
    }
    int32_t next_quote = -1;
    {
      const size_t k = src.e;
      if (k >= cend_sentence) {
        // The source ends the sentence.
      } else if (IsPunct(k, ',') && k + 1 < toks_.size() && IsOpenQ(k + 1)) {
        next_quote = toks_[k + 1].mark;  // "'C1,' said X, 'C2.'"
      } else if (IsPunct(k, ',') && k + 1 < cend_sentence) {
        // ", a spokesman for the ministry." - the appositive joins the
        // source, up to the sentence end or ", adding".
        size_t a = k + 1;
        // "said Jane Doe, speaking in Ohio": a participle is no appositive.
        if (IsWord(a) && absl::EndsWith(Lw(a), "ing")) a = k;
        for (; a < cend_sentence && a > k; ++a) {
          if (toks_[a].kind == Kind::kQuote) return t + 1;
          if (IsPunct(a, ',') && a + 1 < cend_sentence &&
              (WordIn(a + 1, "adding") || WordIn(a + 1, "saying"))) {
            break;
          }
        }
        src.e = a > k ? a : k;
      } else if (!IsAdjunct(k, cend_sentence)) {
        return t + 1;
      }
    }
    const int32_t qi = QuoteEndingAt(before, sb);
    if (qi >= 0) {
      const uint32_t end =
          next_quote >= 0 ? quotes_[next_quote].end : quotes_[qi].end;
      Emit(t, ce, &src, QuoteContentBegin(qi, sb), end, cue.stance, s,
           next_quote >= 0 ? -1 : qi);
      return src.e;
    }
    size_t e = before;
    while (e > sb && (IsPunct(e - 1, ',') || IsDash(e - 1))) --e;
    if (e <= sb) return t + 1;
    Emit(t, ce, &src, toks_[sb].begin, toks_[e - 1].end, cue.stance, s);
    return src.e;
  }

  // The listener object that starts at r ("Reuters", "reporters", "the
  // BBC", "a news conference") and an adjunct after it closed by a comma or
  // colon ("told reporters in Kabul on Monday:"); returns r when there is no
  // listener.
  size_t SkipListener(size_t r, size_t e) const {
    size_t k = r;
    if (k >= e || !IsWord(k)) return r;
    if (In(kDeterminers, Lw(k))) {
      ++k;
      if (k < e && IsWord(k) && toks_[k].cap) {
        while (k < e && IsWord(k) && toks_[k].cap) ++k;
      } else if (k < e && IsWord(k)) {
        ++k;
      }
    } else if (In(kListeners, Lw(k))) {
      ++k;
    } else {
      while (k < e && IsWord(k) && toks_[k].cap) ++k;
    }
    if (k == r) return r;
    size_t p = k;
    while (p < e && !IsPunct(p, ',') && !IsPunct(p, ':') &&
           toks_[p].kind != Kind::kQuote) {
      ++p;
    }
    if (p < e && p > k && IsAdjunct(k, p)) return p + 1;
    if (p == k && p < e && IsPunct(p, ':')) return p + 1;
    return k;
  }

  // "X said (on Monday) (that) C", "X told Reuters (that) C", "X denied C",
  // "X blamed C on Y", "X accused Y of C", "X estimated (that) C".
  size_t ReadIndirect(size_t t, size_t ce, const CueWord& cue, const Np& src,
                      size_t sb, size_t se) {
    const uint32_t s = toks_[t].sentence;
    size_t r = ce;
    const size_t e = ClauseEnd(r, sb, se);
    if (r >= e) return ce;
    // A listener object after "told": "told Reuters", "told reporters in
    // Kabul", "told the BBC on Monday".
    if (cue.listener) {
      // "told Reuters (on Monday) that C" / "told reporters C".
      size_t that = r;
      bool found_that = false;
      for (size_t j = r; j < e && j - r < 10; ++j) {
        if (WordIn(j, "that")) {
          found_that = j > r;
          that = j;
          break;
        }
        if (!IsWord(j)) break;
        const absl::string_view w = Lw(j);
        if (!(toks_[j].cap || In(kListeners, w) || In(kPrepositions, w) ||
              In(kDeterminers, w) || In(kAdjunctWords, w) ||
              absl::ascii_isdigit(w[0]))) {
          break;
        }
      }
      if (found_that) {
        r = that;
      } else {
        const size_t k = SkipListener(r, e);
        if (k == r) return ce;
        if (k < e && WordIn(k, "to")) return ce;  // "told him to leave"
        r = k;
        if (r < e && IsPunct(r, ',')) ++r;
        if (r >= e) return ce;
      }
    } else {
      // An adjunct before "that": "said on Monday that", "said in a
      // statement that".
      size_t that = r;
      while (that < e && that - r < 10 && !WordIn(that, "that") &&
             toks_[that].kind != Kind::kQuote) {
        ++that;
      }
      if (that < e && that > r && WordIn(that, "that") && IsAdjunct(r, that)) {
        r = that;
      }
    }
    if (r < e && IsPunct(r, ':')) ++r;
    if (r >= e || IsPunct(r, ',')) return ce;
    const bool marked = WordIn(r, "that") || IsOpenQ(r);
    bool ok = cue.strong || marked;
    switch (cue.special) {
      case Special::kDeny: {
        absl::string_view o = Lw(r);
        if (IsWord(r) && In(kDeniedThings, o)) {
          ok = o == "the" || o == "a" || o == "an";
          if (ok && r + 1 < e && IsWord(r + 1) &&
              In(kDeniedThings, Lw(r + 1))) {
            ok = false;
          }
        } else {
          ok = true;
        }
        if (!IsWord(r) && !IsOpenQ(r)) ok = false;
        break;
      }
      case Special::kReject: {
        ok = false;
        for (size_t k = r; k < e && k - r < 6; ++k) {
          if (IsWord(k) && In(kClaimNouns, Lw(k))) ok = true;
          if (IsPunct(k, ',')) break;
        }
        break;
      }
      case Special::kBlame:
      case Special::kAccuse: {
        ok = false;
        const absl::string_view link = cue.special == Special::kAccuse ? "of" : "";
        for (size_t k = r + 1; k < e && k - r < 12; ++k) {
          if (!IsWord(k)) {
            if (IsPunct(k, ',')) break;
            continue;
          }
          const absl::string_view w = Lw(k);
          if (cue.special == Special::kAccuse ? w == link
                                              : (w == "on" || w == "for")) {
            ok = true;
            break;
          }
        }
        break;
      }
      case Special::kEstimate: {
        if (!marked) {
          // "estimated the crowd at 5,000": an "at" with a figure.
          ok = false;
          for (size_t k = r; k + 1 < e && k - r < 8; ++k) {
            if (WordIn(k, "at") && IsWord(k + 1)) {
              ok = true;
              break;
            }
          }
        }
        break;
      }
      default:
        break;
    }
    if (!ok) return ce;
    Emit(t, ce, &src, toks_[r].begin, ContentByteEnd(r, e), cue.stance, s);
    return ce;
  }

  // "X put the (death) toll at N": ESTIMATES, cue "put ... at".
  size_t ReadPut(size_t t, size_t sb, size_t se) {
    const size_t e = ClauseEnd(t + 1, sb, se);
    size_t at = t + 1;
    bool noun = false;
    while (at < e && at - t <= 7 && !WordIn(at, "at")) {
      if (IsWord(at) && In(kEstimateNouns, Lw(at))) noun = true;
      if (!IsWord(at)) return t + 1;
      ++at;
    }
    if (!noun || at >= e || at + 1 >= e) return t + 1;
    // A figure within the next four tokens.
    bool figure = false;
    for (size_t k = at + 1; k < e && k <= at + 4; ++k) {
      if (IsWord(k) && (absl::ascii_isdigit(Lw(k)[0]) || Lw(k) == "dozens" ||
                        Lw(k) == "hundreds" || Lw(k) == "thousands" ||
                        Lw(k) == "millions")) {
        figure = true;
      }
    }
    if (!figure) return t + 1;
    Np src;
    if (!Subject(t, sb, /*allow_negation=*/false, &src)) return at + 1;
    Emit(t, at + 1, &src, toks_[at + 1].begin, ContentByteEnd(at + 1, e),
         Attribution::ESTIMATES, toks_[t].sentence);
    return at + 1;
  }

  // "'C1,' he said. 'C2.'": a quotation that fills the next sentence(s) of
  // the same paragraph with no attribution of its own continues C1.
  void ExtendQuotes() {
    if (found_.empty()) return;
    std::vector<char> attributed(sentences_.size(), 0);
    for (const Found& f : found_) attributed[f.sentence] = 1;
    for (Found& f : found_) {
      if (f.content_quote < 0) continue;
      uint32_t s = f.sentence;
      // The cue's sentence must end with the attribution.
      while (s + 1 < sentences_.size()) {
        const size_t nb = Sb(s + 1), ne = Se(s + 1);
        if (nb >= ne || !IsOpenQ(nb) || attributed[s + 1]) break;
        const Quote& q = quotes_[toks_[nb].mark];
        // The quotation must end its sentence (or a later one) and be in the
        // same paragraph (pairing never crosses paragraphs).
        const uint32_t qs = toks_[q.close_tok].sentence;
        const size_t qse = Se(qs);
        if (ContentEnd(Sb(qs), qse) > q.close_tok + 1) break;
        const absl::string_view gap =
            text_.substr(sentences_[s].end,
                         sentences_[s + 1].begin - sentences_[s].end);
        if (gap.find('\n') != absl::string_view::npos) break;
        bool other = false;
        for (uint32_t k = s + 1; k <= qs; ++k) other |= attributed[k] != 0;
        if (other) break;
        f.con_e = q.end;
        s = qs;
      }
    }
  }

  absl::string_view text_;
  std::string lower_;
  const std::vector<SentenceRange>& sentences_;
  std::vector<Tok> toks_;
  std::vector<size_t> sent_first_;
  std::vector<Quote> quotes_;
  std::vector<Found> found_;
};

// ---------------------------------------------------------------------------
// Sources: normalization, resolution, anonymity.

// How many earlier sources a pronoun or description may refer back to.
constexpr size_t kLookBack = 40;

struct Known {
  std::string normalized;
  bool person = false;
  bool group = false;  // organization or plural
  bool spokes = false;
  bool anonymous = false;
  std::string last_name;  // lower case, persons only
};

std::string FirstPart(absl::string_view s) {
  const size_t comma = s.find(',');
  return std::string(s.substr(0, comma));
}

std::vector<std::string> Words(absl::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !IsSpace(s[j])) ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string Lower(absl::string_view s) {
  std::string out(s);
  for (char& c : out) c = absl::ascii_tolower(c);
  return out;
}

std::string StripPunct(std::string w) {
  while (!w.empty() && !absl::ascii_isalnum(w.back())) w.pop_back();
  size_t b = 0;
  while (b < w.size() && !absl::ascii_isalnum(w[b]) &&
         static_cast<unsigned char>(w[b]) < 0x80) {
    ++b;
  }
  w.erase(0, b);
  if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) w.resize(w.size() - 2);
  if (w.size() > 4 && w.compare(w.size() - 4, 4, "\xE2\x80\x99s") == 0) {
    w.resize(w.size() - 4);
  }
  return w;
}

// Describes a source surface: is it a named person, an organization or a
// group, a spokesperson, anonymous?
Known Describe(absl::string_view surface, const std::string& normalized,
               const std::vector<Known>& history) {
  Known k;
  k.normalized = normalized;
  const std::string lower = Lower(surface);
  for (absl::string_view p : kAnonymityPhrases) {
    if (absl::StrContains(lower, p)) k.anonymous = true;
  }
  k.spokes = absl::StrContains(lower, "spokes");
  const std::vector<std::string> words = Words(FirstPart(surface));
  std::vector<std::string> clean;
  for (const std::string& w : words) clean.push_back(StripPunct(w));
  // Anonymous head: the last word of the phrase before any comma/relative.
  std::string head;
  for (size_t i = 0; i < clean.size(); ++i) {
    const std::string l = Lower(clean[i]);
    if (l == "who" || l == "which" || l == "that" || l == "familiar") break;
    if (!l.empty()) head = l;
  }
  if (In(kAnonymousHeads, head)) {
    // "spokesman" alone is anonymous only without an organization.
    const bool spoke = head.rfind("spokes", 0) == 0;
    if (!spoke || normalized == head) k.anonymous = true;
  }
  // Persons: two or more capitalized words with no organization word, or a
  // title, or a single capitalized word that is the last name of an earlier
  // person.
  size_t caps = 0;
  bool org = false, title = false;
  for (const std::string& w : clean) {
    if (w.empty()) continue;
    const std::string l = Lower(w);
    if (In(kOrgHeads, l) || IsCountryWord(l)) org = true;
    if (l == "mr" || l == "mrs" || l == "ms" || l == "dr" || l == "president" ||
        l == "gen" || l == "sen" || l == "rep" || l == "gov" ||
        l == "minister" || l == "secretary" || l == "governor") {
      title = true;
    }
    if (absl::ascii_isupper(w[0])) ++caps;
  }
  if (!clean.empty() && !org &&
      (title || caps >= 2 ||
       (caps == 1 && clean.size() == 1 &&
        std::any_of(history.end() - std::min(history.size(), kLookBack),
                    history.end(), [&](const Known& h) {
                      return h.person && h.last_name == Lower(clean[0]);
                    })))) {
    const std::string& last = clean.back();
    k.person = !last.empty() && absl::ascii_isupper(last[0]) &&
               !In(kAnonymousHeads, Lower(last));
    if (k.person) k.last_name = Lower(last);
  }
  if (!k.person) {
    k.group = org || (!head.empty() && head.back() == 's') || head == "police" ||
              head == "people";
  }
  return k;
}

}  // namespace

AttributionExtractor::AttributionExtractor() { (void)CueTable(); }

std::vector<Attribution> AttributionExtractor::Extract(
    absl::string_view text, const std::vector<SentenceRange>& sentences) const {
  std::vector<Found> found = Reader(text, sentences).Run();
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    return a.cue_b < b.cue_b;
  });
  std::vector<Attribution> out;
  if (found.empty()) return out;
  const AcronymMap acronyms = FindAcronyms(text);
  std::vector<Known> history;
  uint32_t last_cue = UINT32_MAX;
  for (const Found& f : found) {
    if (f.cue_b == last_cue) continue;  // one attribution per cue
    last_cue = f.cue_b;
    Attribution a;
    a.set_cue(std::string(text.substr(f.cue_b, f.cue_e - f.cue_b)));
    a.mutable_cue_span()->set_begin(f.cue_b);
    a.mutable_cue_span()->set_end(f.cue_e);
    a.set_stance(f.stance);
    uint32_t b = f.cue_b, e = f.cue_e;
    if (f.con_e > f.con_b) {
      a.mutable_content()->set_begin(f.con_b);
      a.mutable_content()->set_end(f.con_e);
      b = std::min(b, f.con_b);
      e = std::max(e, f.con_e);
    }
    if (f.reportedly) {
      a.set_anonymous(true);
    } else if (f.src_e > f.src_b) {
      const absl::string_view surface = text.substr(f.src_b, f.src_e - f.src_b);
      a.set_source(std::string(surface));
      a.mutable_source_span()->set_begin(f.src_b);
      a.mutable_source_span()->set_end(f.src_e);
      b = std::min(b, f.src_b);
      e = std::max(e, f.src_e);
      std::string normalized = NormalizeSource(surface, &acronyms);
      Known k = Describe(surface, normalized, history);
      // Resolve pronouns and definite descriptions to an earlier source.
      std::vector<std::string> words = Words(Lower(surface));
      for (std::string& w : words) w = StripPunct(w);
      const Known* antecedent = nullptr;
      auto nearest = [&](auto pred) -> const Known* {
        const size_t stop = history.size() - std::min(history.size(), kLookBack);
        for (size_t i = history.size(); i-- > stop;) {
          if (pred(history[i])) return &history[i];
        }
        return nullptr;
      };
      if (words.size() == 1 && (words[0] == "he" || words[0] == "she")) {
        antecedent = nearest([](const Known& h) { return h.person; });
      } else if (words.size() == 1 && words[0] == "they") {
        antecedent = nearest([](const Known& h) { return !h.person; });
      } else if (words.size() == 1 && words[0] == "it") {
        antecedent = nearest(
            [](const Known& h) { return !h.person && h.group && !h.anonymous; });
      } else if (words.size() == 2 && words[0] == "the" &&
                 words[1].rfind("spokes", 0) == 0) {
        antecedent = nearest([](const Known& h) { return h.spokes; });
      } else if (words.size() == 2 && words[0] == "the" &&
                 (In(kOrgHeads, words[1]) || words[1] == "army")) {
        const std::string head_norm = NormalizeSource(words[1]);
        antecedent = nearest([&](const Known& h) {
          return h.normalized == head_norm ||
                 absl::EndsWith(h.normalized, " " + head_norm);
        });
      }
      if (antecedent != nullptr) {
        const Known copy = *antecedent;
        k.normalized = copy.normalized;
        k.person = copy.person;
        k.group = copy.group;
        k.spokes = copy.spokes;
        k.anonymous = copy.anonymous;
        k.last_name = copy.last_name;
      }
      a.set_source_normalized(k.normalized);
      a.set_anonymous(k.anonymous);
      history.push_back(std::move(k));
    }
    a.mutable_span()->set_begin(b);
    a.mutable_span()->set_end(e);
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace factdiff
