#include "core/compare/finding_util.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <set>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "core/base/countries.h"

namespace factdiff {
namespace compare_internal {
namespace {

bool ParseInt(absl::string_view s, int* out) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!absl::ascii_isdigit(c)) return false;
  }
  return absl::SimpleAtoi(s, out);
}

// Words that name a kind of actor, not which one.
bool GenericActorWord(absl::string_view w) {
  static const std::set<absl::string_view>* const kWords =
      new std::set<absl::string_view>{
          "a",          "an",         "and",       "army",      "authorities",
          "authority",  "official",   "officials", "military",  "police",
          "government", "ministry",   "minister",  "spokesman", "spokeswoman",
          "spokesperson", "source",   "sources",   "forces",    "force",
          "group",      "militants",  "militant",  "fighters",  "fighter",
          "troops",     "security",   "office",    "department", "agency",
          "statement",  "leader",     "leaders",   "commander", "of",
          "for",        "defence",    "defense",   "interior",  "foreign",
          "health",     "local",      "senior",    "state",     "national",
          "federal",    "regional",   "provincial", "its",      "their",
          "his",        "her",        "spokesmen", "witnesses", "witness",
          "residents",  "resident",   "people",    "media",     "officers",
          "officer",    "country",    "side",      "wing",      "press",
          "service",    "services",   "public",    "relations", "inter",
          "council",    "administration", "regime", "movement", "party",
          "said",       "also",       "other",     "who",       "it",
          "they",       "he",         "she",       "we",        "them"};
  return kWords->count(w) > 0;
}

std::vector<std::string> DistinctiveWords(absl::string_view actor) {
  std::vector<std::string> out;
  for (absl::string_view w :
       absl::StrSplit(NormalizeActor(actor), ' ', absl::SkipEmpty())) {
    if (!GenericActorWord(w)) out.emplace_back(w);
  }
  return out;
}

// "punjabi" ~ "punjab", "estovan" ~ "estova": `longer` is `stem` plus one
// demonym suffix, and the stem has at least four letters.
bool DemonymOf(absl::string_view stem, absl::string_view longer) {
  static constexpr absl::string_view kSuffixes[] = {"i",   "n",   "an",
                                                    "ian", "ese", "istan"};
  if (stem.size() < 4 || longer.size() <= stem.size() ||
      longer.substr(0, stem.size()) != stem) {
    return false;
  }
  const absl::string_view rest = longer.substr(stem.size());
  return std::find(std::begin(kSuffixes), std::end(kSuffixes), rest) !=
         std::end(kSuffixes);
}

// "pakistani" ~ "pakistan", "afghans" ~ "afghanistan": both words name the
// same country in the country table (core/base/countries.h). Two words the
// table knows and places in different countries never match ("niger" /
// "nigerian"). When either is not in the table (a region, a country the
// table lacks), a demonym suffix decides ("punjabi" ~ "punjab", "syrian" ~
// "syria" after dropping the stem's final vowel).
bool WordsMatch(absl::string_view a, absl::string_view b) {
  if (a == b) return true;
  const std::string ca = CountryOfName(a);
  const std::string cb = CountryOfName(b);
  if (!ca.empty() && !cb.empty()) return ca == cb;
  auto trimmed = [](absl::string_view w) {
    return w.size() > 4 && (w.back() == 'a' || w.back() == 'e')
               ? w.substr(0, w.size() - 1)
               : w;
  };
  return DemonymOf(a, b) || DemonymOf(b, a) || DemonymOf(trimmed(a), b) ||
         DemonymOf(trimmed(b), a);
}

