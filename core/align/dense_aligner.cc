#include "core/align/dense_aligner.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/match.h"
#include "core/base/countries.h"

namespace factdiff {
namespace {

// Similarities from a block product may differ from the per-pair dot product
// in the last bits; the block keeps pairs this close below the threshold and
// the per-pair check decides.
constexpr float kBlockSlack = 1e-4f;

// Features with every string interned as a sorted, unique id list, so that
// a pair's checks are merges of small integer lists.
struct Prepared {
  uint32_t document = 0;
  absl::optional<int32_t> published_day;
  absl::optional<DayRange> when;      // the statement's own window
  absl::optional<DayRange> any_when;  // own, else the document's
  // any_when comes from the document's estimated publication window: the
  // window itself, or (resolved_in_estimate) the statement's own time
  // expressions resolved against it.
  bool estimated_when = false;
  bool resolved_in_estimate = false;
  // No window, in a document whose estimate is ambiguous: links to no other
  // document.
  bool undatable = false;
  std::vector<uint32_t> keys, types, locations, participants, measures;
  std::vector<uint32_t> places;     // own, else the document's
  // `places` less the words of country names and demonyms: the places that
  // say where in a country ("peshawar", "kunar").
  std::vector<uint32_t> fine_places;
  std::vector<uint32_t> own_fine_places;  // of the statement's own places
  // located_places less country words: "in Kabul", not "Kabul says".
  std::vector<uint32_t> located_fine_places;
  std::vector<uint32_t> any_types;  // own, else the document's
  // Every family in any_types is a known one (see KnownFamily).
  bool known_types = false;
  std::vector<uint32_t> names;      // own names (capitalized, not first)
  // No event of its own: no frame, no figure with a measure, no
  // day-precise window (see DenseAlignOptions::link_background).
  bool background = false;
  std::vector<uint32_t> doc_names;  // the document's names and places
};

class Interner {
 public:
  uint32_t Id(const std::string& s) {
    const std::string lower = absl::AsciiStrToLower(s);
    auto [it, inserted] = ids_.try_emplace(lower, names_.size());
    if (inserted) names_.push_back(lower);
    return it->second;
  }
  const std::string& Name(uint32_t id) const { return names_[id]; }

