#include "core/compare/numeric.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/match.h"
#include "core/compare/attributed_source.h"
#include "core/compare/figure_context.h"
#include "core/compare/finding_util.h"

namespace factdiff {
namespace {

using v1::Finding;
using v1::Quantity;
using v1::Statement;

// A vague amount ("thousands", "dozens") is compared with room to spare:
// writers use "thousands" for 20,000 and "a few" for a dozen, so its
// interval is widened to [low / kVagueSlack, high * kVagueSlack] before the
// overlap test. Only an order-of-magnitude gap against a vague word is a
// finding.
constexpr double kVagueSlack = 3.0;

double Low(const Quantity& q) {
  return q.bound() == Quantity::VAGUE ? q.low() / kVagueSlack : q.low();
}
double High(const Quantity& q) {
  return q.bound() == Quantity::VAGUE ? q.high() * kVagueSlack : q.high();
}

// Two counts at least this many times apart are taken to differ in scope.
constexpr double kScopeRatio = 10.0;
// The similarity credited to two adjacent sentences of one article that the
// aligner did not link: the middle of the confidence scale's range.
constexpr double kAdjacentSimilarity = 0.35;
// The most confidence a comparison across articles gets when one article is
// undated and its sentence names no date while the other's does.
constexpr double kUnplacedCap = 0.45;

bool IntervalsDisjoint(const Quantity& a, const Quantity& b) {
  auto eps = [](double x) { return 1e-9 * std::max(1.0, std::fabs(x)); };
  return High(a) + eps(High(a)) < Low(b) || High(b) + eps(High(b)) < Low(a);
}

bool MeasuresMatch(const Quantity& a, const Quantity& b) {
  if (a.measure() == Quantity::MEASURE_UNSPECIFIED || a.measure() != b.measure())
    return false;
  if (a.measure() == Quantity::OTHER) return a.measure_word() == b.measure_word();
  return true;
}

// Words of a later report saying that a toll went up, or was revised.
constexpr absl::string_view kRiseCues[] = {
    "rose to",     "risen to",     "rising to",  "climbed to", "climbing to",
    "jumped to",   "increased to", "mounted to", "has risen",  "has climbed"};
constexpr absl::string_view kRevisionCues[] = {
    "revised", "raised the toll", "lowered the toll", "raised the death toll",
    "lowered the death toll"};

template <size_t N>
bool HasCue(const std::string& text, const absl::string_view (&cues)[N]) {
  const std::string lower = absl::AsciiStrToLower(text);
  for (absl::string_view cue : cues) {
    if (absl::StrContains(lower, cue)) return true;
  }
  return false;
}

bool CumulativeMeasure(Quantity::Measure m) {
  return m == Quantity::KILLED || m == Quantity::WOUNDED ||
         m == Quantity::ARRESTED || m == Quantity::DISPLACED ||
         m == Quantity::MISSING;
}

// Resolved dates of a statement as [start, end] ISO strings, or none.
bool DateRange(const Statement& s, std::string* start, std::string* end) {
  bool any = false;
  for (const auto& t : s.times()) {
    if (t.start().empty() || t.granularity() == v1::TimeExpression::DURATION) {
      continue;
    }
    if (!any || t.start() < *start) *start = t.start();
    if (!any || t.end() > *end) *end = t.end();
    any = true;
  }
  return any;
}

// The day range a statement's dates cover: its resolved times, and the
// years it names that no time expression read ("the 2022 election").
bool DayRange(const Statement& s, int64_t* first, int64_t* last) {
  bool any = false;
  auto add = [&](int64_t b, int64_t e) {
    if (!any || b < *first) *first = b;
    if (!any || e > *last) *last = e;
    any = true;
  };
  std::string start, end;
  if (DateRange(s, &start, &end)) {
    const auto b = compare_internal::DayNumber(start);
    const auto e = compare_internal::DayNumber(end);
    if (b && e) add(*b, *e);
  }
  for (const auto& [b, e] : compare_internal::BareYears(s)) add(b, e);
  return any;
}

// A statement without a date reports what is current when its article
// appears: the days up to its publication, this many days back. A figure
// dated wholly before that window (an ambush three weeks earlier, last
// year's flood) is another incident.
constexpr int kRecentDays = 10;

// Whether the statements' dates lie more than `tolerance` days apart (one
// night's fighting spans two dates: "Saturday night" and "said Sunday").
// When only one is dated, the other is taken to speak of the days before
// its publication (kRecentDays); a dated figure that ends before them
// conflicts. Future dates ("by the end of 2027") never conflict that way.
bool DatesConflict(const Statement& a, const v1::Document& da,
                   const Statement& b, const v1::Document& db, int tolerance) {
  int64_t a0, a1, b0, b1;
  const bool ha = DayRange(a, &a0, &a1);
  const bool hb = DayRange(b, &b0, &b1);
  if (ha && hb) return b0 - a1 > tolerance || a0 - b1 > tolerance;
  if (ha == hb) return false;
  const int64_t dated_last = ha ? a1 : b1;
  const auto published =
      compare_internal::DayNumber(ha ? db.published() : da.published());
  if (!published) return false;
  return dated_last < *published - kRecentDays - tolerance;
}

// What a figure counts, for matching: its subject; "people" for a death
// toll; for a figure that names itself (a turnout, a profit, a revenue, a
// magnitude) its measure word, singular ("net profit", "turnout").
std::string ComparableSubject(const Quantity& q) {
  if (!q.subject().empty()) return q.subject();
  // A death toll counts people unless the text says who.
  if (q.measure() == Quantity::KILLED &&
      (q.measure_word() == "death toll" || q.measure_word() == "toll")) {
    return "people";
  }
  static const auto* const kSelfNaming = new std::set<std::string>{
      "turnout", "attendance", "revenue", "revenues", "profit", "profits",
      "sales", "loss", "losses", "income", "earnings", "budget", "cost",
      "costs", "damage", "damages", "aid", "funding", "compensation",
      "price", "fine", "magnitude"};
  std::string word = q.measure_word();
  const size_t space = word.rfind(' ');
  const std::string last = space == std::string::npos ? word : word.substr(space + 1);
  if (!kSelfNaming->count(last)) return "";
  if (word.size() > 4 && absl::EndsWith(word, "es") &&
      (absl::EndsWith(word, "losses"))) {
    word.resize(word.size() - 2);
  } else if (word.size() > 3 && word.back() == 's' &&
             !absl::EndsWith(word, "sales") &&
             !absl::EndsWith(word, "earnings") &&
             !absl::EndsWith(word, "damages")) {
    word.pop_back();
  }
  return word;
}

std::string FormatNumber(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15) {
    return absl::StrFormat("%.0f", v);
  }
  return absl::StrFormat("%g", v);
}

std::string FormatInterval(const Quantity& q) {
  if (q.low() == q.high()) return FormatNumber(q.low());
  return absl::StrCat(FormatNumber(q.low()), "-", FormatNumber(q.high()));
}

// Who a source is, for a reader: the surface ("the interior ministry"),
// or the name it was resolved to when the surface is a pronoun ("he").
std::string SourceLabel(const v1::Attribution& a) {
  static const auto* const kPronouns = new std::set<std::string>{
      "he", "she", "they", "it", "we", "i", "you"};
  const std::string lower = absl::AsciiStrToLower(a.source());
  if (kPronouns->count(lower) && !a.source_normalized().empty()) {
    return a.source_normalized();
  }
  return a.source();
}

// The source of quantity `q` of `s`: the attribution found by core/attribution
// whose content (or whole span) holds the figure; else the heuristic reading
// of the clause that holds it (attributed_source.h), for statements that
// come without attributions.
std::string SourceOf(const Statement& s, const Quantity& q) {
  if (const v1::Attribution* a =
          compare_internal::CoveringAttribution(s, q.span())) {
    if (!a->source().empty()) return SourceLabel(*a);
  }
  const std::string& text = s.text();
  const size_t offset = q.span().begin() - s.span().begin();
  for (const auto& [b, e] : SplitClauses(text)) {
    if (offset >= b && offset < e) {
      std::string src = AttributedSource(absl::string_view(text).substr(b, e - b));
      if (!src.empty()) return src;
    }
  }
  return AttributedSource(text);
}

// Two sources are the same when their last words match, case and
// possessives aside ("the commission" and "the Central Electoral
// Commission", "the military" and "pakistan's military"), unless their
// distinctive words show two different actors ("Estova's defense
// ministry", "Malvar's defense ministry"): a deliberately loose test, it
// only decides whether a disagreement is explained by different sources.
bool SameSource(const std::string& a, const std::string& b) {
  const std::string la = compare_internal::NormalizeActor(a);
  const std::string lb = compare_internal::NormalizeActor(b);
  if (la == lb) return true;
  if (compare_internal::ActorsDiffer(la, lb)) return false;
  const size_t pa = la.find_last_of(' '), pb = lb.find_last_of(' ');
  const std::string ha = pa == std::string::npos ? la : la.substr(pa + 1);
  const std::string hb = pb == std::string::npos ? lb : lb.substr(pb + 1);
  return !ha.empty() && ha == hb;
}

struct Side {
  uint32_t statement;
  int quantity;  // index into the statement's quantities
  std::string source;
};

struct PairFinding {
  Side a, b;
  double similarity;
  double confidence;
  Finding::Cause cause;
  std::string event_id;
  bool scope_cue = false;  // a sentence says a figure leaves something out
};

std::string DocLabel(const v1::Document& d) {
  return d.source().empty() ? d.id() : d.source();
}

// What happened, as a reader says it after the subject: "soldiers killed",
// "people taking part". OTHER measures use their own word.
std::string MeasureName(const Quantity& q) {
  switch (q.measure()) {
    case Quantity::KILLED:
      return "killed";
    case Quantity::WOUNDED:
      return "wounded";
    case Quantity::ARRESTED:
      return "arrested";
    case Quantity::DISPLACED:
      return "displaced";
    case Quantity::MISSING:
      return "missing";
    case Quantity::PARTICIPATED:
      return "taking part";
    case Quantity::ATTACKS:
      return "attacks";
    case Quantity::CAPTURED:
      return "captured or destroyed";
    case Quantity::VOTES:
      return "votes";
    case Quantity::MONEY:
      return "amount";
    default:
      return q.measure_word();
  }
}

std::string Plural(const std::string& subject) {
  if (subject.empty() || subject == "people") return subject;
  if (subject.back() == 'y' && subject.size() > 2) {
    return subject.substr(0, subject.size() - 1) + "ies";
  }
  if (subject.back() == 's') return subject;
  return subject + "s";
}

v1::Claim MakeClaim(const Side& side, const std::vector<Statement>& statements,
                    const std::vector<v1::Document>& documents,
                    const std::vector<uint32_t>& document_of) {
  const Statement& s = statements[side.statement];
  const v1::Document& d = documents[document_of[side.statement]];
  v1::Claim c;
  c.set_document_id(s.document_id());
  *c.mutable_span() = s.span();
  c.set_text(s.text());
  c.set_statement_id(s.id());
  c.set_line(s.line() + (d.text_line() > 0 ? d.text_line() - 1 : 0));
  *c.mutable_quantity() = s.quantities(side.quantity);
  c.set_source(d.source());
  c.set_published(d.published());
  c.set_attributed_to(side.source);
  return c;
}

}  // namespace

