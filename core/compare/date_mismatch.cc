#include "core/compare/date_mismatch.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "core/compare/finding_util.h"
#include "core/compare/numeric.h"

namespace factdiff {
namespace {

using compare_internal::ActorsMatch;
using compare_internal::AnyActorMatches;
using compare_internal::BaseClaim;
using compare_internal::Candidate;
using compare_internal::CoveringAttribution;
using compare_internal::DocLabel;
using compare_internal::FrameDays;
using compare_internal::FrameTypesMatch;
using compare_internal::ItemMatch;
using compare_internal::MatchItemPairs;
using compare_internal::NormalizeActor;
using compare_internal::PairScore;
using compare_internal::PlacesOverlap;
using compare_internal::RoundConfidence;
using compare_internal::SimilarityFactor;
using compare_internal::SourceKey;
using compare_internal::TypeMatch;
using v1::Finding;
using v1::Statement;

// Dates are compared only this close; further apart, two reports of one
// kind of act are different incidents (or an anniversary).
constexpr int64_t kMaxGapDays = 60;

struct DateRecord {
  uint32_t statement = 0;
  int frame = 0;
  int64_t first = 0, last = 0;
  bool fallback = false;
  bool relative = false;
  std::vector<int> times;
  std::string label;  // "2025-10-11" or "2025-10-11..2025-10-12"
};

std::vector<DateRecord> DateRecords(uint32_t i, const Statement& s) {
  std::vector<DateRecord> out;
  for (int fi = 0; fi < s.frames_size(); ++fi) {
    DateRecord r;
    r.statement = i;
    r.frame = fi;
    if (!FrameDays(s, fi, &r.first, &r.last, &r.fallback, &r.times)) continue;
    std::string start, end;
    for (int t : r.times) {
      const v1::TimeExpression& x = s.times(t);
      const std::string& e = x.end().empty() ? x.start() : x.end();
      if (start.empty() || x.start() < start) start = x.start();
      if (end.empty() || e > end) end = e;
      r.relative = r.relative || x.relative();
    }
    r.label = start == end ? start : absl::StrCat(start, "..", end);
    out.push_back(std::move(r));
  }
  return out;
}

// The part of the day a time expression names, read from its surface and
// the two words before it ("late on Monday", "Friday night", "early
// Sunday"): kLate for night, evening, late; kEarly for morning, dawn,
// early; kOvernight for overnight; kNone when it names none.
enum class DayPart { kNone, kLate, kEarly, kMid, kOvernight };

DayPart PartOfDay(const Statement& s, const v1::TimeExpression& t) {
  const size_t begin = t.span().begin() >= s.span().begin()
                           ? t.span().begin() - s.span().begin()
                           : 0;
  const size_t end = std::min<size_t>(
      s.text().size(),
      t.span().end() >= s.span().begin() ? t.span().end() - s.span().begin() : 0);
  if (begin > end) return DayPart::kNone;
  // The expression, two words before it and one after.
  size_t from = begin;
  for (int words = 0; from > 0 && words < 3;) {
    --from;
    if (s.text()[from] == ' ') ++words;
  }
  size_t to = end;
  for (int words = 0; to < s.text().size() && words < 2; ++to) {
    if (s.text()[to] == ' ') ++words;
    if (s.text()[to] == ',' || s.text()[to] == '.') break;
  }
  std::string around;
  for (char c : s.text().substr(from, to - from)) {
    around.push_back(absl::ascii_isalpha(c) ? absl::ascii_tolower(c) : ' ');
  }
  around = absl::StrCat(" ", around, " ");
  auto has = [&](absl::string_view w) {
    return absl::StrContains(around, absl::StrCat(" ", w, " "));
  };
  if (has("overnight") || has("midnight")) return DayPart::kOvernight;
  if (has("night") || has("evening") || has("late") || has("tonight")) {
    return DayPart::kLate;
  }
  if (has("morning") || has("dawn") || has("early") || has("daybreak")) {
    return DayPart::kEarly;
  }
  if (has("afternoon") || has("noon") || has("midday")) return DayPart::kMid;
  return DayPart::kNone;
}

// The part of the day of a record: that of its first time expression.
DayPart PartOfDay(const Statement& s, const DateRecord& r) {
  return r.times.empty() ? DayPart::kNone : PartOfDay(s, s.times(r.times[0]));
}

// Whether two frames' targets name the same thing: they match as actors,
// or share a head noun ("the Dunhallow levee", "the earthen levee") with
// a name of one of them in the other's sentence ("the levee at Dunhallow").
bool TargetsMatch(const Statement& sx, const v1::EventFrame& fx,
                  const Statement& sy, const v1::EventFrame& fy) {
  if (compare_internal::AnyActorMatches(fx.targets(), fy.targets())) return true;
  auto head = [](const std::string& t) {
    const std::string n = NormalizeActor(t);
    const size_t sp = n.rfind(' ');
    std::string h = sp == std::string::npos ? n : n.substr(sp + 1);
    if (h.size() > 3 && h.back() == 's') h.pop_back();
    return h;
  };
  // A capitalized word of `t` (past its first letter's sentence position)
  // that occurs in `text`.
  auto anchored = [](const std::string& t, const std::string& text) {
    size_t i = 0;
    while (i < t.size()) {
      while (i < t.size() && !absl::ascii_isalpha(t[i])) ++i;
      size_t j = i;
      while (j < t.size() && absl::ascii_isalpha(t[j])) ++j;
      if (j > i + 2 && absl::ascii_isupper(t[i])) {
        const std::string w = t.substr(i, j - i);
        size_t at = text.find(w);
        while (at != std::string::npos) {
          const bool left = at == 0 || !absl::ascii_isalpha(text[at - 1]);
          const bool right = at + w.size() >= text.size() ||
                             !absl::ascii_isalpha(text[at + w.size()]);
          if (left && right) return true;
          at = text.find(w, at + 1);
        }
      }
      i = j;
    }
    return false;
  };
  for (const std::string& a : fx.targets()) {
    for (const std::string& b : fy.targets()) {
      if (head(a).empty() || head(a) != head(b)) continue;
      if (anchored(a, sy.text()) || anchored(b, sx.text())) return true;
    }
  }
  return false;
}

using Match = ItemMatch<DateRecord>;

}  // namespace

std::vector<Finding> FindDateMismatches(
    const std::vector<Statement>& statements,
    const std::vector<v1::Document>& documents,
    const std::vector<uint32_t>& document_of,
    const std::vector<AlignedPair>& pairs,
    const std::vector<std::string>& event_of, const CompareOptions& options) {
  std::vector<std::vector<DateRecord>> records(statements.size());
  for (uint32_t i = 0; i < statements.size(); ++i) {
    records[i] = DateRecords(i, statements[i]);
  }
  // Frames of one kind of act in two documents of one story are compared
  // whether or not the aligner linked their sentences (credited similarity
  // 0; the gates below then ask for a place, or for the same target named
  // in both sentences).
  auto kind_of = [&](const DateRecord& r) {
    return NormalizeActor(statements[r.statement].frames(r.frame).type());
  };
  auto consider = [&](const DateRecord& x, const DateRecord& y,
                      const Candidate& c) -> std::optional<PairScore> {
    // Two documents: inside one article an earlier incident is common.
    if (document_of[c.a] == document_of[c.b]) return std::nullopt;
    const Statement& sx = statements[x.statement];
    const Statement& sy = statements[y.statement];
    const v1::EventFrame& fx = sx.frames(x.frame);
    const v1::EventFrame& fy = sy.frames(y.frame);
    if (FrameTypesMatch(fx.type(), fy.type()) != TypeMatch::kExact) {
      return std::nullopt;
    }
    const bool places_named = fx.locations_size() > 0 && fy.locations_size() > 0;
    const bool place_match = places_named && PlacesOverlap(fx.locations(), fy.locations());
    if (places_named && !place_match) return std::nullopt;
    const bool agents_named = fx.agents_size() > 0 && fy.agents_size() > 0;
    const bool agent_match = agents_named && AnyActorMatches(fx.agents(), fy.agents());
    if (agents_named && !agent_match) return std::nullopt;
    const bool target_match = fx.targets_size() > 0 && fy.targets_size() > 0 &&
                               TargetsMatch(sx, fx, sy, fy);
    // An act without agents on either side (a levee's collapse, a flood) is
    // identified by what it struck.
    const bool no_agents = fx.agents_size() == 0 && fy.agents_size() == 0;
    if (!place_match && !(target_match && (agent_match || !agents_named))) {
      return std::nullopt;
    }
    if (c.aligned) {
      if (c.similarity < options.min_date_similarity) return std::nullopt;
    } else if (!(place_match && agent_match) && !(target_match && no_agents)) {
      return std::nullopt;
    }
    const int64_t gap = std::max(y.first - x.last, x.first - y.last);
    if (gap <= 0 || gap > kMaxGapDays) return std::nullopt;
    if (gap <= options.date_tolerance_days) {
      // The tolerance covers a night that crosses midnight ("Saturday
      // night" and "early Sunday") and plain dates a time zone apart. A
      // day apart with a part of the day named otherwise ("Friday night"
      // and "Saturday night"; "Monday night" and "on Tuesday") is two
      // different days.
      const int64_t x_earlier = x.last < y.first;
      const DayPart early_part = PartOfDay(x_earlier ? sx : sy, x_earlier ? x : y);
      const DayPart late_part = PartOfDay(x_earlier ? sy : sx, x_earlier ? y : x);
      const bool plain = early_part == DayPart::kNone && late_part == DayPart::kNone;
      const bool crossing =
          early_part == DayPart::kOvernight || late_part == DayPart::kOvernight ||
          (early_part == DayPart::kLate && late_part == DayPart::kEarly);
      if (gap > 1 || plain || crossing) return std::nullopt;
    }

    double conf = 0.55;
    if (place_match) conf += 0.10;
    if (agent_match) conf += 0.10;
    if (target_match) conf += 0.05;
    conf += 0.10 * SimilarityFactor(c.similarity);
    if (NormalizeActor(fx.type()) == NormalizeActor(fy.type())) conf += 0.05;
    if (x.relative || y.relative) conf -= 0.10;
    if (x.fallback || y.fallback) conf -= 0.05;
    if (gap > 14) conf -= 0.10;
    conf = std::clamp(conf, 0.05, 0.99);
    if (conf < options.min_confidence) return std::nullopt;
    const v1::Attribution* ax = CoveringAttribution(sx, fx.trigger());
    const v1::Attribution* ay = CoveringAttribution(sy, fy.trigger());
    const bool conflicting = ax != nullptr && ay != nullptr &&
                             !SourceKey(*ax).empty() && !SourceKey(*ay).empty() &&
                             !ActorsMatch(SourceKey(*ax), SourceKey(*ay));
    return PairScore{conf, conflicting ? Finding::CONFLICTING_SOURCES
                                       : Finding::UNEXPLAINED};
  };
  const std::vector<Match> matches = MatchItemPairs(
      statements, documents, document_of, pairs, event_of,
      options.max_event_bucket, records, kind_of, consider);

  // One finding per (event, act, the two dates).
  std::map<std::vector<std::string>, std::vector<const Match*>> groups;
  for (const Match& m : matches) {
    std::string la = m.a->label, lb = m.b->label;
    if (lb < la) std::swap(la, lb);
    const v1::EventFrame& f = statements[m.a->statement].frames(m.a->frame);
    groups[{m.event_id, NormalizeActor(f.type()), la, lb}].push_back(&m);
  }
  std::vector<Finding> findings;
  for (const auto& [key, members] : groups) {
    Finding finding;
    finding.set_kind(Finding::DATE_MISMATCH);
    finding.set_event_id(key[0]);
    finding.set_same_document(false);
    double confidence = 0;
    bool conflicting = false;
    std::vector<const DateRecord*> sides;
    std::set<const DateRecord*> seen;
    for (const Match* m : members) {
      confidence = std::max(confidence, m->confidence);
      conflicting = conflicting || m->cause == Finding::CONFLICTING_SOURCES;
      for (const DateRecord* r : {m->a, m->b}) {
        if (seen.insert(r).second) sides.push_back(r);
      }
    }
    std::sort(sides.begin(), sides.end(),
              [](const DateRecord* a, const DateRecord* b) {
                return std::tie(a->first, a->statement, a->frame) <
                       std::tie(b->first, b->statement, b->frame);
              });
    finding.set_cause(conflicting ? Finding::CONFLICTING_SOURCES
                                  : Finding::UNEXPLAINED);
    finding.set_confidence(RoundConfidence(confidence));
    finding.set_severity(SeverityFor(finding.confidence()));
    std::vector<std::string> parts, details;
    for (const DateRecord* r : sides) {
      const Statement& s = statements[r->statement];
      const v1::Document& d = documents[document_of[r->statement]];
      const v1::TimeExpression& t = s.times(r->times.front());
      parts.push_back(
          absl::StrCat(r->label, " (\"", t.text(), "\", ", DocLabel(d), ")"));
      details.push_back(absl::StrFormat(
          "%s%s dates it \"%s\" = %s%s", d.id(),
          d.published().empty() ? ""
                                : absl::StrCat(" (published ", d.published(), ")"),
          t.text(), r->label, t.relative() ? " (resolved from the publication date)" : ""));
      v1::Claim claim = BaseClaim(r->statement, statements, documents, document_of);
      *claim.mutable_time() = t;
      const v1::Attribution* by = CoveringAttribution(s, s.frames(r->frame).trigger());
      if (by != nullptr) {
        *claim.mutable_attribution() = *by;
        claim.set_attributed_to(by->source());
      }
      *finding.add_claims() = std::move(claim);
    }
    const v1::EventFrame& f0 =
        statements[sides[0]->statement].frames(sides[0]->frame);
    std::string what = absl::StrCat("the ", f0.type());
    if (f0.locations_size() > 0) absl::StrAppend(&what, " (", f0.locations(0), ")");
    finding.set_summary(
        absl::StrCat("Date of ", what, ": ", absl::StrJoin(parts, " vs ")));
    finding.set_explanation(absl::StrCat(
        absl::StrJoin(details, "; "), ". These dates are more than ",
        options.date_tolerance_days,
        options.date_tolerance_days == 1 ? " day" : " days",
        " apart and cannot both hold for the same event.",
        conflicting ? " The dates come from different sources." : ""));
    findings.push_back(std::move(finding));
  }
  return findings;
}

}  // namespace factdiff