 private:
  absl::flat_hash_map<std::string, uint32_t> ids_;
  std::vector<std::string> names_;
};

std::vector<uint32_t> InternAll(const std::vector<std::string>& v,
                                Interner* interner) {
  std::vector<uint32_t> out;
  out.reserve(v.size());
  for (const std::string& s : v) {
    if (!s.empty()) out.push_back(interner->Id(s));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// The families EventFamilies gives.
bool KnownFamily(absl::string_view family) {
  static const auto* const kKnown = new absl::flat_hash_set<std::string>{
      "violence", "protest", "diplomacy", "seismic", "weather", "heat",
      "fire",     "volcanic", "transport", "election", "business"};
  return kKnown->contains(std::string(family));
}

// Pairs of different families that one incident can join: a march that
// turns into clashes, an attack that starts a fire or hits a train, a
// ceasefire in the middle of fighting.
bool FamiliesMayMeet(absl::string_view x, absl::string_view y) {
  static constexpr std::pair<const char*, const char*> kMeet[] = {
      {"violence", "protest"},  {"violence", "fire"}, {"violence", "transport"},
      {"fire", "transport"},    {"fire", "heat"},     {"violence", "diplomacy"}};
  for (const auto& [p, q] : kMeet) {
    if ((x == p && y == q) || (x == q && y == p)) return true;
  }
  return false;
}


// A word of a country's name or a demonym ("pakistan", "afghan"): it says
// which country, not where in it.
// Multi-word names count word by word, as places are single words here
// ("united", "states").
bool IsCountryWord(const std::string& lower_word) {
  static const auto* const kWords = [] {
    auto* words = new absl::flat_hash_set<std::string>;
    for (const CountryRow& row : CountryRows()) {
      for (const char* column :
           {row.country, row.names, row.demonyms, row.plurals}) {
        for (absl::string_view entry :
             absl::StrSplit(column, '|', absl::SkipEmpty())) {
          for (absl::string_view w :
               absl::StrSplit(entry, ' ', absl::SkipEmpty())) {
            words->insert(absl::AsciiStrToLower(w));
          }
        }
      }
    }
    return words;
  }();
  return kWords->contains(lower_word);
}

// `previous` is the statement prepared just before (or null): consecutive
// statements of one document share their document_names, interned once.
Prepared Prepare(const StatementFeatures& f, Interner* interner,
                 const StatementFeatures* previous = nullptr,
                 const Prepared* previous_prepared = nullptr) {
  Prepared p;
  p.document = f.document;
  p.published_day = f.published_day;
  p.when = f.when;
  p.any_when = f.when ? f.when : f.context_when;
  p.keys = InternAll(f.blocking_keys, interner);
  p.types = InternAll(f.event_types, interner);
  p.locations = InternAll(f.locations, interner);
  p.participants = InternAll(f.participants, interner);
  p.measures = InternAll(f.measures, interner);
  const std::vector<std::string>& places =
      f.places.empty() ? f.context_places : f.places;
  p.places = InternAll(places, interner);
  std::vector<std::string> fine;
  for (const std::string& w : places) {
    if (!IsCountryWord(w)) fine.push_back(w);
  }
  p.fine_places = InternAll(fine, interner);
  if (!f.places.empty()) p.own_fine_places = p.fine_places;
  fine.clear();
  for (const std::string& w : f.located_places) {
    if (!IsCountryWord(w)) fine.push_back(w);
  }
  p.located_fine_places = InternAll(fine, interner);
  const std::vector<std::string>& any_types =
      f.event_types.empty() ? f.context_types : f.event_types;
  p.any_types = InternAll(any_types, interner);
  p.known_types = !any_types.empty();
  for (const std::string& t : any_types) {
    if (!KnownFamily(absl::AsciiStrToLower(t))) p.known_types = false;
  }
  p.names = InternAll(f.names, interner);
  p.background = f.background;
  if (f.document_names.empty()) {
    std::vector<std::string> own = f.names;
    own.insert(own.end(), f.places.begin(), f.places.end());
    if (!f.initial_name.empty()) own.push_back(f.initial_name);
    p.doc_names = InternAll(own, interner);
  } else if (previous != nullptr && previous->document == f.document &&
             previous->document_names == f.document_names) {
    p.doc_names = previous_prepared->doc_names;
  } else {
    p.doc_names = InternAll(f.document_names, interner);
  }
  return p;
}

void Intersect(const std::vector<uint32_t>& x, const std::vector<uint32_t>& y,
               std::vector<uint32_t>* out) {
  std::set_intersection(x.begin(), x.end(), y.begin(), y.end(),
                        std::back_inserter(*out));
}

bool Intersects(const std::vector<uint32_t>& x,
                const std::vector<uint32_t>& y) {
  auto i = x.begin(), j = y.begin();
  while (i != x.end() && j != y.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      return true;
    }
  }
  return false;
}

// True when two known family sets without a shared family cannot tell one
// incident.
bool FamiliesConflict(const std::vector<uint32_t>& x,
                      const std::vector<uint32_t>& y,
                      const Interner& interner) {
  if (Intersects(x, y)) return false;
  for (uint32_t i : x) {
    for (uint32_t j : y) {
      if (FamiliesMayMeet(interner.Name(i), interner.Name(j))) return false;
    }
  }
  return true;
}

// Days between two windows; 0 when they overlap.
int64_t Gap(const DayRange& x, const DayRange& y) {
  return std::max<int64_t>({0, int64_t{y.first} - x.last,
                            int64_t{x.first} - y.last});
}

absl::optional<DayRange> Anchor(const Prepared& p) {
  if (p.any_when) return p.any_when;
  if (p.published_day) return DayRange{*p.published_day, *p.published_day};
  return absl::nullopt;
}

bool TimeCompatible(const Prepared& x, const Prepared& y,
                    const DenseAlignOptions& options) {
  const absl::optional<DayRange> ax = Anchor(x), ay = Anchor(y);
  return !ax || !ay || Gap(*ax, *ay) <= options.time_window_days;
}

std::string Day(int32_t day) { return absl::FormatCivilTime(FromEpochDay(day)); }

std::string Window(const DayRange& r) {
  return r.first == r.last ? Day(r.first)
                           : absl::StrCat(Day(r.first), "..", Day(r.last));
}

std::string Names(const std::vector<uint32_t>& ids, const Interner& interner) {
  std::vector<std::string> names;
  for (uint32_t id : ids) names.push_back(interner.Name(id));
  std::sort(names.begin(), names.end());
  return absl::StrJoin(names, ", ");
}

// Strips the "w:" / "l:" ... prefix FeaturesFromStatement puts on keys.
std::string Bare(const std::string& key) {
  return key.size() > 2 && key[1] == ':' ? key.substr(2) : key;
}

// The two name one place below a country, at least one of them after a
// locative ("strikes in Kabul"): a capital standing for its government
// ("Islamabad says") places nothing.
bool SharesLocatedPlace(const Prepared& x, const Prepared& y) {
  return Intersects(x.located_fine_places, y.fine_places) ||
         Intersects(x.fine_places, y.located_fine_places);
}

// The place rule of veto_place_conflicts (see the header). Call after the
// date vetoes: two day-precise windows here are within the tolerance.
bool PlacesConflict(const Prepared& a, const Prepared& b, int tolerance) {
  if (a.places.empty() || b.places.empty()) return false;
  const bool a_named = Intersects(a.places, b.doc_names);
  const bool b_named = Intersects(b.places, a.doc_names);
  // The same days (of the events, else of publication; each window at most
  // a week, as "on Sunday ... for strikes on Thursday" gives): one incident
  // may be told from different places of it ("a quake hit Taiz" /
  // "hospitals in Sanaa").
  const absl::optional<DayRange> wa = Anchor(a), wb = Anchor(b);
  auto within_week = [](const absl::optional<DayRange>& w) {
    return w && w->last - w->first <= 6;
  };
  if (within_week(wa) && within_week(wb) && Gap(*wa, *wb) <= tolerance) {
    return !a_named && !b_named;
  }
  // Otherwise each side's places below the country must be named in the
  // other's article: "a mosque in Peshawar" is not "strikes in Kabul" when
  // no report of the strikes mentions Peshawar.
  // In one article the other article's names prove nothing: two places of
  // its own ("talks in Doha", "to meet again in Istanbul") are two events.
  if (a.document == b.document) {
    return !a.own_fine_places.empty() && !b.own_fine_places.empty() &&
           !Intersects(a.own_fine_places, b.own_fine_places);
  }
  if (!a.fine_places.empty() || !b.fine_places.empty()) {
    return (!a.fine_places.empty() && !Intersects(a.fine_places, b.doc_names)) ||
           (!b.fine_places.empty() && !Intersects(b.fine_places, a.doc_names));
  }
  return !a_named && !b_named;
}

LinkScore Score(const Prepared& a, const Prepared& b, float similarity,
                const DenseAlignOptions& options, const Interner& interner,
                bool with_reasons) {
  LinkScore result;
  auto reason = [&](std::string r) {
    if (with_reasons) result.reasons.push_back(std::move(r));
  };
  reason(absl::StrCat("similarity ",
                      absl::SixDigits(std::round(similarity * 100) / 100)));
  const int tol = options.date_tolerance_days;
  if (a.any_when && b.any_when) {
    if (Gap(*a.any_when, *b.any_when) > tol) {
      result.vetoed = true;
      reason(absl::StrCat("different dates: ", Window(*a.any_when), " / ",
                          Window(*b.any_when), ": vetoed"));
      return result;
    }
  } else if (a.any_when || b.any_when) {
    const Prepared& dated = a.any_when ? a : b;
    const Prepared& other = a.any_when ? b : a;
    if (other.published_day &&
        int64_t{dated.any_when->first} - *other.published_day > tol) {
      result.vetoed = true;
      reason(absl::StrCat("dated after publication: ",
                          Window(*dated.any_when), " / published ",
                          Day(*other.published_day), ": vetoed"));
      return result;
    }
  }
  if (a.document != b.document && (a.undatable || b.undatable)) {
    result.vetoed = true;
    reason("undated article whose matches disagree on its date: vetoed");
    return result;
  }
  if (a.document != b.document &&
      similarity < options.min_untimed_similarity) {
    // Without dates the words must be closer; an estimated date with a
    // shared place is enough.
    const char* missing = nullptr;
    if (!Anchor(a) || !Anchor(b)) {
      missing = "no date";
    } else if ((a.estimated_when || b.estimated_when) &&
               !SharesLocatedPlace(a, b)) {
      missing = "estimated date and no shared place";
    }
    if (missing != nullptr) {
      result.vetoed = true;
      reason(absl::StrCat(
          missing, ": similarity ",
          absl::SixDigits(std::round(similarity * 100) / 100), " < ",
          absl::SixDigits(options.min_untimed_similarity), ": vetoed"));
      return result;
    }
  }
  if (options.veto_place_conflicts &&
      PlacesConflict(a, b, options.date_tolerance_days)) {
    result.vetoed = true;
    reason(absl::StrCat("different places: ", Names(a.places, interner),
                        " / ", Names(b.places, interner), ": vetoed"));
    return result;
  }
  if (options.veto_type_conflicts && a.known_types && b.known_types &&
      FamiliesConflict(a.any_types, b.any_types, interner)) {
    result.vetoed = true;
    reason(absl::StrCat("different event types: ",
                        Names(a.any_types, interner), " / ",
                        Names(b.any_types, interner), ": vetoed"));
    return result;
  }
  if (options.veto_name_conflicts && !a.names.empty() && !b.names.empty() &&
      !Intersects(a.names, b.doc_names) && !Intersects(b.names, a.doc_names)) {
    result.vetoed = true;
    reason(absl::StrCat("different names: ", Names(a.names, interner), " / ",
                        Names(b.names, interner), ": vetoed"));
    return result;
  }
  for (const Prepared* p : {&a, &b}) {
    if (p->resolved_in_estimate) {
      reason(absl::StrCat("date resolved in an undated article's estimate: ",
                          Window(*p->any_when)));
    } else if (p->estimated_when) {
      reason(absl::StrCat("estimated date of an undated article: ",
                          Window(*p->any_when)));
    }
  }
  float score = similarity;
  if (a.when && b.when && a.when->last - a.when->first <= 1 &&
      b.when->last - b.when->first <= 1 && Gap(*a.when, *b.when) == 0) {
    score += options.same_day_bonus;
    reason(absl::StrCat("same day ",
                        Day(std::max(a.when->first, b.when->first))));
  }
  std::vector<uint32_t> shared;
  Intersect(a.participants, b.participants, &shared);
  Intersect(a.locations, b.locations, &shared);
  Intersect(a.measures, b.measures, &shared);
  std::sort(shared.begin(), shared.end());
  shared.erase(std::unique(shared.begin(), shared.end()), shared.end());
  score += std::min(options.max_shared_bonus,
                    options.shared_feature_bonus * shared.size());
  if (with_reasons) {
    std::vector<uint32_t> keys;
    Intersect(a.keys, b.keys, &keys);
    std::vector<std::string> names;
    for (uint32_t k : keys) names.push_back(Bare(interner.Name(k)));
    for (uint32_t k : shared) names.push_back(interner.Name(k));
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    if (!names.empty()) reason(absl::StrCat("shared: ", absl::StrJoin(names, ", ")));
  }
  if (!a.types.empty() && !b.types.empty() && !Intersects(a.types, b.types)) {
    score -= options.type_conflict_penalty;
    reason(absl::StrCat("different event types: ", Names(a.types, interner),
                        " / ", Names(b.types, interner)));
  }
  if (!a.locations.empty() && !b.locations.empty() &&
      !Intersects(a.locations, b.locations)) {
    score -= options.location_conflict_penalty;
    reason(absl::StrCat("different places: ", Names(a.locations, interner),
                        " / ", Names(b.locations, interner)));
  }
  result.score = std::min(1.0f, std::max(0.0f, score));
  return result;
}

absl::Status Validate(const Eigen::MatrixXf& vectors,
                      const std::vector<StatementFeatures>& statements,
                      const DenseAlignOptions& options) {
  if (static_cast<size_t>(vectors.rows()) != statements.size()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "AlignDense: ", vectors.rows(), " vectors for ", statements.size(),
        " statements"));
  }
  if (options.top_k < 1 || options.time_window_days < 0 ||
      options.date_tolerance_days < 0 || options.date_estimate_slack_days < 0 ||
      options.max_block_size < 2) {
    return absl::InvalidArgumentError(
        "AlignDense: top_k must be >= 1, days >= 0, max_block_size >= 2");
  }
  for (size_t i = 0; i < statements.size(); ++i) {
    const auto& w = statements[i].when;
    const auto& c = statements[i].context_when;
    if ((w && w->first > w->last) || (c && c->first > c->last)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "AlignDense: statement ", i, " has a window that ends before it "
          "starts"));
    }
  }
  return absl::OkStatus();
}

