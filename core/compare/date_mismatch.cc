#include "core/compare/date_mismatch.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

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
using compare_internal::CandidatePairs;
using compare_internal::CoveringAttribution;
using compare_internal::DocLabel;
using compare_internal::FrameDays;
using compare_internal::FrameTypesMatch;
using compare_internal::NormalizeActor;
using compare_internal::PlacesOverlap;
using compare_internal::RoundConfidence;
using compare_internal::SimilarityFactor;
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

std::string SourceKey(const v1::Attribution& a) {
  return a.source_normalized().empty() ? a.source() : a.source_normalized();
}

struct Match {
  const DateRecord* a;
  const DateRecord* b;
  double confidence;
  Finding::Cause cause;
  std::string event_id;
};

}  // namespace

std::vector<Finding> FindDateMismatches(
    const std::vector<Statement>& statements,
    const std::vector<v1::Document>& documents,
    const std::vector<uint32_t>& document_of,
    const std::vector<AlignedPair>& pairs,
    const std::vector<std::string>& event_of, const CompareOptions& options) {
  std::vector<std::vector<DateRecord>> records(statements.size());
  std::vector<bool> eligible(statements.size());
  for (uint32_t i = 0; i < statements.size(); ++i) {
    records[i] = DateRecords(i, statements[i]);
    eligible[i] = !records[i].empty();
  }
  std::vector<Match> matches;
  auto consider = [&](const DateRecord& x, const DateRecord& y,
                      const Candidate& c) {
    const Statement& sx = statements[x.statement];
    const Statement& sy = statements[y.statement];
    const v1::EventFrame& fx = sx.frames(x.frame);
    const v1::EventFrame& fy = sy.frames(y.frame);
    if (FrameTypesMatch(fx.type(), fy.type()) != TypeMatch::kExact) return;
    const bool places_named = fx.locations_size() > 0 && fy.locations_size() > 0;
    const bool place_match = places_named && PlacesOverlap(fx.locations(), fy.locations());
    if (places_named && !place_match) return;
    const bool agents_named = fx.agents_size() > 0 && fy.agents_size() > 0;
    const bool agent_match = agents_named && AnyActorMatches(fx.agents(), fy.agents());
    if (agents_named && !agent_match) return;
    const bool target_match = fx.targets_size() > 0 && fy.targets_size() > 0 &&
                               AnyActorMatches(fx.targets(), fy.targets());
    if (!place_match && !(agent_match && target_match)) return;
    if (c.aligned) {
      if (c.similarity < options.min_date_similarity) return;
    } else if (!(place_match && agent_match)) {
      return;
    }
    const int64_t gap = std::max(y.first - x.last, x.first - y.last);
    if (gap <= options.date_tolerance_days || gap > kMaxGapDays) return;

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
    if (conf < options.min_confidence) return;
    const v1::Attribution* ax = CoveringAttribution(sx, fx.trigger());
    const v1::Attribution* ay = CoveringAttribution(sy, fy.trigger());
    const bool conflicting = ax != nullptr && ay != nullptr &&
                             !SourceKey(*ax).empty() && !SourceKey(*ay).empty() &&
                             !ActorsMatch(SourceKey(*ax), SourceKey(*ay));
    matches.push_back(
        {&x, &y, conf,
         conflicting ? Finding::CONFLICTING_SOURCES : Finding::UNEXPLAINED,
         event_of[x.statement].empty() ? event_of[y.statement]
                                       : event_of[x.statement]});
  };
  for (const Candidate& c :
       CandidatePairs(eligible, pairs, event_of, options.max_event_bucket,
                      /*with_self=*/false)) {
    if (document_of[c.a] == document_of[c.b]) continue;
    for (const DateRecord& x : records[c.a]) {
      for (const DateRecord& y : records[c.b]) consider(x, y, c);
    }
  }

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
