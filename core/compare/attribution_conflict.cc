#include "core/compare/attribution_conflict.h"

#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "core/compare/finding_util.h"
#include "core/compare/numeric.h"
#include "core/compare/proposition.h"

namespace factdiff {
namespace {

using compare_internal::ActorKey;
using compare_internal::ActorsDiffer;
using compare_internal::ActorsMatch;
using compare_internal::BaseClaim;
using compare_internal::Candidate;
using compare_internal::CandidatePairs;
using compare_internal::DaysBetweenPublished;
using compare_internal::DocLabel;
using compare_internal::FrameTypesMatch;
using compare_internal::FramesDatedApart;
using compare_internal::NormalizeActor;
using compare_internal::PlacesOverlap;
using compare_internal::RoundConfidence;
using compare_internal::SimilarityFactor;
using compare_internal::SourceKey;
using compare_internal::SpanText;
using compare_internal::TypeMatch;
using v1::Attribution;
using v1::Finding;
using v1::Quantity;
using v1::Statement;

// A stance that pins an act on an actor (positive) or takes it off
// (negative).
// StanceRecord::frame for a record read from an attribution's content
// (proposition.h) rather than from a frame.
constexpr int kProposition = -2;

struct StanceRecord {
  uint32_t statement = 0;
  // >= 0: a frame of the statement; -1: the statement names no act;
  // kProposition: the act is read from the attribution's content.
  int frame = -1;
  std::string type;
  std::string actor;  // as written
  bool positive = false;
  Attribution attribution;
  // kProposition records only. Negative: what the denial says was not
  // done (denied.predicate empty for "denied any wrongdoing"). Positive:
  // the content (matched against a denial's predicate), and for an
  // accusation the accused in `actor` and the act in `act`.
  std::optional<compare_internal::Denied> denied;
  std::string content;
  std::string act;
};

std::string SourceLabel(const Attribution& a) {
  return a.source().empty() ? a.source_normalized() : a.source();
}

bool Holds(const v1::Span& outer, const v1::Span& inner) {
  return outer.end() > outer.begin() && outer.begin() <= inner.begin() &&
         inner.end() <= outer.end();
}

bool RelevantStance(Attribution::Stance s) {
  return s == Attribution::CLAIMS_RESPONSIBILITY || s == Attribution::ACCUSES ||
         s == Attribution::ASSERTS || s == Attribution::DENIES ||
         s == Attribution::DOES_NOT_CONFIRM;
}

// Turns one stance of source S on frame `f` (nullptr: unnamed act) into
// records, by the rules in the header.
void AddRecords(uint32_t stmt, const Statement& s, int frame,
                const v1::EventFrame* f, const Attribution& a,
                std::vector<StanceRecord>* out) {
  const std::string src = SourceKey(a);
  if (src.empty() || ActorKey(src).empty()) return;
  StanceRecord r;
  r.statement = stmt;
  r.frame = frame;
  r.type = f == nullptr ? "" : f->type();
  r.attribution = a;
  // Agents as named (NamedAgents: "its aircraft" said by S is S).
  const std::vector<std::string> agents =
      f == nullptr ? std::vector<std::string>()
                   : compare_internal::NamedAgents(s, *f);
  auto self_involved = [&] {
    if (f == nullptr || agents.empty()) return true;
    for (const std::string& agent : agents) {
      if (ActorsMatch(agent, src)) return true;
    }
    return false;
  };
  switch (a.stance()) {
    case Attribution::CLAIMS_RESPONSIBILITY:
      r.actor = src;
      r.positive = true;
      out->push_back(r);
      break;
    case Attribution::ACCUSES:
    case Attribution::ASSERTS:
      if (f == nullptr) break;
      r.positive = true;
      for (const std::string& agent : agents) {
        if (a.stance() == Attribution::ACCUSES && ActorsMatch(agent, src)) {
          continue;
        }
        if (ActorKey(agent).empty()) continue;
        r.actor = agent;
        out->push_back(r);
      }
      break;
    case Attribution::DENIES:
    case Attribution::DOES_NOT_CONFIRM:
      if (!self_involved()) break;
      r.actor = src;
      r.positive = false;
      out->push_back(r);
      break;
    default:
      break;
  }
}

// Records read from the content of the statement's attributions that
// hold no frame trigger (proposition.h): a denial of a stated act or a
// generic denial ("any wrongdoing"), an accusation with its accused, an
// assertion (its agent is found when set against a denial).
void AddPropositionRecords(uint32_t i, const Statement& s,
                           std::vector<StanceRecord>* out) {
  for (const Attribution& a : s.attributions()) {
    if (!RelevantStance(a.stance())) continue;
    const std::string src = SourceKey(a);
    if (src.empty() || ActorKey(src).empty()) continue;
    bool holds_frame = false;
    for (const v1::EventFrame& f : s.frames()) {
      holds_frame = holds_frame || Holds(a.content(), f.trigger());
    }
    if (holds_frame) continue;
    const std::string content(SpanText(s, a.content()));
    if (content.empty()) continue;
    StanceRecord r;
    r.statement = i;
    r.frame = kProposition;
    r.attribution = a;
    switch (a.stance()) {
      case Attribution::DENIES:
      case Attribution::DOES_NOT_CONFIRM: {
        std::optional<compare_internal::Denied> d =
            compare_internal::ReadDenied(content);
        if (!d) break;
        // "X denied that Y did it" is not X's own denial.
        if (!d->subject.empty() && ActorKey(d->subject).size() > 0 &&
            !ActorsMatch(d->subject, src) &&
            !ActorsMatch(d->subject, a.source())) {
          break;
        }
        r.actor = src;
        r.positive = false;
        r.act = d->act;
        r.type = d->generic ? "" : absl::StrCat("\"", d->act, "\"");
        r.denied = std::move(d);
        out->push_back(std::move(r));
        break;
      }
      case Attribution::ACCUSES: {
        std::string act;
        const std::string accused =
            compare_internal::AccusedOf(a.cue(), content, &act);
        r.positive = true;
        r.content = content;
        if (!accused.empty() && !ActorKey(accused).empty()) {
          r.actor = accused;
          r.act = act;
        }
        out->push_back(std::move(r));
        break;
      }
      case Attribution::ASSERTS:
        r.positive = true;
        r.content = content;
        out->push_back(std::move(r));
        break;
      default:
        break;
    }
  }
}

std::vector<StanceRecord> StanceRecords(uint32_t i, const Statement& s) {
  std::vector<StanceRecord> out;
  AddPropositionRecords(i, s, &out);
  if (s.frames_size() == 0) {
    for (const Attribution& a : s.attributions()) {
      if (a.stance() == Attribution::CLAIMS_RESPONSIBILITY ||
          a.stance() == Attribution::DENIES ||
          a.stance() == Attribution::DOES_NOT_CONFIRM) {
        AddRecords(i, s, -1, nullptr, a, &out);
      }
    }
    return out;
  }
  for (int fi = 0; fi < s.frames_size(); ++fi) {
    const v1::EventFrame& f = s.frames(fi);
    std::set<std::pair<std::string, int>> seen;
    for (const Attribution& a : f.stances()) {
      if (!RelevantStance(a.stance())) continue;
      if (seen.insert({NormalizeActor(SourceKey(a)), a.stance()}).second) {
        AddRecords(i, s, fi, &f, a, &out);
      }
    }
    for (const Attribution& a : s.attributions()) {
      if (!RelevantStance(a.stance())) continue;
      if (!Holds(a.content(), f.trigger()) && !Holds(a.span(), f.trigger())) {
        continue;
      }
      if (seen.insert({NormalizeActor(SourceKey(a)), a.stance()}).second) {
        AddRecords(i, s, fi, &f, a, &out);
      }
    }
  }
  return out;
}

std::string Describe(const StanceRecord& r) {
  const std::string src = SourceLabel(r.attribution);
  switch (r.attribution.stance()) {
    case Attribution::CLAIMS_RESPONSIBILITY:
      return absl::StrCat("claimed by ", src);
    case Attribution::ACCUSES:
      return absl::StrCat("blamed on ", r.actor, " by ", src);
    case Attribution::ASSERTS:
      if (ActorsMatch(r.actor, SourceKey(r.attribution))) {
        return absl::StrCat("acknowledged by ", src);
      }
      return absl::StrCat("attributed to ", r.actor, " by ", src);
    case Attribution::DENIES:
      return absl::StrCat("denied by ", src);
    case Attribution::DOES_NOT_CONFIRM:
      return absl::StrCat("not confirmed by ", src);
    default:
      return src;
  }
}

struct Match {
  const StanceRecord* positive;
  const StanceRecord* negative;
  double confidence;
  Finding::Cause cause;
  std::string event_id;
};

// --- Responsibility --------------------------------------------------------

void FindResponsibility(const std::vector<Statement>& statements,
                        const std::vector<v1::Document>& documents,
                        const std::vector<uint32_t>& document_of,
                        const std::vector<AlignedPair>& pairs,
                        const std::vector<std::string>& event_of,
                        const CompareOptions& options,
                        std::vector<Finding>* findings) {
  std::vector<std::vector<StanceRecord>> records(statements.size());
  std::vector<bool> eligible(statements.size());
  for (uint32_t i = 0; i < statements.size(); ++i) {
    records[i] = StanceRecords(i, statements[i]);
    eligible[i] = !records[i].empty();
  }
  std::vector<Match> matches;
  // Positive proposition records with their agent filled in, one per match.
  std::deque<StanceRecord> resolved;
  auto consider_proposition = [&](const StanceRecord& pos,
                                  const StanceRecord& neg, const Candidate& c) {
    if (pos.frame != kProposition || neg.frame != kProposition || !neg.denied) {
      return;
    }
    const compare_internal::Denied& d = *neg.denied;
    std::string actor;
    if (d.generic) {
      // "denied any wrongdoing" answers an accusation against the denier.
      if (pos.attribution.stance() != Attribution::ACCUSES || pos.actor.empty()) {
        return;
      }
      actor = pos.actor;
    } else {
      std::optional<compare_internal::Asserted> asserted =
          compare_internal::ReadAsserted(pos.content, d.predicate);
      if (!asserted) return;
      actor = asserted->agent;
    }
    // The denier is the one the act is pinned on: by name, or by what the
    // denier is said to be ("the operator of the dam" and "Norvale Hydro,
    // which operates the dam").
    const bool same_actor =
        ActorsMatch(actor, neg.actor) ||
        ActorsMatch(actor, neg.attribution.source()) ||
        (!d.generic &&
         neg.attribution.source().find(',') != std::string::npos &&
         compare_internal::SharedStems(actor, neg.attribution.source()) >= 2);
    if (!same_actor) return;
    // The asserting source does not deny its own claim.
    if (ActorsMatch(SourceKey(pos.attribution), SourceKey(neg.attribution))) {
      return;
    }
    const bool same_doc = document_of[c.a] == document_of[c.b];
    if (same_doc && options.skip_same_document) return;
    const int days =
        DaysBetweenPublished(documents[document_of[pos.statement]].published(),
                             documents[document_of[neg.statement]].published());
    if (days > 30) return;
    double conf = 0.55;
    if (neg.attribution.stance() == Attribution::DENIES) conf += 0.15;
    if (neg.attribution.stance() == Attribution::DOES_NOT_CONFIRM) conf -= 0.05;
    conf += pos.attribution.stance() == Attribution::ASSERTS ? 0.05 : 0.10;
    conf += 0.10 * SimilarityFactor(c.similarity);
    conf -= 0.05;  // no event frame: the act is read from the words
    if (d.generic) conf -= 0.05;
    if (days > 14) conf -= 0.15;
    conf = std::clamp(conf, 0.05, 0.99);
    if (conf < options.min_confidence) return;
    StanceRecord& p = resolved.emplace_back(pos);
    p.actor = actor;
    if (d.generic) p.type = pos.act.empty() ? "" : absl::StrCat("\"", pos.act, "\"");
    const StanceRecord& n = neg;
    matches.push_back({&p, &n, conf, Finding::CONFLICTING_SOURCES,
                       event_of[c.a].empty() ? event_of[c.b] : event_of[c.a]});
  };
  auto consider = [&](const StanceRecord& x, const StanceRecord& y,
                      const Candidate& c) {
    if (x.positive == y.positive) return;
    const StanceRecord& pos = x.positive ? x : y;
    const StanceRecord& neg = x.positive ? y : x;
    if (pos.frame == kProposition || neg.frame == kProposition) {
      consider_proposition(pos, neg, c);
      return;
    }
    if (!ActorsMatch(pos.actor, neg.actor)) return;
    const Statement& sp = statements[pos.statement];
    const Statement& sn = statements[neg.statement];
    TypeMatch type = TypeMatch::kExact;
    bool unnamed = false;
    if (pos.frame >= 0 && neg.frame >= 0) {
      type = FrameTypesMatch(pos.type, neg.type);
      if (type == TypeMatch::kNo) return;
      const v1::EventFrame& fp = sp.frames(pos.frame);
      const v1::EventFrame& fn = sn.frames(neg.frame);
      if (fp.locations_size() > 0 && fn.locations_size() > 0 &&
          !PlacesOverlap(fp.locations(), fn.locations())) {
        return;
      }
      if (FramesDatedApart(sp, pos.frame, sn, neg.frame,
                           options.date_tolerance_days)) {
        return;
      }
      // Found only by key (neither aligned nor of one event): the frames
      // must name the same target or place.
      if (c.keyed &&
          !compare_internal::AnyActorMatches(fp.targets(), fn.targets()) &&
          !PlacesOverlap(fp.locations(), fn.locations()) &&
          !PlacesOverlap(fp.targets(), fn.locations()) &&
          !PlacesOverlap(fp.locations(), fn.targets())) {
        return;
      }
    } else if (pos.frame >= 0 || neg.frame >= 0) {
      // An unnamed act ("denied any involvement") only beside a close
      // sentence that names it.
      if (!c.aligned || c.similarity < 0.3) return;
      unnamed = true;
    } else {
      return;
    }
    const bool same_doc = document_of[c.a] == document_of[c.b];
    if (same_doc && options.skip_same_document) return;

    double conf = 0.55;
    if (neg.attribution.stance() == Attribution::DENIES) conf += 0.15;
    if (neg.attribution.stance() == Attribution::DOES_NOT_CONFIRM) conf -= 0.05;
    conf += pos.attribution.stance() == Attribution::ASSERTS ? 0.05 : 0.10;
    conf += 0.10 * SimilarityFactor(c.similarity);
    // A pair found by key named the same target or place (checked above):
    // credited as a close pair.
    if (c.keyed) conf += 0.10;
    if (!unnamed && type == TypeMatch::kExact &&
        NormalizeActor(pos.type) == NormalizeActor(neg.type)) {
      conf += 0.05;
    }
    if (type == TypeMatch::kGeneric) conf -= 0.10;
    if (unnamed) conf -= 0.10;
    if (DaysBetweenPublished(documents[document_of[c.a]].published(),
                             documents[document_of[c.b]].published()) > 14) {
      conf -= 0.15;
    }
    conf = std::clamp(conf, 0.05, 0.99);
    if (conf < options.min_confidence) return;
    const bool same_source =
        ActorsMatch(SourceKey(pos.attribution), SourceKey(neg.attribution));
    matches.push_back({&pos, &neg, conf,
                       same_source ? Finding::UNEXPLAINED
                                   : Finding::CONFLICTING_SOURCES,
                       event_of[c.a].empty() ? event_of[c.b] : event_of[c.a]});
  };
  // Not StoryCandidates: each statement is also paired with itself, and
  // frame stances and propositions are keyed over different links.
  std::vector<Candidate> candidates = CandidatePairs(
      eligible, pairs, event_of, options.max_event_bucket, /*with_self=*/true);
  {
    // Stances in two documents that the aligner linked (some aligned pair
    // or event spans both), whether or not it linked these sentences: a
    // denial seldom repeats the words of the claim it answers. The gates
    // above then ask for the same target or place, or the same predicate.
    // Frame stances: documents linked by the aligner. Propositions, whose
    // predicates must agree word for word: documents of one story
    // (StoryLinks with names).
    std::vector<std::set<std::string>> frames(statements.size());
    std::vector<std::set<std::string>> propositions(statements.size());
    for (uint32_t i = 0; i < statements.size(); ++i) {
      for (const StanceRecord& r : records[i]) {
        (r.frame == kProposition ? propositions : frames)[i].insert("stance");
      }
    }
    for (const bool names : {false, true}) {
      compare_internal::StoryLinks links(statements, documents, document_of,
                                         pairs, event_of, names);
      compare_internal::AddKeyedCandidates(names ? propositions : frames,
                                           document_of, &links,
                                           options.max_event_bucket,
                                           &candidates);
    }
  }
  for (const Candidate& c : candidates) {
    const std::vector<StanceRecord>& ra = records[c.a];
    const std::vector<StanceRecord>& rb = records[c.b];
    for (size_t x = 0; x < ra.size(); ++x) {
      for (size_t y = c.a == c.b ? x + 1 : 0; y < rb.size(); ++y) {
        consider(ra[x], rb[y], c);
      }
    }
  }

  // One finding per (event, actor, act).
  std::map<std::tuple<std::string, std::string, std::string>,
           std::vector<const Match*>>
      groups;
  auto type_of = [](const Match& m) -> const std::string& {
    return m.positive->frame >= 0 || !m.positive->type.empty()
               ? m.positive->type
               : m.negative->type;
  };
  for (const Match& m : matches) {
    const std::string& type = type_of(m);
    groups[{m.event_id, ActorKey(m.positive->actor), NormalizeActor(type)}]
        .push_back(&m);
  }
  for (const auto& [key, members] : groups) {
    Finding finding;
    finding.set_kind(Finding::ATTRIBUTION_CONFLICT);
    finding.set_event_id(std::get<0>(key));
    double confidence = 0;
    bool same_document = true;
    bool conflicting = false;
    std::vector<const StanceRecord*> sides;
    // One side per source and cue: the event's stance and the sentence's
    // attribution may both hold "Afghanistan blamed", with different
    // content spans and normalized sources.
    auto SpanKey = [](const v1::Span& s) {
      return (uint64_t{s.begin()} << 32) | s.end();
    };
    std::set<std::tuple<uint32_t, int, uint64_t, uint64_t, uint64_t>> seen;
    for (const Match* m : members) {
      confidence = std::max(confidence, m->confidence);
      conflicting = conflicting || m->cause == Finding::CONFLICTING_SOURCES;
      same_document = same_document && document_of[m->positive->statement] ==
                                           document_of[m->negative->statement];
      for (const StanceRecord* r : {m->positive, m->negative}) {
        const v1::Attribution& a = r->attribution;
        if (seen.insert({static_cast<uint32_t>(r->statement),
                         static_cast<int>(a.stance()), a.cue_span().begin(),
                         a.cue_span().end(), SpanKey(a.source_span())})
                .second) {
          sides.push_back(r);
        }
      }
    }
    std::stable_sort(sides.begin(), sides.end(),
                     [](const StanceRecord* a, const StanceRecord* b) {
                       if (a->positive != b->positive) return a->positive;
                       return a->statement < b->statement;
                     });
    finding.set_cause(conflicting ? Finding::CONFLICTING_SOURCES
                                  : Finding::UNEXPLAINED);
    finding.set_confidence(RoundConfidence(confidence));
    finding.set_severity(SeverityFor(finding.confidence()));
    finding.set_same_document(same_document);
    // A frame's type ("the bombing"), or an act read from the words ("the
    // act "shut the sluice gates"").
    const std::string& raw_type = type_of(*members.front());
    const std::string act =
        std::get<2>(key).empty()
            ? std::string("the act")
            : (!raw_type.empty() && raw_type[0] == '"'
                   ? absl::StrCat("the act ", raw_type)
                   : absl::StrCat("the ", std::get<2>(key)));
    std::vector<std::string> parts, details;
    for (const StanceRecord* r : sides) {
      const Statement& s = statements[r->statement];
      const v1::Document& d = documents[document_of[r->statement]];
      parts.push_back(absl::StrCat(Describe(*r), " (", DocLabel(d), ")"));
      absl::string_view said = SpanText(s, r->attribution.span());
      details.push_back(absl::StrFormat(
          "%s%s: %s (\"%s\")", d.id(),
          d.published().empty() ? "" : absl::StrCat(" (", d.published(), ")"),
          Describe(*r), said.empty() ? absl::string_view(s.text()) : said));
      v1::Claim claim = BaseClaim(r->statement, statements, documents,
                                  document_of);
      *claim.mutable_attribution() = r->attribution;
      claim.set_attributed_to(SourceLabel(r->attribution));
      *finding.add_claims() = std::move(claim);
    }
    const StanceRecord* pos = sides.front();
    bool denial = false;
    for (const StanceRecord* r : sides) {
      denial = denial || r->attribution.stance() == Attribution::DENIES;
    }
    finding.set_summary(absl::StrCat("Responsibility for ", act, ": ",
                                     absl::StrJoin(parts, " vs ")));
    finding.set_explanation(absl::StrCat(
        absl::StrJoin(details, "; "), ". One account pins ", act, " on ",
        pos->actor, "; ",
        denial ? "the other records a denial by that actor."
            : "the other records that the actor did not confirm it.",
        conflicting ? " The accounts come from different sources."
                    : " The same source is reported both ways."));
    findings->push_back(std::move(finding));
  }
}

// --- Misattributed figures -------------------------------------------------

struct FigureRecord {
  uint32_t statement;
  int quantity;
  const Attribution* attribution;
};

bool SameMeasure(const Quantity& a, const Quantity& b) {
  if (a.measure() == Quantity::MEASURE_UNSPECIFIED || a.measure() != b.measure()) {
    return false;
  }
  return a.measure() != Quantity::OTHER || a.measure_word() == b.measure_word();
}

std::string FormatValue(double v) { return absl::StrFormat("%.15g", v); }

void FindMisattributedFigures(const std::vector<Statement>& statements,
                              const std::vector<v1::Document>& documents,
                              const std::vector<uint32_t>& document_of,
                              const std::vector<AlignedPair>& pairs,
                              const std::vector<std::string>& event_of,
                              const CompareOptions& options,
                              std::vector<Finding>* findings) {
  std::vector<std::vector<FigureRecord>> records(statements.size());
  std::vector<bool> eligible(statements.size());
  for (uint32_t i = 0; i < statements.size(); ++i) {
    const Statement& s = statements[i];
    for (int q = 0; q < s.quantities_size(); ++q) {
      const Quantity& x = s.quantities(q);
      if (x.bound() != Quantity::EXACT || x.low() != x.high() || x.low() < 2 ||
          x.measure() == Quantity::MEASURE_UNSPECIFIED || x.subject().empty()) {
        continue;
      }
      const Attribution* a = compare_internal::CoveringAttribution(s, x.span());
      if (a == nullptr || a->anonymous() || ActorKey(SourceKey(*a)).empty()) {
        continue;
      }
      records[i].push_back({i, q, a});
    }
    eligible[i] = !records[i].empty();
  }
  struct Pair {
    FigureRecord a, b;
    double confidence;
    std::string event_id;
  };
  std::map<std::tuple<std::string, int, std::string, std::string>,
           std::vector<Pair>>
      groups;
  for (const Candidate& c :
       CandidatePairs(eligible, pairs, event_of, options.max_event_bucket,
                      /*with_self=*/false)) {
    if (document_of[c.a] == document_of[c.b]) continue;
    for (const FigureRecord& x : records[c.a]) {
      for (const FigureRecord& y : records[c.b]) {
        const Quantity& qx = statements[x.statement].quantities(x.quantity);
        const Quantity& qy = statements[y.statement].quantities(y.quantity);
        bool exact_subject = false;
        if (qx.low() != qy.low() || !SameMeasure(qx, qy) ||
            qx.unit() != qy.unit() || qx.trend() != qy.trend() ||
            !SubjectsCompatible(qx.subject(), qy.subject(), &exact_subject) ||
            !ActorsDiffer(SourceKey(*x.attribution), SourceKey(*y.attribution))) {
          continue;
        }
        double conf = 0.40;
        if (exact_subject) conf += 0.05;
        const double v = qx.low();
        if (v >= 20 && static_cast<int64_t>(v) % 10 != 0) conf += 0.05;
        conf += 0.05 * SimilarityFactor(c.similarity);
        conf = std::min(conf, 0.55);
        if (conf < options.min_confidence) continue;
        const std::string event =
            event_of[c.a].empty() ? event_of[c.b] : event_of[c.a];
        groups[{event, qx.measure(), qx.unit(), FormatValue(v)}].push_back(
            {x, y, conf, event});
      }
    }
  }
  for (const auto& [key, members] : groups) {
    Finding finding;
    finding.set_kind(Finding::ATTRIBUTION_CONFLICT);
    finding.set_cause(Finding::UNEXPLAINED);
    finding.set_event_id(std::get<0>(key));
    finding.set_same_document(false);
    double confidence = 0;
    std::vector<FigureRecord> sides;
    std::set<std::pair<uint32_t, int>> seen;
    for (const Pair& p : members) {
      confidence = std::max(confidence, p.confidence);
      for (const FigureRecord& r : {p.a, p.b}) {
        if (seen.insert({r.statement, r.quantity}).second) sides.push_back(r);
      }
    }
    std::sort(sides.begin(), sides.end(),
              [](const FigureRecord& a, const FigureRecord& b) {
                return std::tie(a.statement, a.quantity) <
                       std::tie(b.statement, b.quantity);
              });
    finding.set_confidence(RoundConfidence(confidence));
    finding.set_severity(SeverityFor(finding.confidence()));
    const Quantity& q0 = statements[sides[0].statement].quantities(sides[0].quantity);
    std::vector<std::string> parts, details;
    for (const FigureRecord& r : sides) {
      const Statement& s = statements[r.statement];
      const v1::Document& d = documents[document_of[r.statement]];
      const std::string src = SourceLabel(*r.attribution);
      parts.push_back(absl::StrCat(src, " (", DocLabel(d), ")"));
      details.push_back(absl::StrFormat("%s gives \"%s\" as the word of %s",
                                        d.id(), s.quantities(r.quantity).text(),
                                        src));
      v1::Claim claim = BaseClaim(r.statement, statements, documents, document_of);
      *claim.mutable_quantity() = s.quantities(r.quantity);
      *claim.mutable_attribution() = *r.attribution;
      claim.set_attributed_to(src);
      *finding.add_claims() = std::move(claim);
    }
    finding.set_summary(absl::StrCat("Figure ", std::get<3>(key), " (",
                                     q0.subject(), ", ", q0.measure_word().empty()
                                         ? Quantity::Measure_Name(q0.measure())
                                         : q0.measure_word(),
                                     ") attributed to ",
                                     absl::StrJoin(parts, " vs ")));
    finding.set_explanation(absl::StrCat(
        absl::StrJoin(details, "; "),
        ". The same figure is put in the mouths of different sources: one "
        "attribution may be wrong, or the sources may agree."));
    findings->push_back(std::move(finding));
  }
}

// --- Misattributed quotes --------------------------------------------------

bool IsQuoteMark(absl::string_view s) {
  return absl::StartsWith(s, "\"") || absl::StartsWith(s, "\xE2\x80\x9C") ||
         absl::StartsWith(s, "\xE2\x80\x98") || absl::StartsWith(s, "'");
}

bool EndsWithQuoteMark(absl::string_view s) {
  return absl::EndsWith(s, "\"") || absl::EndsWith(s, "\xE2\x80\x9C") ||
         absl::EndsWith(s, "\xE2\x80\x98") || absl::EndsWith(s, "'");
}

// The normalized words of a quoted content, or "" when it is not quoted.
std::string QuoteKey(const Statement& s, const Attribution& a, int* words) {
  absl::string_view content = SpanText(s, a.content());
  if (content.empty()) return "";
  const size_t at = a.content().begin() - s.span().begin();
  absl::string_view before = absl::string_view(s.text()).substr(0, at);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  if (!IsQuoteMark(content) && !EndsWithQuoteMark(before)) return "";
  std::string lowered;
  for (char c : content) {
    lowered.push_back(absl::ascii_isalnum(c) ? absl::ascii_tolower(c) : ' ');
  }
  std::vector<absl::string_view> w =
      absl::StrSplit(lowered, ' ', absl::SkipEmpty());
  *words = static_cast<int>(w.size());
  return absl::StrJoin(w, " ");
}

void FindMisattributedQuotes(const std::vector<Statement>& statements,
                             const std::vector<v1::Document>& documents,
                             const std::vector<uint32_t>& document_of,
                             const std::vector<std::string>& event_of,
                             const CompareOptions& options,
                             std::vector<Finding>* findings) {
  struct QuoteRecord {
    uint32_t statement;
    const Attribution* attribution;
    int words;
  };
  std::map<std::string, std::vector<QuoteRecord>> buckets;
  for (uint32_t i = 0; i < statements.size(); ++i) {
    for (const Attribution& a : statements[i].attributions()) {
      if (a.anonymous() || ActorKey(SourceKey(a)).empty()) continue;
      int words = 0;
      std::string key = QuoteKey(statements[i], a, &words);
      if (words >= 6) buckets[key].push_back({i, &a, words});
    }
  }
  for (const auto& [key, members] : buckets) {
    // The members whose source differs from some member of another document.
    std::vector<const QuoteRecord*> sides;
    for (const QuoteRecord& x : members) {
      for (const QuoteRecord& y : members) {
        if (document_of[x.statement] != document_of[y.statement] &&
            ActorsDiffer(SourceKey(*x.attribution), SourceKey(*y.attribution))) {
          sides.push_back(&x);
          break;
        }
      }
    }
    if (sides.size() < 2) continue;
    double conf = members[0].words >= 10 ? 0.60 : 0.50;
    if (conf < options.min_confidence) continue;
    Finding finding;
    finding.set_kind(Finding::ATTRIBUTION_CONFLICT);
    finding.set_cause(Finding::UNEXPLAINED);
    finding.set_confidence(conf);
    finding.set_severity(SeverityFor(conf));
    finding.set_same_document(false);
    finding.set_event_id(event_of[sides[0]->statement]);
    std::vector<std::string> parts;
    for (const QuoteRecord* r : sides) {
      const std::string src = SourceLabel(*r->attribution);
      parts.push_back(absl::StrCat(
          src, " (", DocLabel(documents[document_of[r->statement]]), ")"));
      v1::Claim claim = BaseClaim(r->statement, statements, documents, document_of);
      *claim.mutable_attribution() = *r->attribution;
      claim.set_attributed_to(src);
      *finding.add_claims() = std::move(claim);
    }
    std::vector<absl::string_view> words = absl::StrSplit(key, ' ');
    std::string head = absl::StrJoin(
        words.begin(), words.begin() + std::min<size_t>(6, words.size()), " ");
    if (words.size() > 6) absl::StrAppend(&head, " ...");
    finding.set_summary(absl::StrCat("Quote \"", head, "\" attributed to ",
                                     absl::StrJoin(parts, " vs ")));
    finding.set_explanation(absl::StrCat(
        "The same words (", words.size(),
        ") are quoted as said by different sources; at most one attribution "
        "can be right unless both said them."));
    findings->push_back(std::move(finding));
  }
}

}  // namespace

std::vector<Finding> FindAttributionConflicts(
    const std::vector<Statement>& statements,
    const std::vector<v1::Document>& documents,
    const std::vector<uint32_t>& document_of,
    const std::vector<AlignedPair>& pairs,
    const std::vector<std::string>& event_of, const CompareOptions& options) {
  std::vector<Finding> findings;
  FindResponsibility(statements, documents, document_of, pairs, event_of,
                     options, &findings);
  FindMisattributedFigures(statements, documents, document_of, pairs, event_of,
                           options, &findings);
  FindMisattributedQuotes(statements, documents, document_of, event_of, options,
                          &findings);
  return findings;
}

}  // namespace factdiff