// The shared state of both aligners: prepared features and the per-pair
// rule, so that the differential test compares only how pairs are found.
class Linker {
 public:
  // `estimates`: document -> estimated publication window, for the
  // statements of undated documents that have no window (see
  // DenseAlignOptions::date_estimate_slack_days).
  // `times_at` (may be empty) re-resolves those statements' own time
  // expressions within the window.
  Linker(const Eigen::MatrixXf& vectors,
         const std::vector<StatementFeatures>& statements,
         const DenseAlignOptions& options,
         const std::vector<EstimatedDate>& estimates,
         const TimesAt& times_at)
      : vectors_(vectors), options_(options), per_item_(statements.size()) {
    absl::flat_hash_map<uint32_t, EstimatedDate> window_of;
    for (const EstimatedDate& e : estimates) window_of[e.document] = e;
    prepared_.reserve(statements.size());
    for (size_t i = 0; i < statements.size(); ++i) {
      prepared_.push_back(Prepare(statements[i], &interner_,
                                  i > 0 ? &statements[i - 1] : nullptr,
                                  i > 0 ? &prepared_[i - 1] : nullptr));
      Prepared& p = prepared_.back();
      if (p.any_when || p.published_day) continue;
      auto it = window_of.find(p.document);
      if (it == window_of.end()) continue;
      if (it->second.ambiguous) {
        p.undatable = true;
        continue;
      }
      p.any_when = it->second.window;
      p.estimated_when = true;
      if (!times_at) continue;
      // The time extractor's rules only move forward with the publication
      // day, so resolutions at the window's ends bound those in between:
      // "October 9" in a window Sep 18..Nov 28 is Oct 9 whatever the day;
      // "last Wednesday" is any of Sep 17..Nov 26, hardly narrower than
      // the window.
      const DayRange w = it->second.window;
      const absl::optional<DayRange> early =
          WindowOfTimes(times_at(i, FromEpochDay(w.first)));
      const absl::optional<DayRange> late =
          WindowOfTimes(times_at(i, FromEpochDay(w.last)));
      if (!early || !late) continue;
      const DayRange hull{std::min(early->first, late->first),
                          std::max(early->last, late->last)};
      if (hull.last - hull.first < w.last - w.first) {
        p.any_when = hull;
        p.resolved_in_estimate = true;
      }
    }
  }

  const std::vector<Prepared>& prepared() const { return prepared_; }