bool SubjectsCompatible(const std::string& a, const std::string& b,
                        bool* exact) {
  *exact = a == b;
  if (a.empty() || b.empty()) return false;
  if (*exact) return true;
  std::vector<std::string> wa = absl::StrSplit(a, ' ', absl::SkipEmpty());
  std::vector<std::string> wb = absl::StrSplit(b, ' ', absl::SkipEmpty());
  if (wa.empty() || wb.empty() || wa.back() != wb.back()) return false;
  std::set<std::string> qa(wa.begin(), wa.end() - 1), qb(wb.begin(), wb.end() - 1);
  return std::includes(qa.begin(), qa.end(), qb.begin(), qb.end()) ||
         std::includes(qb.begin(), qb.end(), qa.begin(), qa.end());
}

Finding::Severity SeverityFor(double confidence) {
  if (confidence >= 0.8) return Finding::HIGH;
  if (confidence >= 0.6) return Finding::MEDIUM;
  return Finding::LOW;
}

std::vector<Finding> FindNumericMismatches(
    const std::vector<Statement>& statements,
    const std::vector<v1::Document>& documents,
    const std::vector<uint32_t>& document_of,
    const std::vector<AlignedPair>& pairs,
    const std::vector<std::string>& event_of, const CompareOptions& options) {
  std::vector<PairFinding> found;

  auto consider = [&](uint32_t si, int qi, uint32_t sj, int qj, double sim) {
    const Statement& s1 = statements[si];
    const Statement& s2 = statements[sj];
    const Quantity& q1 = s1.quantities(qi);
    const Quantity& q2 = s2.quantities(qj);
    bool exact_subject = false;
    // A vague amount ("hundreds", "dozens") is a reader's impression, not a
    // count: it may confirm a figure but never makes a finding.
    if (q1.bound() == Quantity::VAGUE || q2.bound() == Quantity::VAGUE) return;
    if (!MeasuresMatch(q1, q2) || q1.unit() != q2.unit() ||
        q1.trend() != q2.trend() ||
        !SubjectsCompatible(ComparableSubject(q1), ComparableSubject(q2),
                            &exact_subject) ||
        !IntervalsDisjoint(q1, q2)) {
      return;
    }
    const bool same_doc = document_of[si] == document_of[sj];
    if (same_doc && options.skip_same_document) return;
    if (si != sj &&
        DatesConflict(s1, documents[document_of[si]], s2,
                      documents[document_of[sj]], options.date_tolerance_days)) {
      return;
    }
    // Counts held by different named owners ("Party A won 58 seats",
    // "Party B won 71 seats"; "X's revenue" and "Y's revenue").
    const std::string holder1 = compare_internal::FigureHolder(s1, q1);
    const std::string holder2 = compare_internal::FigureHolder(s2, q2);
    if (!holder1.empty() && !holder2.empty() &&
        compare_internal::ActorsDiffer(holder1, holder2)) {
      return;
    }
    // A total over many incidents is not one incident's count; a figure of
    // an earlier incident named as a point in time ("days after 11
    // soldiers died") is not the main event's.
    if (compare_internal::IsAggregate(s1, q1) !=
            compare_internal::IsAggregate(s2, q2) ||
        compare_internal::IsAntecedent(s1, q1) !=
            compare_internal::IsAntecedent(s2, q2)) {
      return;
    }
    // An expectation is not a result ("analysts had expected 260 million").
    if (compare_internal::IsForecast(s1, q1) !=
        compare_internal::IsForecast(s2, q2)) {
      return;
    }
    // Different reporting periods ("first quarter", "fourth quarter").
    {
      const std::set<std::string> p1 =
          compare_internal::ReportingPeriods(s1.text());
      const std::set<std::string> p2 =
          compare_internal::ReportingPeriods(s2.text());
      bool shared = false;
      for (const std::string& p : p1) shared = shared || p2.count(p) > 0;
      if (!p1.empty() && !p2.empty() && !shared) return;
    }
    // Inside one article, only figures told side by side (one sentence or
    // two adjacent ones) are set against each other: further apart they are
    // usually different incidents or an update within the story.
    if (same_doc && (s1.index() > s2.index() + 1 || s2.index() > s1.index() + 1)) {
      return;
    }
    const std::string src1 = SourceOf(s1, q1), src2 = SourceOf(s2, q2);
    const bool different_sources =
        !src1.empty() && !src2.empty() && !SameSource(src1, src2);
    if (same_doc && !different_sources) return;

    const v1::Document& d1 = documents[document_of[si]];
    const v1::Document& d2 = documents[document_of[sj]];
    const int days = compare_internal::DaysBetweenPublished(d1.published(), d2.published());
    Finding::Cause cause = Finding::UNEXPLAINED;
    // Counts an order of magnitude apart are rarely two tellings of one
    // event: one is usually a total (this year, since 2021) and the other an
    // incident.
    const double small = std::max(std::min(q1.value(), q2.value()), 1e-9);
    const double large = std::max(q1.value(), q2.value());
    const bool far_apart = large / small >= kScopeRatio;
    const bool scope_gap = far_apart && !different_sources;
    bool update = false;
    const int order = compare_internal::ComparePublished(d1.published(),
                                                         d2.published());
    if (order != 0 && CumulativeMeasure(q1.measure())) {
      const bool first_is_later = order > 0;
      const Quantity& later = first_is_later ? q1 : q2;
      const Quantity& earlier = first_is_later ? q2 : q1;
      const std::string& later_text = first_is_later ? s1.text() : s2.text();
      const bool higher = later.low() > earlier.high();
      update = (higher && (HasCue(later_text, kRiseCues) ||
                           (!different_sources && !scope_gap))) ||
               HasCue(later_text, kRevisionCues);
    }
    // A figure said to leave something out ("stripped of a one-off gain")
    // measures something else than the headline figure.
    const bool scope_cue = compare_internal::HasScopeCue(s1.text()) ||
                           compare_internal::HasScopeCue(s2.text());
    if (update) {
      cause = Finding::LATER_UPDATE;
    } else if (scope_cue) {
      cause = Finding::DIFFERENT_SCOPE;
    } else if (scope_gap) {
      cause = Finding::DIFFERENT_SCOPE;
    } else if (different_sources) {
      cause = Finding::CONFLICTING_SOURCES;
    }

    // Confidence: see the header of this file for the rules; the weights are
    // a first calibration on the project's example sets.
    double c = 0.55;
    c += 0.25 * std::clamp((sim - 0.15) / 0.35, 0.0, 1.0);
    if (exact_subject) c += 0.10;
    auto precise = [](const Quantity& q) {
      return q.bound() == Quantity::EXACT || q.bound() == Quantity::RANGE;
    };
    if (precise(q1) && precise(q2)) c += 0.05;
    const double hi = std::max(Low(q1), Low(q2));
    const double lo = std::min(High(q1), High(q2));
    if (hi > 0 && (hi - lo) / hi >= 0.25) c += 0.05;
    if (q1.bound() == Quantity::VAGUE || q2.bound() == Quantity::VAGUE) c -= 0.10;
    if (days > 14) c -= 0.15;
    if (d1.published().empty() || d2.published().empty()) c -= 0.10;
    // A scope gap is shown only to those who ask for low-confidence findings.
    if (scope_gap && !update && !scope_cue) c = std::min(c - 0.30, 0.45);
    if (far_apart && different_sources) c -= 0.10;
    // Across articles, a figure pinned to a date against one from an
    // undated article that names no date of its own: nothing says the two
    // tell the same incident (a weekend's clashes vs last month's raids),
    // so it is shown only to those who ask for low-confidence findings.
    if (!same_doc && d1.published().empty() != d2.published().empty()) {
      std::string from, to;
      const Statement& undated = d1.published().empty() ? s1 : s2;
      const Statement& dated = d1.published().empty() ? s2 : s1;
      if (!DateRange(undated, &from, &to) && DateRange(dated, &from, &to)) {
        c = std::min(c, kUnplacedCap);
      }
    }
    c = std::clamp(c, 0.05, 0.99);
    // An update is informative, not a contradiction: a moderate confidence.
    if (update) c = std::clamp(c, 0.55, 0.70);
    if (c < options.min_confidence) return;
    found.push_back({{si, qi, src1},
                     {sj, qj, src2},
                     sim,
                     c,
                     cause,
                     event_of[si].empty() ? event_of[sj] : event_of[si],
                     scope_cue});
  };

  // The statement pairs to compare, with the similarity credited to each
  // (the highest when a pair comes more than one way), in (a, b) order:
  //  - StoryCandidates with self-pairs over the statements with figures:
  //    aligned pairs, with their similarity; each statement with itself
  //    ("police said 5,000, while organizers said 20,000"), credited 1;
  //    statements of one event (event_of), credited 0; figures of one kind
  //    (measure, unit, subject head) in two documents of one story,
  //    credited 0: the aligner may miss a pair whose sentences share
  //    little more than the figure's words ("put the turnout at 35,000");
  //  - two adjacent sentences of one article ("The ministry said 412 were
  //    injured. But the hospital's director said close to 900."), linked or
  //    not, since the article itself sets them side by side.
  // Not MatchItemPairs: the adjacent pairs and the (a, b) order are
  // numeric's own. The gates of `consider` apply to all of them.
  std::map<std::pair<uint32_t, uint32_t>, double> candidates;
  auto offer = [&](uint32_t a, uint32_t b, double sim) {
    auto [it, inserted] = candidates.insert({{a, b}, sim});
    if (!inserted) it->second = std::max(it->second, sim);
  };
  {
    std::vector<bool> has_figures(statements.size());
    std::vector<std::set<std::string>> kinds(statements.size());
    for (uint32_t s = 0; s < statements.size(); ++s) {
      has_figures[s] = statements[s].quantities_size() > 0;
      for (const Quantity& q : statements[s].quantities()) {
        if (q.measure() == Quantity::MEASURE_UNSPECIFIED ||
            q.bound() == Quantity::VAGUE) {
          continue;
        }
        const std::string subject = ComparableSubject(q);
        if (subject.empty()) continue;
        const size_t space = subject.rfind(' ');
        kinds[s].insert(absl::StrCat(
            q.measure(), "|",
            q.measure() == Quantity::OTHER ? q.measure_word() : "", "|",
            q.unit(), "|",
            space == std::string::npos ? subject : subject.substr(space + 1)));
      }
    }
    for (const compare_internal::Candidate& c :
         compare_internal::StoryCandidates(
             has_figures, kinds, statements, documents, document_of, pairs,
             event_of, options.max_event_bucket, /*with_self=*/true)) {
      offer(c.a, c.b, c.similarity);
    }
  }
  for (uint32_t s = 0; s + 1 < statements.size(); ++s) {
    if (statements[s].quantities_size() > 0 &&
        document_of[s] == document_of[s + 1] &&
        statements[s + 1].quantities_size() > 0) {
      offer(s, s + 1, kAdjacentSimilarity);
    }
  }
  for (const auto& [key, sim] : candidates) {
    const auto [a, b] = key;
    const int na = statements[a].quantities_size();
    const int nb = statements[b].quantities_size();
    for (int i = 0; i < na; ++i) {
      for (int j = a == b ? i + 1 : 0; j < nb; ++j) consider(a, i, b, j, sim);
    }
  }

  // Merge the pairs that repeat one dispute: same event, measure, subject
  // head and unit, and the same two figures (several articles repeating
  // "5,000" against "20,000"). Different figures stay separate findings, so
  // that a finding never sets an unrelated incident's figure beside others.
  std::map<std::vector<std::string>, std::vector<const PairFinding*>> groups;
  for (const PairFinding& f : found) {
    const Quantity& q = statements[f.a.statement].quantities(f.a.quantity);
    const Quantity& r = statements[f.b.statement].quantities(f.b.quantity);
    std::vector<std::string> words =
        absl::StrSplit(ComparableSubject(q), ' ');
    std::string va = FormatInterval(q), vb = FormatInterval(r);
    if (vb < va) std::swap(va, vb);
    // Not keyed by event: one dispute found through pairs of several
    // events (or of none) is still one finding.
    groups[{MeasureName(q), words.back(), q.unit(), va, vb}].push_back(&f);
  }

  std::vector<Finding> findings;
  for (const auto& [key, members] : groups) {
    Finding finding;
    finding.set_kind(Finding::NUMERIC_MISMATCH);
    for (const PairFinding* f : members) {
      if (!f->event_id.empty()) {
        finding.set_event_id(f->event_id);
        break;
      }
    }
    double confidence = 0;
    bool scope_cue = false;
    std::set<Finding::Cause> causes;
    bool same_document = true;
    std::vector<Side> sides;
    std::set<std::pair<uint32_t, int>> seen;
    for (const PairFinding* f : members) {
      confidence = std::max(confidence, f->confidence);
      causes.insert(f->cause);
      scope_cue = scope_cue || f->scope_cue;
      same_document = same_document &&
                      document_of[f->a.statement] == document_of[f->b.statement];
      for (const Side& side : {f->a, f->b}) {
        if (seen.insert({side.statement, side.quantity}).second) {
          sides.push_back(side);
        }
      }
    }
    Finding::Cause cause = Finding::UNEXPLAINED;
    if (causes.count(Finding::CONFLICTING_SOURCES)) {
      cause = Finding::CONFLICTING_SOURCES;
    } else if (causes.size() == 1) {
      cause = *causes.begin();
    }
    const bool update = cause == Finding::LATER_UPDATE;
    std::sort(sides.begin(), sides.end(), [&](const Side& x, const Side& y) {
      if (update) {  // in order of publication
        const int order = compare_internal::ComparePublished(
            documents[document_of[x.statement]].published(),
            documents[document_of[y.statement]].published());
        if (order != 0) return order < 0;
      }
      const Quantity& qx = statements[x.statement].quantities(x.quantity);
      const Quantity& qy = statements[y.statement].quantities(y.quantity);
      if (qx.low() != qy.low()) return qx.low() < qy.low();
      return x.statement < y.statement;
    });
    finding.set_cause(cause);
    finding.set_confidence(std::round(confidence * 100) / 100);
    finding.set_severity(SeverityFor(finding.confidence()));
    finding.set_same_document(same_document);

    const Quantity& q0 = statements[sides[0].statement].quantities(sides[0].quantity);
    std::string what =
        !q0.subject().empty()
            ? absl::StrCat(Plural(q0.subject()), " ", MeasureName(q0))
            : (ComparableSubject(q0).empty() ? MeasureName(q0)
                                             : ComparableSubject(q0));
    if (!q0.unit().empty()) absl::StrAppend(&what, " (", q0.unit(), ")");
    std::vector<std::string> parts, details;
    for (const Side& side : sides) {
      const Statement& s = statements[side.statement];
      const Quantity& q = s.quantities(side.quantity);
      const v1::Document& d = documents[document_of[side.statement]];
      std::string who = DocLabel(d);
      if (!side.source.empty()) who = absl::StrCat(side.source, ", ", who);
      if (update && !d.published().empty()) {
        absl::StrAppend(&who, ", ", d.published());
      }
      parts.push_back(absl::StrCat(q.text(), " (", who, ")"));
      details.push_back(absl::StrFormat(
          "%s%s says \"%s\" [%s]", d.id(),
          d.published().empty() ? "" : absl::StrCat(" (", d.published(), ")"),
          q.text(), FormatInterval(q)));
      *finding.add_claims() = MakeClaim(side, statements, documents, document_of);
    }
    if (!what.empty()) what[0] = absl::ascii_toupper(what[0]);
    bool rose = true;  // each later report higher than the one before
    for (size_t k = 1; k < sides.size(); ++k) {
      rose = rose &&
             statements[sides[k].statement].quantities(sides[k].quantity).low() >
                 statements[sides[k - 1].statement]
                     .quantities(sides[k - 1].quantity)
                     .high();
    }
    finding.set_summary(absl::StrCat(
        what, ": ", absl::StrJoin(parts, update ? " then " : " vs "),
        update ? (rose ? " (the toll rose between reports)"
                       : " (the toll was revised between reports)")
               : ""));
    std::string why =
        update ? absl::StrCat(absl::StrJoin(details, "; "), ".")
               : absl::StrCat(absl::StrJoin(details, "; "),
                              ". These ranges cannot all hold for the same "
                              "event.");
    switch (cause) {
      case Finding::CONFLICTING_SOURCES:
        absl::StrAppend(&why, " The figures come from different sources.");
        break;
      case Finding::DIFFERENT_SCOPE:
        absl::StrAppend(
            &why, scope_cue
                      ? " One figure is said to leave something out or to be "
                        "adjusted: the two measure different things."
                      : " The figures are an order of magnitude apart: one "
                        "may be a total and the other one incident.");
        break;
      case Finding::LATER_UPDATE:
        absl::StrAppend(
            &why,
            rose ? " The toll rose between reports: each later report gives a "
                   "higher figure, so the figures are successive updates "
                   "rather than a contradiction."
                 : " The toll was revised between reports: the later report "
                   "corrects the earlier figure.");
        break;
      default:
        absl::StrAppend(&why, " The articles do not say why they differ.");
    }
    finding.set_explanation(why);
    findings.push_back(std::move(finding));
  }
  return findings;
}

}  // namespace factdiff
