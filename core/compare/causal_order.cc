#include "core/compare/causal_order.h"

#include <algorithm>
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

namespace factdiff {
namespace {

using compare_internal::ActorKey;
using compare_internal::ActorsMatch;
using compare_internal::AnyActorMatches;
using compare_internal::BaseClaim;
using compare_internal::Candidate;
using compare_internal::CoveringAttribution;
using compare_internal::DaysBetweenPublished;
using compare_internal::DocLabel;
using compare_internal::FrameTypesMatch;
using compare_internal::FramesDatedApart;
using compare_internal::ItemMatch;
using compare_internal::MatchItemPairs;
using compare_internal::NamedAgents;
using compare_internal::NormalizeActor;
using compare_internal::PairScore;
using compare_internal::PlacesOverlap;
using compare_internal::RoundConfidence;
using compare_internal::SimilarityFactor;
using compare_internal::SourceKey;
using compare_internal::TypeMatch;
using v1::CausalLink;
using v1::Finding;
using v1::Statement;

struct LinkRecord {
  uint32_t statement = 0;
  int frame = 0;
  int link = 0;
  std::string initiator;  // who struck first by this account; may be empty
  v1::Attribution attribution;  // the link's cue and, when known, its source
};

std::vector<LinkRecord> LinkRecords(uint32_t i, const Statement& s) {
  std::vector<LinkRecord> out;
  for (int fi = 0; fi < s.frames_size(); ++fi) {
    const v1::EventFrame& f = s.frames(fi);
    for (int li = 0; li < f.causes_size(); ++li) {
      const CausalLink& l = f.causes(li);
      if (l.relation() == CausalLink::RELATION_UNSPECIFIED) continue;
      LinkRecord r;
      r.statement = i;
      r.frame = fi;
      r.link = li;
      r.initiator = l.initiator();
      const std::vector<std::string> agents = NamedAgents(s, f);
      if (r.initiator.empty() && l.relation() == CausalLink::UNPROVOKED &&
          !agents.empty()) {
        r.initiator = agents[0];
      }
      if (ActorKey(r.initiator).empty()) r.initiator.clear();
      if (l.relation() != CausalLink::UNPROVOKED && !r.initiator.empty() &&
          agents.size() == 1 && ActorsMatch(agents[0], r.initiator)) {
        continue;  // retaliation for one's own act: a misreading
      }
      const v1::Attribution* by = CoveringAttribution(s, l.cue_span());
      if (by == nullptr) {
        for (const v1::Attribution& a : f.stances()) {
          if (!SourceKey(a).empty()) {
            by = &a;
            break;
          }
        }
      }
      if (by != nullptr) {
        r.attribution = *by;
      } else {
        r.attribution.set_stance(v1::Attribution::ASSERTS);
      }
      r.attribution.set_cue(l.cue());
      *r.attribution.mutable_cue_span() = l.cue_span();
      if (!r.attribution.has_span()) *r.attribution.mutable_span() = l.cue_span();
      out.push_back(std::move(r));
    }
  }
  return out;
}

// Content words of an antecedent, plurals folded.
std::set<std::string> ContentWords(const std::string& text) {
  static const std::set<std::string>* const kStop = new std::set<std::string>{
      "the",   "and",     "for",  "its",    "their", "his",   "her",
      "earlier", "recent", "last", "previous", "alleged", "what", "that",
      "this",  "those",   "these", "with",  "from",  "into",  "against",
      "on",    "of",      "by",   "at",     "in",    "an",    "a"};
  std::string lowered;
  for (char c : text) {
    lowered.push_back(absl::ascii_isalnum(c) ? absl::ascii_tolower(c) : ' ');
  }
  std::set<std::string> out;
  for (absl::string_view w : absl::StrSplit(lowered, ' ', absl::SkipEmpty())) {
    std::string word(w);
    if (word.size() < 3 || kStop->count(word)) continue;
    if (word.size() > 4 && word.back() == 's') word.pop_back();
    out.insert(word);
  }
  return out;
}

bool Disjoint(const std::set<std::string>& a, const std::set<std::string>& b) {
  for (const std::string& w : a) {
    if (b.count(w)) return false;
  }
  return true;
}

std::string RelationText(const CausalLink& l) {
  switch (l.relation()) {
    case CausalLink::UNPROVOKED:
      return "unprovoked";
    case CausalLink::RETALIATION_FOR:
      return l.antecedent().empty()
                 ? std::string("retaliation")
                 : absl::StrCat("retaliation for ", l.antecedent());
    case CausalLink::CAUSED_BY:
      return l.antecedent().empty() ? std::string("provoked")
                                    : absl::StrCat("after ", l.antecedent());
    default:
      return "";
  }
}

// Whether a link's cue says what began the act: "began after", "started
// when", "broke out after", "erupted when", "was sparked by".
bool SaysWhatBegan(const CausalLink& l) {
  const std::string cue = absl::AsciiStrToLower(l.cue());
  for (absl::string_view w : {"began", "begun", "begin", "started", "start",
                              "broke out", "erupted", "sparked", "triggered"}) {
    if (cue.find(std::string(w)) != std::string::npos) return true;
  }
  return false;
}

using Match = ItemMatch<LinkRecord>;

}  // namespace

std::vector<Finding> FindCausalOrderConflicts(
    const std::vector<Statement>& statements,
    const std::vector<v1::Document>& documents,
    const std::vector<uint32_t>& document_of,
    const std::vector<AlignedPair>& pairs,
    const std::vector<std::string>& event_of, const CompareOptions& options) {
  std::vector<std::vector<LinkRecord>> records(statements.size());
  for (uint32_t i = 0; i < statements.size(); ++i) {
    records[i] = LinkRecords(i, statements[i]);
  }
  auto link_of = [&](const LinkRecord& r) -> const CausalLink& {
    return statements[r.statement].frames(r.frame).causes(r.link);
  };

  // Causal claims about one kind of act in two documents of one story are
  // compared whether or not the aligner linked them (credited similarity
  // 0): they are few, and the gates below ask for the same event.
  auto kind_of = [&](const LinkRecord& r) {
    const std::string& type = statements[r.statement].frames(r.frame).type();
    // Violent acts all meet the generic "attack": one key for them.
    return FrameTypesMatch(type, "attack") != TypeMatch::kNo
               ? std::string("violence")
               : NormalizeActor(type);
  };
  auto consider = [&](const LinkRecord& x, const LinkRecord& y,
                      const Candidate& c) -> std::optional<PairScore> {
    const Statement& sx = statements[x.statement];
    const Statement& sy = statements[y.statement];
    const v1::EventFrame& fx = sx.frames(x.frame);
    const v1::EventFrame& fy = sy.frames(y.frame);
    const TypeMatch type = FrameTypesMatch(fx.type(), fy.type());
    if (type == TypeMatch::kNo) return std::nullopt;
    // One event: matching agents, or (one side without agents) shared
    // targets or places, or two bare frames of one type whose links both
    // say what began the act ("the clashes began after ...", "the violence
    // began when ...").
    bool by_agents = false;
    bool bare = false;
    const std::vector<std::string> ax = NamedAgents(sx, fx);
    const std::vector<std::string> ay = NamedAgents(sy, fy);
    auto any_match = [](const std::vector<std::string>& a,
                        const std::vector<std::string>& b) {
      for (const std::string& x : a) {
        for (const std::string& y : b) {
          if (ActorsMatch(x, y)) return true;
        }
      }
      return false;
    };
    if (!ax.empty() && !ay.empty()) {
      if (!any_match(ax, ay)) return std::nullopt;
      by_agents = true;
    } else if (!AnyActorMatches(fx.targets(), fy.targets()) &&
               !PlacesOverlap(fx.locations(), fy.locations())) {
      const bool nothing_named =
          ax.empty() && ay.empty() && fx.targets_size() == 0 &&
          fy.targets_size() == 0 && fx.locations_size() == 0 &&
          fy.locations_size() == 0;
      if (!nothing_named || type != TypeMatch::kExact ||
          !SaysWhatBegan(link_of(x)) || !SaysWhatBegan(link_of(y))) {
        return std::nullopt;
      }
      bare = true;
    }
    if (fx.locations_size() > 0 && fy.locations_size() > 0 &&
        !PlacesOverlap(fx.locations(), fy.locations())) {
      return std::nullopt;
    }
    if (FramesDatedApart(sx, x.frame, sy, y.frame, options.date_tolerance_days)) {
      return std::nullopt;
    }
    const bool same_doc = document_of[x.statement] == document_of[y.statement];
    if (same_doc && options.skip_same_document) return std::nullopt;

    const CausalLink& lx = link_of(x);
    const CausalLink& ly = link_of(y);
    const bool ux = lx.relation() == CausalLink::UNPROVOKED;
    const bool uy = ly.relation() == CausalLink::UNPROVOKED;
    const bool both_named = !x.initiator.empty() && !y.initiator.empty();
    const bool same_initiator = both_named && ActorsMatch(x.initiator, y.initiator);
    bool weak = false;
    if (ux && uy) return std::nullopt;
    if (ux || uy) {
      if (same_initiator) return std::nullopt;  // case (a)
    } else if (both_named) {
      if (same_initiator) return std::nullopt;  // case (b)
    } else {
      // case (c)
      if (lx.relation() != CausalLink::RETALIATION_FOR ||
          ly.relation() != CausalLink::RETALIATION_FOR) {
        return std::nullopt;
      }
      const std::set<std::string> wx = ContentWords(lx.antecedent());
      const std::set<std::string> wy = ContentWords(ly.antecedent());
      if (wx.empty() || wy.empty() || !Disjoint(wx, wy)) return std::nullopt;
      weak = true;
    }

    double conf = 0.60;
    if ((ux || uy) && (lx.relation() == CausalLink::RETALIATION_FOR ||
                       ly.relation() == CausalLink::RETALIATION_FOR)) {
      conf += 0.10;
    }
    conf += 0.10 * SimilarityFactor(c.similarity);
    if (type == TypeMatch::kExact &&
        NormalizeActor(fx.type()) == NormalizeActor(fy.type())) {
      conf += 0.05;
    }
    if (by_agents) conf += 0.05;
    if (type == TypeMatch::kGeneric) conf -= 0.10;
    if (!by_agents) conf -= 0.10;
    if (bare) conf -= 0.05;
    if (DaysBetweenPublished(documents[document_of[x.statement]].published(),
                             documents[document_of[y.statement]].published()) >
        14) {
      conf -= 0.15;
    }
    if (weak) conf = std::min(conf - 0.20, 0.45);
    conf = std::clamp(conf, 0.05, 0.99);
    if (conf < options.min_confidence) return std::nullopt;
    const std::string src_x = SourceKey(x.attribution);
    const std::string src_y = SourceKey(y.attribution);
    const bool conflicting =
        !src_x.empty() && !src_y.empty() && !ActorsMatch(src_x, src_y);
    return PairScore{conf, conflicting ? Finding::CONFLICTING_SOURCES
                                       : Finding::UNEXPLAINED};
  };
  const std::vector<Match> matches = MatchItemPairs(
      statements, documents, document_of, pairs, event_of,
      options.max_event_bucket, records, kind_of, consider);

  // One finding per (event, act type, the pair of initiators).
  std::map<std::vector<std::string>, std::vector<const Match*>> groups;
  for (const Match& m : matches) {
    const v1::EventFrame& f = statements[m.a->statement].frames(m.a->frame);
    std::string ia = ActorKey(m.a->initiator), ib = ActorKey(m.b->initiator);
    std::string ra = RelationText(link_of(*m.a)), rb = RelationText(link_of(*m.b));
    if (std::tie(ib, rb) < std::tie(ia, ra)) {
      std::swap(ia, ib);
      std::swap(ra, rb);
    }
    groups[{m.event_id, NormalizeActor(f.type()), ia, ra, ib, rb}].push_back(&m);
  }
  std::vector<Finding> findings;
  for (const auto& [key, members] : groups) {
    Finding finding;
    finding.set_kind(Finding::CAUSAL_ORDER_CONFLICT);
    finding.set_event_id(key[0]);
    double confidence = 0;
    bool same_document = true, conflicting = false;
    std::vector<const LinkRecord*> sides;
    std::set<const LinkRecord*> seen;
    for (const Match* m : members) {
      confidence = std::max(confidence, m->confidence);
      conflicting = conflicting || m->cause == Finding::CONFLICTING_SOURCES;
      same_document = same_document &&
                      document_of[m->a->statement] == document_of[m->b->statement];
      for (const LinkRecord* r : {m->a, m->b}) {
        if (seen.insert(r).second) sides.push_back(r);
      }
    }
    std::sort(sides.begin(), sides.end(),
              [](const LinkRecord* a, const LinkRecord* b) {
                return std::tie(a->statement, a->frame, a->link) <
                       std::tie(b->statement, b->frame, b->link);
              });
    finding.set_cause(conflicting ? Finding::CONFLICTING_SOURCES
                                  : Finding::UNEXPLAINED);
    finding.set_confidence(RoundConfidence(confidence));
    finding.set_severity(SeverityFor(finding.confidence()));
    finding.set_same_document(same_document);
    std::vector<std::string> parts, details;
    for (const LinkRecord* r : sides) {
      const v1::Document& d = documents[document_of[r->statement]];
      const CausalLink& l = link_of(*r);
      const std::string who =
          r->initiator.empty() ? std::string("not named") : r->initiator;
      std::string via = DocLabel(d);
      if (!r->attribution.source().empty()) {
        via = absl::StrCat(r->attribution.source(), ", ", via);
      }
      parts.push_back(absl::StrCat(who, " (", RelationText(l), "; ", via, ")"));
      details.push_back(absl::StrFormat(
          "%s%s calls it %s (\"%s\")%s", d.id(),
          d.published().empty() ? "" : absl::StrCat(" (", d.published(), ")"),
          RelationText(l), l.cue(),
          r->initiator.empty() ? ""
                               : absl::StrCat(": ", r->initiator, " struck first")));
      v1::Claim claim = BaseClaim(r->statement, statements, documents, document_of);
      *claim.mutable_attribution() = r->attribution;
      claim.set_attributed_to(r->attribution.source());
      *finding.add_claims() = std::move(claim);
    }
    const std::string type =
        statements[sides[0]->statement].frames(sides[0]->frame).type();
    finding.set_summary(absl::StrCat("Who struck first in the ", type, ": ",
                                     absl::StrJoin(parts, " vs ")));
    finding.set_explanation(absl::StrCat(
        absl::StrJoin(details, "; "),
        ". The accounts cannot both hold: they disagree on what began the ",
        type, ".",
        conflicting ? " They come from different sources." : ""));
    findings.push_back(std::move(finding));
  }
  return findings;
}

}  // namespace factdiff