  // Cheap conditions a block can check before the similarity.
  bool MayPair(uint32_t i, uint32_t j) const {
    const Prepared& x = prepared_[i];
    const Prepared& y = prepared_[j];
    return (options_.same_document || x.document != y.document) &&
           (options_.link_background || (!x.background && !y.background)) &&
           TimeCompatible(x, y, options_);
  }

  // The per-pair rule, i < j. Both aligners call it on every pair they find.
  void Check(uint32_t i, uint32_t j) {
    const Prepared& x = prepared_[i];
    const Prepared& y = prepared_[j];
    if (!MayPair(i, j) || !Intersects(x.keys, y.keys)) return;
    ++result_.candidate_pairs;
    const float sim = vectors_.row(i).dot(vectors_.row(j));
    if (sim < options_.min_similarity) return;
    const LinkScore s = Score(x, y, sim, options_, interner_, false);
    if (s.vetoed) {
      ++result_.vetoed_pairs;
      return;
    }
    if (s.score < options_.min_event_score) return;
    per_item_[i].push_back({j, s.score, sim});
    per_item_[j].push_back({i, s.score, sim});
  }

  void AddSkippedBlock() { ++result_.skipped_blocks; }

  // After the pairs are checked: the estimated windows of undated
  // documents from the candidates kept so far (see
  // DenseAlignOptions::date_estimate_slack_days), ordered by document.
  std::vector<EstimatedDate> EstimateDates() const;

  DenseAlignment Finish();

 private:
  struct Candidate {
    uint32_t other;
    float score;
    float similarity;
  };

  const Eigen::MatrixXf& vectors_;
  const DenseAlignOptions& options_;
  Interner interner_;
  std::vector<Prepared> prepared_;
  std::vector<std::vector<Candidate>> per_item_;
  DenseAlignment result_;
};

std::vector<EstimatedDate> Linker::EstimateDates() const {
  // document -> (publication day of a placed partner, vouching statement).
  absl::flat_hash_map<uint32_t, std::vector<std::pair<int32_t, uint32_t>>>
      votes_of;
  for (uint32_t i = 0; i < prepared_.size(); ++i) {
    const Prepared& x = prepared_[i];
    if (x.published_day || x.own_fine_places.empty()) continue;
    for (const Candidate& c : per_item_[i]) {
      const Prepared& y = prepared_[c.other];
      if (y.document == x.document || !y.published_day ||
          !SharesLocatedPlace(x, y)) {
        continue;
      }
      votes_of[x.document].emplace_back(*y.published_day, i);
    }
  }
  std::vector<EstimatedDate> out;
  const int32_t slack = options_.date_estimate_slack_days;
  for (auto& [document, votes] : votes_of) {
    // Groups of partner days, each day within `slack` of the one before;
    // a group's support is the number of statements that vouch for it.
    std::sort(votes.begin(), votes.end());
    std::vector<EstimatedDate> groups;
    for (size_t begin = 0; begin < votes.size();) {
      size_t end = begin + 1;
      while (end < votes.size() &&
             votes[end].first - votes[end - 1].first <= slack) {
        ++end;
      }
      absl::flat_hash_set<uint32_t> statements;
      for (size_t v = begin; v < end; ++v) statements.insert(votes[v].second);
      EstimatedDate g;
      g.document = document;
      g.window = DayRange{votes[begin].first - slack,
                          votes[end - 1].first + slack};
      g.support = static_cast<int>(statements.size());
      groups.push_back(g);
      begin = end;
    }
    std::stable_sort(groups.begin(), groups.end(),
                     [](const EstimatedDate& a, const EstimatedDate& b) {
                       return a.support > b.support;
                     });
    const int runner_up = groups.size() > 1 ? groups[1].support : 0;
    if (groups[0].support >= 2 && groups[0].support > 2 * runner_up) {
      out.push_back(groups[0]);
    } else if (groups.size() > 1) {
      // Stories of different times vouch for it alike ("floods in Kasese"
      // in 2024 and in 2025): no date can be told.
      EstimatedDate e;
      e.document = document;
      e.ambiguous = true;
      e.window = groups[0].window;
      for (const EstimatedDate& g : groups) {
        e.window.first = std::min(e.window.first, g.window.first);
        e.window.last = std::max(e.window.last, g.window.last);
        e.support += g.support;
      }
      out.push_back(e);
    }
  }
  std::sort(out.begin(), out.end(),
            [](const EstimatedDate& a, const EstimatedDate& b) {
              return a.document < b.document;
            });
  return out;
}