// All words of `sub` match a word of `super`.
bool WordsIncluded(const std::vector<std::string>& sub,
                   const std::vector<std::string>& super) {
  for (const std::string& w : sub) {
    bool found = false;
    for (const std::string& v : super) {
      if (WordsMatch(w, v)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

std::string NormalizeType(absl::string_view type) {
  std::string out;
  for (char c : absl::AsciiStrToLower(type)) {
    if (absl::ascii_isalnum(c)) out.push_back(c);
  }
  auto ends = [&](absl::string_view suffix) {
    return out.size() > suffix.size() + 2 &&
           absl::string_view(out).substr(out.size() - suffix.size()) == suffix;
  };
  if (ends("shes") || ends("ches") || ends("xes") || ends("sses")) {
    out.resize(out.size() - 2);  // "clashes" -> "clash"
  } else if (out.size() > 3 && out.back() == 's' && !ends("ss")) {
    out.pop_back();  // "strikes" -> "strike"
  }
  return out;
}

// Synonym groups of event types, normalized (NormalizeType). Types in one
// group name the same kind of act.
const std::map<std::string, int>& TypeGroups() {
  static const std::map<std::string, int>* const kGroups = [] {
    const std::vector<std::vector<std::string>> groups = {
        {"airstrike", "dronestrike", "airraid", "bombardment", "aerialbombing",
         "aerialattack", "missilestrike", "rocketattack"},
        {"bombing", "blast", "explosion", "suicidebombing", "carbomb",
         "suicideattack", "carbombing"},
        {"clash", "fighting", "battle", "skirmish", "firefight",
         "exchangeoffire", "crossborderfire", "borderclash"},
        {"shelling", "artilleryfire", "mortarfire"},
        {"shooting", "gunfire", "gunattack"},
        {"ambush"},
        {"kidnapping", "abduction"},
        {"assassination", "killing"},
        {"invasion", "incursion", "offensive", "ground offensive"},
        {"attack", "strike", "assault", "raid"},
    };
    auto* m = new std::map<std::string, int>;
    for (size_t g = 0; g < groups.size(); ++g) {
      for (const std::string& t : groups[g]) (*m)[NormalizeType(t)] = g;
    }
    return m;
  }();
  return *kGroups;
}

// Generic acts, compatible with every violent group.
bool GenericType(const std::string& t) {
  return t == "attack" || t == "strike" || t == "assault" || t == "raid";
}

bool GenericPlaceWord(absl::string_view w) {
  static const std::set<absl::string_view>* const kWords =
      new std::set<absl::string_view>{
          "the",      "in",       "on",      "at",       "near",    "along",
          "of",       "across",   "from",    "into",     "to",      "border",
          "borders",  "frontier", "city",    "capital",  "province",
          "district", "area",     "areas",   "region",   "village", "town",
          "north",    "south",    "east",    "west",     "northern",
          "southern", "eastern",  "western", "central",  "country", "state",
          "and",      "outskirts", "side",   "line",     "crossing", "post",
          "posts",    "camp",     "market",  "street",   "road",    "a"};
  return kWords->count(w) > 0;
}

std::set<std::string> PlaceWords(
    const google::protobuf::RepeatedPtrField<std::string>& places) {
  std::set<std::string> out;
  for (const std::string& p : places) {
    for (absl::string_view w :
         absl::StrSplit(NormalizeActor(p), ' ', absl::SkipEmpty())) {
      if (!GenericPlaceWord(w) && w.size() >= 3) out.emplace(w);
    }
  }
  return out;
}

bool Contains(const v1::Span& outer, const v1::Span& inner) {
  return outer.end() > outer.begin() && outer.begin() <= inner.begin() &&
         inner.end() <= outer.end();
}

}  // namespace

std::optional<int64_t> DayNumber(absl::string_view iso) {
  int y, m, d;
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-' ||
      !ParseInt(iso.substr(0, 4), &y) || !ParseInt(iso.substr(5, 2), &m) ||
      !ParseInt(iso.substr(8, 2), &d) || m < 1 || m > 12 || d < 1 || d > 31) {
    return std::nullopt;
  }
  // Days from civil (Howard Hinnant's algorithm).
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::optional<int64_t> PublishedMinutes(absl::string_view published,
                                        bool* has_time) {
  *has_time = false;
  std::optional<int64_t> day = DayNumber(published);
  if (!day) return std::nullopt;
  int64_t minutes = *day * 1440;
  if (published.size() == 10) return minutes;
  if (published[10] != 'T' && published[10] != ' ') return std::nullopt;
  int hh, mm;
  if (published.size() < 16 || published[13] != ':' ||
      !ParseInt(published.substr(11, 2), &hh) ||
      !ParseInt(published.substr(14, 2), &mm)) {
    return std::nullopt;
  }
  minutes += hh * 60 + mm;
  absl::string_view rest = published.substr(16);
  if (rest.size() >= 3 && rest[0] == ':') rest.remove_prefix(3);  // seconds
  if (!rest.empty() && rest[0] == '.') {  // fractions of a second
    rest.remove_prefix(1);
    while (!rest.empty() && absl::ascii_isdigit(rest[0])) rest.remove_prefix(1);
  }
  if (!rest.empty() && rest != "Z") {
    int oh, om;
    if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-') ||
        rest[3] != ':' || !ParseInt(rest.substr(1, 2), &oh) ||
        !ParseInt(rest.substr(4, 2), &om)) {
      return std::nullopt;
    }
    const int offset = oh * 60 + om;
    minutes += rest[0] == '+' ? -offset : offset;
  }
  *has_time = true;
  return minutes;
}

int ComparePublished(absl::string_view a, absl::string_view b) {
  bool ta, tb;
  std::optional<int64_t> ma = PublishedMinutes(a, &ta);
  std::optional<int64_t> mb = PublishedMinutes(b, &tb);
  if (!ma || !mb) return 0;
  if (ta && tb) return *ma < *mb ? -1 : (*ma > *mb ? 1 : 0);
  // A date without a time covers its whole day.
  const int64_t da = *DayNumber(a), db = *DayNumber(b);
  return da < db ? -1 : (da > db ? 1 : 0);
}

int DaysBetweenPublished(absl::string_view a, absl::string_view b) {
  std::optional<int64_t> da = DayNumber(a), db = DayNumber(b);
  if (!da || !db) return -1;
  return static_cast<int>(std::llabs(*da - *db));
}

std::string NormalizeActor(absl::string_view actor) {
  std::string s;
  s.reserve(actor.size());
  for (size_t i = 0; i < actor.size(); ++i) {
    const char c = actor[i];
    // Possessive "'s" and "’s" (U+2019 is E2 80 99).
    if (c == '\'' && i + 1 < actor.size() &&
        (actor[i + 1] == 's' || actor[i + 1] == 'S') &&
        (i + 2 == actor.size() || !absl::ascii_isalnum(actor[i + 2]))) {
      ++i;
      continue;
    }
    if (actor.substr(i, 3) == "\xE2\x80\x99") {
      if (i + 3 < actor.size() && (actor[i + 3] == 's' || actor[i + 3] == 'S') &&
          (i + 4 == actor.size() || !absl::ascii_isalnum(actor[i + 4]))) {
        i += 3;
      } else {
        i += 2;
      }
      continue;
    }
    s.push_back(absl::ascii_isalnum(c) ? absl::ascii_tolower(c) : ' ');
  }
  std::vector<absl::string_view> words =
      absl::StrSplit(s, ' ', absl::SkipEmpty());
  while (!words.empty() &&
         (words.front() == "the" || words.front() == "a" || words.front() == "an")) {
    words.erase(words.begin());
  }
  return absl::StrJoin(words, " ");
}

bool ActorsMatch(absl::string_view a, absl::string_view b) {
  const std::vector<std::string> wa = DistinctiveWords(a);
  const std::vector<std::string> wb = DistinctiveWords(b);
  if (wa.empty() || wb.empty()) return false;
  return WordsIncluded(wa, wb) || WordsIncluded(wb, wa);
}

std::string ActorKey(absl::string_view actor) {
  return absl::StrJoin(DistinctiveWords(actor), " ");
}

bool ActorsDiffer(absl::string_view a, absl::string_view b) {
  const std::vector<std::string> wa = DistinctiveWords(a);
  const std::vector<std::string> wb = DistinctiveWords(b);
  if (wa.empty() || wb.empty()) return false;
  for (const std::string& x : wa) {
    for (const std::string& y : wb) {
      if (WordsMatch(x, y)) return false;
    }
  }
  return true;
}

TypeMatch FrameTypesMatch(absl::string_view a, absl::string_view b) {
  const std::string ta = NormalizeType(a), tb = NormalizeType(b);
  if (ta.empty() || tb.empty()) return TypeMatch::kNo;
  if (ta == tb) return TypeMatch::kExact;
  const auto& groups = TypeGroups();
  auto ga = groups.find(ta), gb = groups.find(tb);
  if (ga == groups.end() || gb == groups.end()) return TypeMatch::kNo;
  if (GenericType(ta) || GenericType(tb)) return TypeMatch::kGeneric;
  return ga->second == gb->second ? TypeMatch::kExact : TypeMatch::kNo;
}

bool PlacesOverlap(const google::protobuf::RepeatedPtrField<std::string>& a,
                   const google::protobuf::RepeatedPtrField<std::string>& b) {
  const std::set<std::string> wa = PlaceWords(a), wb = PlaceWords(b);
  for (const std::string& w : wa) {
    for (const std::string& v : wb) {
      if (WordsMatch(w, v)) return true;
    }
  }
  return false;
}

bool AnyActorMatches(const google::protobuf::RepeatedPtrField<std::string>& a,
                     const google::protobuf::RepeatedPtrField<std::string>& b) {
  for (const std::string& x : a) {
    for (const std::string& y : b) {
      if (ActorsMatch(x, y)) return true;
    }
  }
  return false;
}

std::vector<std::string> NamedAgents(const v1::Statement& s,
                                     const v1::EventFrame& f) {
  std::vector<std::string> out;
  for (int k = 0; k < f.agents_size(); ++k) {
    const std::string& agent = f.agents(k);
    if (k < f.agent_spans_size()) {
      const v1::Span& span = f.agent_spans(k);
      absl::string_view before;
      if (span.begin() >= s.span().begin() &&
          span.begin() - s.span().begin() <= s.text().size()) {
        before = absl::string_view(s.text()).substr(
            0, span.begin() - s.span().begin());
      }
      while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
      const size_t space = before.find_last_of(' ');
      const std::string last = absl::AsciiStrToLower(
          space == absl::string_view::npos ? before : before.substr(space + 1));
      if (last == "its" || last == "their" || last == "our") {
        const v1::Attribution* a = CoveringAttribution(s, span);
        if (a != nullptr) {
          const std::string src = SourceKey(*a);
          if (!ActorKey(src).empty()) {
            out.push_back(src);
            continue;
          }
        }
      }
    }
    if (!ActorKey(agent).empty()) out.push_back(agent);
  }
  return out;
}

bool FrameDays(const v1::Statement& s, int frame, int64_t* first,
               int64_t* last, bool* fallback, std::vector<int>* time_indexes) {
  *fallback = false;
  std::vector<int> indexes;
  const v1::EventFrame& f = s.frames(frame);
  for (uint32_t t : f.time_indexes()) {
    if (t < static_cast<uint32_t>(s.times_size())) indexes.push_back(t);
  }
  if (f.time_indexes_size() == 0 && s.frames_size() == 1) {
    int resolved = 0, at = -1;
    for (int t = 0; t < s.times_size(); ++t) {
      const v1::TimeExpression& x = s.times(t);
      if (!x.start().empty() &&
          x.granularity() != v1::TimeExpression::DURATION) {
        ++resolved;
        at = t;
      }
    }
    if (resolved == 1) {
      indexes.push_back(at);
      *fallback = true;
    }
  }
  bool any = false;
  std::vector<int> used;
  for (int t : indexes) {
    const v1::TimeExpression& x = s.times(t);
    if (x.granularity() != v1::TimeExpression::DAY) continue;
    std::optional<int64_t> b = DayNumber(x.start());
    std::optional<int64_t> e = DayNumber(x.end().empty() ? x.start() : x.end());
    if (!b || !e) continue;
    if (!any || *b < *first) *first = *b;
    if (!any || *e > *last) *last = *e;
    any = true;
    used.push_back(t);
  }
  if (time_indexes != nullptr) *time_indexes = used;
  return any;
}

bool FramesDatedApart(const v1::Statement& a, int fa, const v1::Statement& b,
                      int fb, int tolerance) {
  int64_t a0, a1, b0, b1;
  bool fallback;
  if (!FrameDays(a, fa, &a0, &a1, &fallback, nullptr) ||
      !FrameDays(b, fb, &b0, &b1, &fallback, nullptr)) {
    return false;
  }
  return std::max(b0 - a1, a0 - b1) > tolerance;
}

const v1::Attribution* CoveringAttribution(const v1::Statement& s,
                                           const v1::Span& span) {
  const v1::Attribution* best = nullptr;
  uint32_t best_size = 0;
  for (const v1::Attribution& a : s.attributions()) {
    const v1::Span& outer =
        Contains(a.content(), span) ? a.content() : a.span();
    if (!Contains(outer, span)) continue;
    const uint32_t size = outer.end() - outer.begin();
    if (best == nullptr || size < best_size) {
      best = &a;
      best_size = size;
    }
  }
  return best;
}

std::string SourceKey(const v1::Attribution& a) {
  return a.source_normalized().empty() ? a.source() : a.source_normalized();
}

absl::string_view SpanText(const v1::Statement& s, const v1::Span& span) {
  if (span.begin() < s.span().begin() || span.end() > s.span().end() ||
      span.end() < span.begin() ||
      s.span().end() - s.span().begin() != s.text().size()) {
    return "";
  }
  return absl::string_view(s.text()).substr(span.begin() - s.span().begin(),
                                             span.end() - span.begin());
}

std::vector<Candidate> CandidatePairs(const std::vector<bool>& eligible,
                                      const std::vector<AlignedPair>& pairs,
                                      const std::vector<std::string>& event_of,
                                      int max_bucket, bool with_self) {
  std::map<std::pair<uint32_t, uint32_t>, Candidate> out;
  auto ok = [&](uint32_t i) { return i < eligible.size() && eligible[i]; };
  for (const AlignedPair& p : pairs) {
    if (!ok(p.a) || !ok(p.b)) continue;
    const uint32_t a = std::min(p.a, p.b), b = std::max(p.a, p.b);
    Candidate& c = out[{a, b}];
    c.a = a;
    c.b = b;
    c.similarity = std::max(c.similarity, static_cast<double>(p.similarity));
    c.aligned = true;
  }
  std::map<std::string, std::vector<uint32_t>> buckets;
  for (uint32_t i = 0; i < eligible.size(); ++i) {
    if (!ok(i)) continue;
    if (with_self) out[{i, i}] = Candidate{i, i, 1.0, true};
    if (i < event_of.size() && !event_of[i].empty()) {
      buckets[event_of[i]].push_back(i);
    }
  }
  for (const auto& [event, members] : buckets) {
    if (static_cast<int>(members.size()) > max_bucket) continue;
    for (size_t x = 0; x < members.size(); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y) {
        auto it = out.find({members[x], members[y]});
        if (it == out.end()) {
          out[{members[x], members[y]}] =
              Candidate{members[x], members[y], 0.0, false};
        }
      }
    }
  }
  std::vector<Candidate> result;
  result.reserve(out.size());
  for (const auto& [key, c] : out) result.push_back(c);
  return result;
}

namespace {

// Names a statement uses: capitalized words that do not open the sentence,
// lower-cased, less weekdays, months, titles and function words.
void AddNames(const v1::Statement& s, std::set<std::string>* out) {
  static const std::set<std::string>* const kSkip = new std::set<std::string>{
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "january", "february", "march", "april", "may", "june",
      "july", "august", "september", "october", "november", "december",
      "mr", "ms", "mrs", "dr", "the", "a", "an", "in", "on", "at", "of",
      "and", "but", "he", "she", "it", "we", "they", "i", "this", "that"};
  const std::string& t = s.text();
  bool first = true;
  size_t i = 0;
  while (i < t.size()) {
    if (!absl::ascii_isalpha(t[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < t.size() && absl::ascii_isalpha(t[j])) ++j;
    if (!first && absl::ascii_isupper(t[i]) && j - i >= 3) {
      std::string w = absl::AsciiStrToLower(t.substr(i, j - i));
      if (!kSkip->count(w)) out->insert(std::move(w));
    }
    first = false;
    i = j;
  }
}

constexpr int kStoryDays = 14;
constexpr size_t kSharedNames = 3;

}  // namespace

StoryLinks::StoryLinks(const std::vector<v1::Statement>& statements,
                       const std::vector<v1::Document>& documents,
                       const std::vector<uint32_t>& document_of,
                       const std::vector<AlignedPair>& pairs,
                       const std::vector<std::string>& event_of,
                       bool use_names)
    : statements_(statements),
      documents_(documents),
      document_of_(document_of),
      use_names_(use_names) {
  // Union-find over documents: the aligner's pairs and events join their
  // documents, and documents the aligner chains together tell one story.
  // Stored as one component per document, so the closure costs O(n), not
  // the square of a large story's size.
  size_t n = documents.size();
  for (uint32_t d : document_of) n = std::max<size_t>(n, d + 1);
  component_.resize(n);
  for (uint32_t d = 0; d < n; ++d) component_[d] = d;
  auto find = [this](uint32_t x) {
    while (component_[x] != x) {
      component_[x] = component_[component_[x]];
      x = component_[x];
    }
    return x;
  };
  auto join = [&](uint32_t da, uint32_t db) {
    const uint32_t ra = find(da), rb = find(db);
    if (ra != rb) component_[std::max(ra, rb)] = std::min(ra, rb);
  };
  for (const AlignedPair& p : pairs) {
    if (p.a < document_of.size() && p.b < document_of.size()) {
      join(document_of[p.a], document_of[p.b]);
    }
  }
  std::map<std::string, uint32_t> first_doc_of_event;
  for (uint32_t i = 0; i < event_of.size() && i < document_of.size(); ++i) {
    if (event_of[i].empty()) continue;
    auto [it, inserted] = first_doc_of_event.emplace(event_of[i], document_of[i]);
    if (!inserted) join(it->second, document_of[i]);
  }
  for (uint32_t d = 0; d < n; ++d) component_[d] = find(d);
}

bool StoryLinks::Linked(uint32_t da, uint32_t db) {
  if (da == db) return true;
  if (da < component_.size() && db < component_.size() &&
      component_[da] == component_[db]) {
    return true;
  }
  if (!use_names_) return false;
  if (da >= documents_.size() || db >= documents_.size()) return false;
  const int days = DaysBetweenPublished(documents_[da].published(),
                                        documents_[db].published());
  if (days > kStoryDays) return false;
  for (uint32_t d : {da, db}) {
    if (names_.count(d)) continue;
    std::set<std::string>& n = names_[d];
    if (statements_of_.empty()) {  // index the statements once
      statements_of_.resize(component_.size());
      for (uint32_t s = 0; s < statements_.size() && s < document_of_.size(); ++s) {
        statements_of_[document_of_[s]].push_back(s);
      }
    }
    if (d < statements_of_.size()) {
      for (uint32_t s : statements_of_[d]) AddNames(statements_[s], &n);
    }
  }
  size_t shared = 0;
  for (const std::string& w : names_[da]) shared += names_[db].count(w);
  return shared >= kSharedNames;
}

std::vector<std::pair<uint32_t, uint32_t>> KeyedPairs(
    const std::vector<std::set<std::string>>& keys,
    const std::vector<uint32_t>& document_of, StoryLinks* links,
    int max_bucket) {
  std::map<std::string, std::vector<uint32_t>> buckets;
  for (uint32_t i = 0; i < keys.size(); ++i) {
    for (const std::string& k : keys[i]) buckets[k].push_back(i);
  }
  std::set<std::pair<uint32_t, uint32_t>> out;
  for (const auto& [key, members] : buckets) {
    if (static_cast<int>(members.size()) > max_bucket) continue;
    for (size_t x = 0; x < members.size(); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y) {
        const uint32_t da = document_of[members[x]];
        const uint32_t db = document_of[members[y]];
        if (da != db && links->Linked(da, db)) {
          out.insert({members[x], members[y]});
        }
      }
    }
  }
  return {out.begin(), out.end()};
}

void AddKeyedCandidates(const std::vector<std::set<std::string>>& keys,
                        const std::vector<uint32_t>& document_of,
                        StoryLinks* links, int max_bucket,
                        std::vector<Candidate>* candidates) {
  std::set<std::pair<uint32_t, uint32_t>> known;
  for (const Candidate& c : *candidates) known.insert({c.a, c.b});
  for (const auto& [a, b] : KeyedPairs(keys, document_of, links, max_bucket)) {
    if (known.insert({a, b}).second) {
      candidates->push_back(Candidate{a, b, 0.0, false, /*keyed=*/true});
    }
  }
}

double SimilarityFactor(double similarity) {
  return std::clamp((similarity - 0.15) / 0.35, 0.0, 1.0);
}

v1::Claim BaseClaim(uint32_t i, const std::vector<v1::Statement>& statements,
                    const std::vector<v1::Document>& documents,
                    const std::vector<uint32_t>& document_of) {
  const v1::Statement& s = statements[i];
  const v1::Document& d = documents[document_of[i]];
  v1::Claim c;
  c.set_document_id(s.document_id());
  *c.mutable_span() = s.span();
  c.set_text(s.text());
  c.set_statement_id(s.id());
  c.set_line(s.line() + (d.text_line() > 0 ? d.text_line() - 1 : 0));
  c.set_source(d.source());
  c.set_published(d.published());
  return c;
}

std::string DocLabel(const v1::Document& d) {
  return d.source().empty() ? d.id() : d.source();
}

double RoundConfidence(double c) { return std::round(c * 100) / 100; }


// --- Comparing the items of statement pairs --------------------------------

std::vector<Candidate> StoryCandidates(
    const std::vector<bool>& eligible,
    const std::vector<std::set<std::string>>& keys,
    const std::vector<v1::Statement>& statements,
    const std::vector<v1::Document>& documents,
    const std::vector<uint32_t>& document_of,
    const std::vector<AlignedPair>& pairs,
    const std::vector<std::string>& event_of, int max_bucket, bool with_self) {
  std::vector<Candidate> candidates =
      CandidatePairs(eligible, pairs, event_of, max_bucket, with_self);
  StoryLinks links(statements, documents, document_of, pairs, event_of);
  AddKeyedCandidates(keys, document_of, &links, max_bucket, &candidates);
  return candidates;
}

}  // namespace compare_internal
}  // namespace factdiff