DenseAlignment Linker::Finish() {
  const uint32_t n = prepared_.size();
  // Top-k by score; a pair is linked when either side kept the other.
  absl::flat_hash_map<uint64_t, std::pair<float, float>> linked;
  for (uint32_t i = 0; i < n; ++i) {
    auto& c = per_item_[i];
    std::sort(c.begin(), c.end(), [](const Candidate& x, const Candidate& y) {
      return x.score != y.score ? x.score > y.score : x.other < y.other;
    });
    if (c.size() > static_cast<size_t>(options_.top_k)) c.resize(options_.top_k);
    for (const Candidate& k : c) {
      const uint32_t a = std::min(i, k.other), b = std::max(i, k.other);
      linked[(uint64_t{a} << 32) | b] = {k.score, k.similarity};
    }
  }
  std::vector<DenseLink> links;
  links.reserve(linked.size());
  for (const auto& [key, v] : linked) {
    DenseLink l;
    l.a = static_cast<uint32_t>(key >> 32);
    l.b = static_cast<uint32_t>(key & 0xFFFFFFFFu);
    l.score = v.first;
    l.similarity = v.second;
    links.push_back(std::move(l));
  }
  // Strongest first; ties by (a, b) for determinism.
  std::sort(links.begin(), links.end(),
            [](const DenseLink& x, const DenseLink& y) {
              if (x.score != y.score) return x.score > y.score;
              return x.a != y.a ? x.a < y.a : x.b < y.b;
            });

  // Union-find that refuses merges across conflicting dates. Per root: the
  // latest first day and the earliest last day of its members' windows; a
  // cluster is consistent while latest_first - earliest_last <= tolerance.
  std::vector<uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  std::vector<int64_t> latest_first(n, INT64_MIN), earliest_last(n, INT64_MAX);
  for (uint32_t i = 0; i < n; ++i) {
    if (prepared_[i].any_when) {
      latest_first[i] = prepared_[i].any_when->first;
      earliest_last[i] = prepared_[i].any_when->last;
    }
  }
  auto find = [&](uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  // Per root of a cluster with 2+ members: the sum of its rows, so that the
  // mean similarity of two clusters' members is one dot product.
  std::vector<uint32_t> size(n, 1);
  absl::flat_hash_map<uint32_t, Eigen::VectorXf> sum_of_root;
  auto sum = [&](uint32_t root) -> Eigen::VectorXf {
    if (size[root] == 1) return vectors_.row(root).transpose();
    return sum_of_root.at(root);
  };
  for (const DenseLink& l : links) {
    const uint32_t ra = find(l.a), rb = find(l.b);
    if (ra == rb) continue;
    const int64_t lf = std::max(latest_first[ra], latest_first[rb]);
    const int64_t el = std::min(earliest_last[ra], earliest_last[rb]);
    if (lf != INT64_MIN && el != INT64_MAX &&
        lf - el > options_.date_tolerance_days) {
      ++result_.refused_merges;
      continue;
    }
    // Both sides dated to within three days each (the windows their
    // members share), and consistent: the date vouches for one incident
    // whatever the words. A month-long window meeting a day does not.
    auto precise = [&](uint32_t r) {
      return latest_first[r] != INT64_MIN &&
             earliest_last[r] - latest_first[r] <= 2;
    };
    const bool same_days = precise(ra) && precise(rb);
    Eigen::VectorXf merged;
    if ((size[ra] > 1 || size[rb] > 1) && !same_days) {
      const Eigen::VectorXf sa = sum(ra), sb = sum(rb);
      const float mean = sa.dot(sb) / (float(size[ra]) * float(size[rb]));
      if (mean < options_.min_cluster_similarity) {
        ++result_.refused_merges;
        continue;
      }
      merged = sa + sb;
    } else {
      merged = vectors_.row(ra).transpose() + vectors_.row(rb).transpose();
    }
    const uint32_t root = std::min(ra, rb), child = std::max(ra, rb);
    parent[child] = root;
    latest_first[root] = lf;
    earliest_last[root] = el;
    size[root] = size[ra] + size[rb];
    sum_of_root.erase(child);
    sum_of_root[root] = std::move(merged);
  }

  DenseAlignment result = std::move(result_);
  for (DenseLink& l : links) {
    if (find(l.a) != find(l.b)) continue;
    const float sim = l.similarity;
    l.reasons =
        Score(prepared_[l.a], prepared_[l.b], sim, options_, interner_, true)
            .reasons;
    result.pairs.push_back(std::move(l));
  }
  std::sort(result.pairs.begin(), result.pairs.end(),
            [](const DenseLink& x, const DenseLink& y) {
              return x.a != y.a ? x.a < y.a : x.b < y.b;
            });
  absl::flat_hash_map<uint32_t, size_t> cluster_of_root;
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t r = find(i);
    auto [it, inserted] = cluster_of_root.try_emplace(r, result.clusters.size());
    if (inserted) result.clusters.emplace_back();
    result.clusters[it->second].push_back(i);
  }
  result.clusters.erase(
      std::remove_if(result.clusters.begin(), result.clusters.end(),
                     [](const std::vector<uint32_t>& c) { return c.size() < 2; }),
      result.clusters.end());
  return result;
}

int64_t FloorDiv(int64_t a, int64_t b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

}  // namespace

int32_t ToEpochDay(absl::CivilDay day) {
  return static_cast<int32_t>(day - absl::CivilDay(1970, 1, 1));
}

absl::CivilDay FromEpochDay(int32_t day) {
  return absl::CivilDay(1970, 1, 1) + day;
}

LinkScore ScoreLink(const StatementFeatures& a, const StatementFeatures& b,
                    float similarity, const DenseAlignOptions& options) {
  Interner interner;
  return Score(Prepare(a, &interner), Prepare(b, &interner), similarity,
               options, interner, true);
}

namespace {

// Checks every pair that shares a (key, time tile) block and reaches
// min_similarity in the block's product.
void CheckBlocked(const Eigen::MatrixXf& vectors,
                  const DenseAlignOptions& options, Linker* linker_ptr) {
  Linker& linker = *linker_ptr;
  const std::vector<Prepared>& prepared = linker.prepared();
  const int64_t w = options.time_window_days;
  const int64_t tile = 2 * w + 1;

  // Blocks: (key, tile) -> dated members; per key, the undated members
  // join every tile of the key (they are compatible with every date).
  absl::flat_hash_map<uint64_t, std::vector<uint32_t>> blocks;
  absl::flat_hash_map<uint32_t, std::vector<uint32_t>> undated;
  for (uint32_t i = 0; i < prepared.size(); ++i) {
    const absl::optional<DayRange> anchor = Anchor(prepared[i]);
    for (uint32_t key : prepared[i].keys) {
      if (!anchor) {
        undated[key].push_back(i);
        continue;
      }
      const int64_t t0 = FloorDiv(anchor->first, tile);
      const int64_t t1 = FloorDiv(int64_t{anchor->last} + w, tile);
      for (int64_t t = t0; t <= t1; ++t) {
        blocks[(uint64_t{key} << 32) | static_cast<uint32_t>(t)].push_back(i);
      }
    }
  }
  auto sort_unique = [](std::vector<uint32_t>* v) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  };
  for (auto& [key, members] : undated) sort_unique(&members);

  // Pairs found in any block; each is checked once, in sorted order.
  absl::flat_hash_set<uint64_t> found;
  Eigen::MatrixXf rows, others, sims;
  auto gather = [&](const std::vector<uint32_t>& members, Eigen::MatrixXf* m) {
    m->resize(members.size(), vectors.cols());
    for (size_t r = 0; r < members.size(); ++r) {
      m->row(r) = vectors.row(members[r]);
    }
  };
  auto add = [&](float sim, uint32_t i, uint32_t j) {
    if (sim < options.min_similarity - kBlockSlack) return;
    if (i > j) std::swap(i, j);
    if (linker.MayPair(i, j)) found.insert((uint64_t{i} << 32) | j);
  };
  // The pairs within `a`, and those between `a` and the disjoint `b`.
  auto within = [&](const std::vector<uint32_t>& a) {
    gather(a, &rows);
    sims.noalias() = rows * rows.transpose();
    for (size_t c = 1; c < a.size(); ++c) {
      for (size_t r = 0; r < c; ++r) add(sims(r, c), a[r], a[c]);
    }
  };
  auto across = [&](const std::vector<uint32_t>& a,
                    const std::vector<uint32_t>& b) {
    gather(a, &rows);
    gather(b, &others);
    sims.noalias() = rows * others.transpose();
    for (size_t c = 0; c < b.size(); ++c) {
      for (size_t r = 0; r < a.size(); ++r) add(sims(r, c), a[r], b[c]);
    }
  };
  auto too_big = [&](size_t m) {
    if (m <= static_cast<size_t>(options.max_block_size)) return false;
    linker.AddSkippedBlock();
    return true;
  };
  // A key's undated members among themselves once, not in each of its
  // tiles; each (key, tile) block is its dated members and the key's
  // undated ones.
  static const std::vector<uint32_t> kNone;
  for (const auto& [key, members] : undated) {
    if (members.size() >= 2 && !too_big(members.size())) within(members);
  }
  for (auto& [block, members] : blocks) {
    sort_unique(&members);
    auto it = undated.find(static_cast<uint32_t>(block >> 32));
    const std::vector<uint32_t>& others_of_key =
        it == undated.end() ? kNone : it->second;
    const size_t m = members.size() + others_of_key.size();
    if (m < 2 || too_big(m)) continue;
    within(members);
    if (!others_of_key.empty()) across(members, others_of_key);
  }
  blocks.clear();
  std::vector<uint64_t> pairs(found.begin(), found.end());
  found.clear();
  std::sort(pairs.begin(), pairs.end());
  for (uint64_t p : pairs) {
    linker.Check(static_cast<uint32_t>(p >> 32),
                 static_cast<uint32_t>(p & 0xFFFFFFFFu));
  }
}

void CheckAllPairs(Linker* linker) {
  const uint32_t n = linker->prepared().size();
  for (uint32_t i = 0; i < n; ++i) {
    for (uint32_t j = i + 1; j < n; ++j) linker->Check(i, j);
  }
}

// Some document has no publication day and some other has one.
bool MayEstimate(const std::vector<StatementFeatures>& statements) {
  bool dated = false, undated = false;
  for (const StatementFeatures& f : statements) {
    (f.published_day ? dated : undated) = true;
    if (dated && undated) return true;
  }
  return false;
}

// Both aligners: `check(linker)` checks the pairs; an estimating first pass
// when some documents are undated (DenseAlignOptions::date_estimate_slack_days).
template <typename CheckFn>
absl::StatusOr<DenseAlignment> Align(
    const Eigen::MatrixXf& vectors,
    const std::vector<StatementFeatures>& statements,
    const DenseAlignOptions& options, const TimesAt& times_at,
    CheckFn check) {
  absl::Status status = Validate(vectors, statements, options);
  if (!status.ok()) return status;
  std::vector<EstimatedDate> estimates;
  if (options.date_estimate_slack_days > 0 && MayEstimate(statements)) {
    // Undated statements would all fall under min_untimed_similarity; the
    // first pass looks for the links that date them.
    DenseAlignOptions first = options;
    first.min_untimed_similarity = 0;
    Linker probe(vectors, statements, first, {}, nullptr);
    check(&probe);
    estimates = probe.EstimateDates();
  }
  Linker linker(vectors, statements, options, estimates, times_at);
  check(&linker);
  DenseAlignment result = linker.Finish();
  result.estimated_dates = std::move(estimates);
  return result;
}

}  // namespace

absl::StatusOr<DenseAlignment> AlignDense(
    const Eigen::MatrixXf& vectors,
    const std::vector<StatementFeatures>& statements,
    const DenseAlignOptions& options, const TimesAt& times_at) {
  return Align(vectors, statements, options, times_at, [&](Linker* linker) {
    CheckBlocked(vectors, options, linker);
  });
}

absl::StatusOr<DenseAlignment> AlignDenseAllPairs(
    const Eigen::MatrixXf& vectors,
    const std::vector<StatementFeatures>& statements,
    const DenseAlignOptions& options, const TimesAt& times_at) {
  return Align(vectors, statements, options, times_at, CheckAllPairs);
}

void AddDocumentContext(std::vector<StatementFeatures>* statements) {
  std::vector<StatementFeatures>& f = *statements;
  // Words used as places anywhere in the run name places everywhere in it:
  // "Hospitals in Taiz" teaches that "an earthquake hit Taiz" names a place.
  absl::flat_hash_set<std::string> gazetteer;
  for (const StatementFeatures& s : f) {
    gazetteer.insert(s.places.begin(), s.places.end());
  }
  for (StatementFeatures& s : f) {
    const size_t own = s.places.size();
    for (const std::string& name : s.names) {
      if (gazetteer.contains(name)) s.places.push_back(name);
    }
    if (gazetteer.contains(s.initial_name)) s.places.push_back(s.initial_name);
    if (s.places.size() != own) {
      std::sort(s.places.begin(), s.places.end());
      s.places.erase(std::unique(s.places.begin(), s.places.end()),
                     s.places.end());
    }
  }
  // Rows of each document, in row order.
  absl::flat_hash_map<uint32_t, std::vector<uint32_t>> rows_of;
  for (uint32_t i = 0; i < f.size(); ++i) rows_of[f[i].document].push_back(i);
  for (const auto& [document, rows] : rows_of) {
    // The main window: the first day-precise window that does not start
    // after publication (news puts its event in the lead).
    absl::optional<DayRange> main;
    for (uint32_t i : rows) {
      const absl::optional<DayRange>& w = f[i].when;
      if (!w || w->last - w->first > 2) continue;
      const absl::optional<int32_t>& pub = f[i].published_day;
      if (pub && w->first > *pub) continue;
      main = w;
      break;
    }
    // The main statements: undated, or overlapping the main window. The
    // others recall another event and get no context.
    auto is_main = [&](uint32_t i) {
      const absl::optional<DayRange>& w = f[i].when;
      return !main || !w || Gap(*w, *main) == 0;
    };
    std::vector<std::string> places, dated_types, undated_types, names;
    for (uint32_t i : rows) {
      if (!is_main(i)) continue;
      names.insert(names.end(), f[i].names.begin(), f[i].names.end());
      names.insert(names.end(), f[i].places.begin(), f[i].places.end());
      if (!f[i].initial_name.empty()) names.push_back(f[i].initial_name);
      places.insert(places.end(), f[i].places.begin(), f[i].places.end());
      std::vector<std::string>& types = f[i].when ? dated_types : undated_types;
      types.insert(types.end(), f[i].event_types.begin(),
                   f[i].event_types.end());
    }
    // The kind of event is what the dated main statements say ("a quake
    // struck on Tuesday"), else what the undated ones say: an aside about
    // landslides does not make a quake a flood.
    std::vector<std::string>& types =
        dated_types.empty() ? undated_types : dated_types;
    for (std::vector<std::string>* v : {&places, &types, &names}) {
      std::sort(v->begin(), v->end());
      v->erase(std::unique(v->begin(), v->end()), v->end());
    }
    for (uint32_t i : rows) {
      if (!is_main(i)) continue;
      f[i].context_when = main;
      f[i].context_places = places;
      f[i].context_types = types;
      f[i].document_names = names;
    }
  }
}

DenseAlignOptions DenseAlignOptionsFromConfig(const v1::Config& config) {
  DenseAlignOptions o;
  if (config.min_similarity() > 0) o.min_similarity = config.min_similarity();
  if (config.top_k() > 0) o.top_k = static_cast<int>(config.top_k());
  o.same_document = !config.skip_same_document();
  if (config.has_time_window_days()) {
    o.time_window_days = static_cast<int>(config.time_window_days());
  }
  if (config.has_date_tolerance_days()) {
    o.date_tolerance_days = static_cast<int>(config.date_tolerance_days());
  }
  if (config.min_event_score() > 0) o.min_event_score = config.min_event_score();
  if (config.max_block_size() > 0) {
    o.max_block_size = static_cast<int>(config.max_block_size());
  }
  if (config.min_cluster_similarity() > 0) {
    o.min_cluster_similarity = config.min_cluster_similarity();
  }
  o.link_background = config.link_background();
  if (config.min_untimed_similarity() > 0) {
    o.min_untimed_similarity = config.min_untimed_similarity();
  }
  if (config.has_date_estimate_slack_days()) {
    o.date_estimate_slack_days =
        static_cast<int>(config.date_estimate_slack_days());
  }
  return o;
}

void FillAlignDefaults(v1::Config* config) {
  const DenseAlignOptions o = DenseAlignOptionsFromConfig(*config);
  config->set_time_window_days(o.time_window_days);
  config->set_date_tolerance_days(o.date_tolerance_days);
  config->set_min_event_score(o.min_event_score);
  config->set_max_block_size(o.max_block_size);
  config->set_min_cluster_similarity(o.min_cluster_similarity);
  config->set_min_untimed_similarity(o.min_untimed_similarity);
  config->set_date_estimate_slack_days(o.date_estimate_slack_days);
}

namespace {

// Capitalized words that say nothing about the event.
bool IsStopWord(absl::string_view lower) {
  static const auto* const kStop = new absl::flat_hash_set<std::string>{
      "the", "and", "but", "for", "with", "from", "into", "after", "before",
      "this", "that", "these", "those", "its", "his", "her", "their", "our",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "january", "february", "march", "april", "may", "june",
      "july", "august", "september", "october", "november", "december",
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
      "nov", "dec", "mr", "mrs", "ms", "dr"};
  return kStop->contains(std::string(lower));
}

// Prepositions after which a capitalized word names a place.
bool IsLocative(absl::string_view lower) {
  static const auto* const kLocative = new absl::flat_hash_set<std::string>{
      "in", "near", "outside", "around", "across", "throughout", "inside"};
  return kLocative->contains(std::string(lower));
}

// Words after which "in X" names a seat, not where something happened: a
// government's ("in power in Kabul", "the authorities in Ankara said") or an
// organization's ("a group based in Afghanistan"). The place then speaks of
// who acts, as "Kabul says" does, and dates or joins nothing.
bool IsSeatWord(absl::string_view lower) {
  static const auto* const kSeat = new absl::flat_hash_set<std::string>{
      "power",      "government", "governments",    "regime",
      "authorities", "officials",  "rulers",        "leaders",
      "leadership", "administration", "embassy",    "embassies",
      "ministry",   "based",      "headquartered"};
  return kSeat->contains(std::string(lower));
}

// Lower-case words that may stand between a locative and its place.
bool IsRegionWord(absl::string_view lower) {
  static const auto* const kRegion = new absl::flat_hash_set<std::string>{
      "north", "south", "east", "west", "northern", "southern", "eastern",
      "western", "central", "northeast", "northwest", "southeast",
      "southwest", "northeastern", "northwestern", "southeastern",
      "southwestern", "downtown", "rural", "coastal", "neighboring",
      "neighbouring"};
  return kRegion->contains(std::string(lower));
}

// "ukraine's" / "türkiye’s" -> "ukraine" / "türkiye".
std::string StripPossessive(std::string word) {
  for (absl::string_view suffix : {"'s", "\xE2\x80\x99s"}) {
    if (absl::EndsWith(word, suffix) && word.size() > suffix.size()) {
      word.resize(word.size() - suffix.size());
      break;
    }
  }
  return word;
}

}  // namespace

absl::optional<DayRange> WindowOfTimes(
    const google::protobuf::RepeatedPtrField<v1::TimeExpression>& times) {
  // Finest granularity first.
  static constexpr v1::TimeExpression::Granularity kOrder[] = {
      v1::TimeExpression::DAY, v1::TimeExpression::WEEK,
      v1::TimeExpression::MONTH, v1::TimeExpression::YEAR};
  for (v1::TimeExpression::Granularity g : kOrder) {
    absl::optional<DayRange> hull;
    for (const v1::TimeExpression& t : times) {
      if (t.granularity() != g || t.start().empty() || t.end().empty()) continue;
      absl::CivilDay start, end;
      if (!absl::ParseCivilTime(t.start(), &start) ||
          !absl::ParseCivilTime(t.end(), &end) || end < start) {
        continue;
      }
      const DayRange r{ToEpochDay(start), ToEpochDay(end)};
      if (!hull) {
        hull = r;
      } else {
        hull->first = std::min(hull->first, r.first);
        hull->last = std::max(hull->last, r.last);
      }
    }
    if (hull) return hull;
  }
  return absl::nullopt;
}

// The families of an event type from core/event's lexicon: two statements
// conflict on type only when their families differ ("attack" and "clash"
// both tell violence; "protest" and "earthquake" do not meet). A type may
// belong to several families ("explosion": violence, fire or transport). Types that
// say nothing about which event ("arrest", which happens at protests and in
// wars; the generic "event") give none; unknown types are their own family.
std::vector<std::string> EventFamilies(absl::string_view type) {
  static const auto* const kFamilies =
      new absl::flat_hash_map<std::string, std::vector<std::string>>{
          {"attack", {"violence"}},       {"air strike", {"violence"}},
          {"drone strike", {"violence"}}, {"shelling", {"violence"}},
          {"clash", {"violence"}},        {"bombing", {"violence"}},
          {"explosion", {"violence", "fire", "transport"}},
          {"ambush", {"violence"}},       {"raid", {"violence"}},
          {"shooting", {"violence"}},     {"invasion", {"violence"}},
          {"cyberattack", {"violence"}},  {"kidnapping", {"violence"}},
          {"assassination", {"violence"}},
          {"ceasefire", {"diplomacy"}},   {"talks", {"diplomacy"}},
          {"agreement", {"diplomacy"}},
          {"march", {"protest"}},         {"protest", {"protest"}},
          {"rally", {"protest"}},         {"strike", {"protest"}},
          {"riot", {"protest"}},          {"crackdown", {"protest", "violence"}},
          {"collapse", {"disaster"}},
          // Natural disasters: one family per cause, so that a flood and an
          // earthquake on the same day conflict, while a quake's landslides
          // or a storm's floods do not.
          {"earthquake", {"seismic"}},
          {"tsunami", {"seismic", "weather"}},
          {"landslide", {"seismic", "weather"}},
          {"avalanche", {"seismic", "weather"}},
          {"eruption", {"volcanic", "seismic"}},
          {"flood", {"weather"}},         {"storm", {"weather"}},
          {"drought", {"heat"}},          {"heatwave", {"heat", "fire"}},
          {"fire", {"fire", "violence", "heat"}},
          {"crash", {"transport"}},
          {"election", {"election"}},     {"vote", {"election"}},
          {"results", {"business"}},      {"layoffs", {"business"}},
          {"resignation", {"business"}},  {"merger", {"business"}},
          {"acquisition", {"business"}},  {"bankruptcy", {"business"}},
          {"arrest", {}},                 {"event", {}}};
  const std::string key = absl::AsciiStrToLower(type);
  auto it = kFamilies->find(key);
  if (it == kFamilies->end()) return {key};
  return it->second;
}

StatementFeatures FeaturesFromStatement(
    const v1::Statement& statement, uint32_t document,
    absl::optional<absl::CivilDay> published) {
  StatementFeatures f;
  f.document = document;
  if (published) f.published_day = ToEpochDay(*published);
  f.when = WindowOfTimes(statement.times());
  for (const v1::EventFrame& frame : statement.frames()) {
    for (std::string& family : EventFamilies(frame.type())) {
      f.event_types.push_back(std::move(family));
    }
    for (const std::string& l : frame.locations()) f.locations.push_back(l);
    for (const std::string& p : frame.agents()) f.participants.push_back(p);
    for (const std::string& p : frame.targets()) f.participants.push_back(p);
  }
  for (const v1::Quantity& q : statement.quantities()) {
    if (q.measure() == v1::Quantity::MEASURE_UNSPECIFIED) continue;
    f.measures.push_back(absl::StrCat(
        absl::AsciiStrToLower(v1::Quantity::Measure_Name(q.measure())), "|",
        q.subject()));
  }
  // Capitalized words. Bytes >= 0x80 count as letters, so UTF-8 words stay
  // whole ("Türkiye"). Keys and names take the words after the first one;
  // places those in a run right after a locative preposition.
  const std::string& text = statement.text();
  auto is_letter = [](char c) {
    const unsigned char u = static_cast<unsigned char>(c);
    return u >= 0x80 || absl::ascii_isalpha(u);
  };
  bool first_word = true;
  // 0: no place run; 1: just after a locative ("in", "in the"); 2: inside a
  // run of capitalized words that started there.
  int place_state = 0;
  std::string previous;  // the word before, lower case
  size_t i = 0;
  while (i < text.size()) {
    if (!is_letter(text[i])) {
      // Punctuation other than a space ends a run of place words
      // ("in Kasese, police said").
      if (text[i] != ' ') place_state = 0;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && is_letter(text[j])) ++j;
    const std::string lower = absl::AsciiStrToLower(text.substr(i, j - i));
    const bool capitalized =
        absl::ascii_isupper(static_cast<unsigned char>(text[i]));
    if (capitalized && j - i >= 3 && !IsStopWord(lower)) {
      std::string bare = StripPossessive(lower);
      // "in the Taliban's gestures", "in the army's plan": the owner of
      // something, not a place ("in Pakistan's northwest" stays one).
      const bool owner =
          previous == "the" &&
          (bare.size() != lower.size() || text.compare(j, 2, "'s") == 0);
      if (place_state > 0 && !owner) f.places.push_back(bare);
      if (first_word) {
        f.initial_name = std::move(bare);
      } else {
        f.blocking_keys.push_back("w:" + lower);
        f.names.push_back(std::move(bare));
      }
      place_state = place_state > 0 ? 2 : 0;
    } else if (IsLocative(lower)) {
      place_state = IsSeatWord(previous) ? 0 : 1;
    } else if (place_state == 1 && (lower == "the" || IsRegionWord(lower))) {
      // "in the Visayas", "in northern Iraq": still just after the
      // locative.
    } else {
      place_state = 0;
    }
    first_word = false;
    previous = lower;
    i = j;
  }
  for (const v1::EventFrame& frame : statement.frames()) {
    for (const std::string& l : frame.locations()) {
      for (absl::string_view w : absl::StrSplit(l, ' ', absl::SkipEmpty())) {
        if (w.size() < 3 || !absl::ascii_isupper(static_cast<unsigned char>(w[0])))
          continue;
        const std::string lower = StripPossessive(absl::AsciiStrToLower(w));
        if (IsStopWord(lower)) continue;
        f.places.push_back(lower);
        f.names.push_back(lower);
      }
    }
  }
  auto sort_unique = [](std::vector<std::string>* v) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  };
  sort_unique(&f.places);
  sort_unique(&f.names);
  f.located_places = f.places;
  // A denial, accusation, claim of responsibility or refusal to confirm is
  // a claim about an act, which other sources may contest.
  const bool contested = std::any_of(
      statement.attributions().begin(), statement.attributions().end(),
      [](const v1::Attribution& a) {
        return a.stance() != v1::Attribution::ASSERTS &&
               a.stance() != v1::Attribution::ESTIMATES &&
               a.stance() != v1::Attribution::STANCE_UNSPECIFIED;
      });
  f.background = !contested && f.event_types.empty() && f.measures.empty() &&
                 !(f.when && f.when->last - f.when->first <= 2) &&
                 std::all_of(f.places.begin(), f.places.end(),
                             [](const std::string& w) { return IsCountryWord(w); });
  for (const std::string& t : f.event_types) f.blocking_keys.push_back("t:" + t);
  for (const std::string& l : f.locations) f.blocking_keys.push_back("l:" + l);
  for (const std::string& m : f.measures) f.blocking_keys.push_back("m:" + m);
  return f;
}

}  // namespace factdiff
