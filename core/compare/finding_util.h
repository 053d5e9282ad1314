// Helpers shared by the finders of core/compare (package-private): dates,
// publication times, actor and frame-type matching, candidate pairs and the
// common fields of a Claim.
//
//   for (const Candidate& c : CandidatePairs(eligible, pairs, event_of,
//                                            options.max_event_bucket, true)) {
//     ... compare statements[c.a] with statements[c.b] ...
//   }
#ifndef FACTDIFF_CORE_COMPARE_FINDING_UTIL_H_
#define FACTDIFF_CORE_COMPARE_FINDING_UTIL_H_

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "core/align/aligner.h"
#include "proto/document.pb.h"
#include "proto/extraction.pb.h"
#include "proto/report.pb.h"

namespace factdiff {
namespace compare_internal {

// Days since 1970-01-01 of an ISO date "YYYY-MM-DD" (anything after the
// tenth character is ignored); nullopt when malformed.
std::optional<int64_t> DayNumber(absl::string_view iso);

// Minutes since 1970-01-01T00:00Z of a publication "YYYY-MM-DD" or
// "YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM|-HH:MM]"; *has_time tells which. A date
// alone reads as its midnight UTC. nullopt when empty or malformed.
std::optional<int64_t> PublishedMinutes(absl::string_view published,
                                        bool* has_time);

// Order of two publications: -1 when `a` is strictly earlier, 1 when
// strictly later, 0 when they cannot be told apart (equal, unknown, or the
// same calendar day with a time on one side only).
int ComparePublished(absl::string_view a, absl::string_view b);

// Whole days between two publications' dates; -1 when either is missing.
int DaysBetweenPublished(absl::string_view a, absl::string_view b);

// An actor or source normalized for matching: lower case, ASCII letters and
// digits, possessives ("'s", "’s") and leading articles dropped, single
// spaces. "Pakistan’s military" -> "pakistan military".
std::string NormalizeActor(absl::string_view actor);

// Whether two actors may be the same. Both are normalized first. Words of a
// documented generic list ("military", "police", "officials", "group", ...)
// say nothing about who: the actors match when they share a distinctive
// word and the distinctive words of one are all in the other ("pakistan"
// and "pakistan military"; never "military" and "pakistan military"). A
// demonym matches its country by a fixed suffix rule: stem + "i", "n",
// "an", "ian", "ese", "istan" ("pakistani" ~ "pakistan", "afghan" ~
// "afghanistan", "syrian" ~ "syria"); stems of at least four letters.
bool ActorsMatch(absl::string_view a, absl::string_view b);

// The distinctive words of an actor (see ActorsMatch), in order, joined by
// spaces: a key that groups spellings of one actor ("Pakistan's military"
// and "pakistan" -> "pakistan").
std::string ActorKey(absl::string_view actor);

// Whether two actors are surely different: both hold a distinctive word
// and they share none.
bool ActorsDiffer(absl::string_view a, absl::string_view b);

// Event-type compatibility (types from core/event's lexicon, compared after
// lower-casing, dropping spaces and hyphens and a plural "s"): kExact for
// equal types or synonyms of one group ("air strike" ~ "airstrike" ~ "drone
// strike"; "bombing" ~ "blast" ~ "explosion"; "clash" ~ "fighting"), kGeneric
// when one is a generic act ("attack", "strike", "assault", "raid") and the
// other a violent act of any group, kNo otherwise (and for empty types).
enum class TypeMatch { kNo, kGeneric, kExact };
TypeMatch FrameTypesMatch(absl::string_view a, absl::string_view b);

// Whether two lists of place names share a distinctive word (generic place
// words such as "border", "city", "province", "area" do not count).
bool PlacesOverlap(const google::protobuf::RepeatedPtrField<std::string>& a,
                   const google::protobuf::RepeatedPtrField<std::string>& b);

// Whether some actor of `a` matches some actor of `b` (ActorsMatch).
bool AnyActorMatches(const google::protobuf::RepeatedPtrField<std::string>& a,
                     const google::protobuf::RepeatedPtrField<std::string>& b);

// The agents of frame `f` of `s` that name someone, for matching: an agent
// written after a possessive pronoun ("its forces", "their aircraft")
// stands for the source of the attribution that holds it, when there is
// one ("Malvar's defense ministry said its forces had struck" -> the
// ministry); an agent without a distinctive word ("forces", "troops") is
// left out. The rest are returned as written.
std::vector<std::string> NamedAgents(const v1::Statement& s,
                                     const v1::EventFrame& f);

// The resolved day range [first, last] that dates frame `frame` of `s`, by
// its time_indexes (DAY granularity only). When the frame has no
// time_indexes and `s` has exactly one frame and exactly one resolved DAY
// time, that time is used and *fallback is set. false when undated.
bool FrameDays(const v1::Statement& s, int frame, int64_t* first,
               int64_t* last, bool* fallback, std::vector<int>* time_indexes);

// Whether two frames are dated (FrameDays) more than `tolerance` days
// apart: then they are different incidents for every finder but dates.
bool FramesDatedApart(const v1::Statement& a, int fa, const v1::Statement& b,
                      int fb, int tolerance);

// The narrowest attribution of `s` whose span or content holds `span`;
// nullptr when none.
const v1::Attribution* CoveringAttribution(const v1::Statement& s,
                                           const v1::Span& span);

// The name that finders match an attribution's source by: its
// source_normalized, or its source as written when that is empty ("" when
// both are). Feed it to ActorsMatch, ActorsDiffer, ActorKey or
// NormalizeActor; for display use the source as written.
std::string SourceKey(const v1::Attribution& a);

// The stretch of `s.text()` that `span` covers, or "" when it falls outside
// the statement.
absl::string_view SpanText(const v1::Statement& s, const v1::Span& span);

// A statement pair to compare; a <= b (a == b: two items of one sentence).
// `similarity` is the aligned pair's similarity, 1 for a statement with
// itself, 0 for two statements linked only by their event id.
struct Candidate {
  uint32_t a = 0;
  uint32_t b = 0;
  double similarity = 0;
  bool aligned = false;  // an aligned pair or the statement with itself
  bool keyed = false;    // added by AddKeyedCandidates (found only by key)
};

// The pairs of eligible statements worth comparing: aligned pairs, pairs of
// one event (non-empty equal event_of) when the event holds at most
// `max_bucket` eligible statements, and each eligible statement with itself
// when `with_self`. Sorted by (a, b), no repeats.
std::vector<Candidate> CandidatePairs(const std::vector<bool>& eligible,
                                      const std::vector<AlignedPair>& pairs,
                                      const std::vector<std::string>& event_of,
                                      int max_bucket, bool with_self);

// Which documents tell one story: two documents are linked when an aligned
// pair or an event (event_of) spans both, or when they were published at
// most 14 days apart (or either date is unknown) and share at least three
// names (capitalized words that do not open a sentence, weekdays, months
// and titles aside). Built once per call of a finder; names are read
// lazily. Not thread-safe (a lazily filled cache); use one per thread.
class StoryLinks {
 public:
  // All four vectors must outlive this object.
  // With `use_names` false, only the aligner's links count.
  StoryLinks(const std::vector<v1::Statement>& statements,
             const std::vector<v1::Document>& documents,
             const std::vector<uint32_t>& document_of,
             const std::vector<AlignedPair>& pairs,
             const std::vector<std::string>& event_of, bool use_names = true);

  bool Linked(uint32_t doc_a, uint32_t doc_b);

 private:
  const std::vector<v1::Statement>& statements_;
  const std::vector<v1::Document>& documents_;
  const std::vector<uint32_t>& document_of_;
  // The story (union-find root) of each document, from the aligner alone.
  std::vector<uint32_t> component_;
  // The statements of each document, built on the first name lookup.
  std::vector<std::vector<uint32_t>> statements_of_;
  std::map<uint32_t, std::set<std::string>> names_;
  bool use_names_ = true;
};

// Pairs (a < b) of statements in two different, story-linked documents that
// share a key (keys[i]: the keys of statement i, e.g. the kinds of figure it
// gives). A key held by more than `max_bucket` statements gives no pairs.
// Sorted, no repeats.
std::vector<std::pair<uint32_t, uint32_t>> KeyedPairs(
    const std::vector<std::set<std::string>>& keys,
    const std::vector<uint32_t>& document_of, StoryLinks* links,
    int max_bucket);

// Appends to *candidates, as Candidate{a, b, /*similarity=*/0,
// /*aligned=*/false, /*keyed=*/true}, each pair (a, b) of
// KeyedPairs(keys, document_of, links, max_bucket), in its order, that is
// not already among *candidates. Call it again with other keys or links to
// add pairs of another kind; a pair is never added twice.
void AddKeyedCandidates(const std::vector<std::set<std::string>>& keys,
                        const std::vector<uint32_t>& document_of,
                        StoryLinks* links, int max_bucket,
                        std::vector<Candidate>* candidates);

// A similarity mapped to [0, 1]: 0.15 and below -> 0, 0.5 and above -> 1.
double SimilarityFactor(double similarity);

// The document fields of a claim for statement `i`: document_id, span, text,
// statement_id, line (file line when the document has text_line), source and
// published.
v1::Claim BaseClaim(uint32_t i, const std::vector<v1::Statement>& statements,
                    const std::vector<v1::Document>& documents,
                    const std::vector<uint32_t>& document_of);

// The outlet of a document, or its id when it has none.
std::string DocLabel(const v1::Document& d);

// Confidence rounded to two decimals.
double RoundConfidence(double c);

// --- Comparing the items of statement pairs --------------------------------
//
// The candidate loop of the finders that compare items of statements (the
// causal links of CAUSAL_ORDER_CONFLICT, the dated frames of DATE_MISMATCH):
//
//   std::vector<ItemMatch<LinkRecord>> matches = MatchItemPairs(
//       statements, documents, document_of, pairs, event_of,
//       options.max_event_bucket, records,
//       [&](const LinkRecord& r) { return KindOf(r); },
//       [&](const LinkRecord& x, const LinkRecord& y, const Candidate& c)
//           -> std::optional<PairScore> { ... });

// A finder's verdict on two items that conflict (see MatchItemPairs).
struct PairScore {
  double confidence = 0;
  v1::Finding::Cause cause = v1::Finding::UNEXPLAINED;
};

// Two items that conflict: `a` is an item of statement c.a, `b` of
// statement c.b, for the Candidate c that paired them. Both point into the
// `items` given to MatchItemPairs, which must outlive the match.
template <typename Item>
struct ItemMatch {
  const Item* a = nullptr;
  const Item* b = nullptr;
  double confidence = 0;
  v1::Finding::Cause cause = v1::Finding::UNEXPLAINED;
  std::string event_id;  // event_of[c.a], or event_of[c.b] when that is empty
};

// The statement pairs a finder of items compares:
// CandidatePairs(eligible, pairs, event_of, max_bucket, with_self) in its
// order, then AddKeyedCandidates(keys, document_of, StoryLinks with names,
// max_bucket): statements that share a key (a kind of act, a kind of
// figure) in two documents of one story, whether or not the aligner linked
// them, marked `keyed`. `eligible` and `keys` hold one entry per statement;
// `keys[i]` should be empty when !eligible[i]. No repeats.
std::vector<Candidate> StoryCandidates(
    const std::vector<bool>& eligible,
    const std::vector<std::set<std::string>>& keys,
    const std::vector<v1::Statement>& statements,
    const std::vector<v1::Document>& documents,
    const std::vector<uint32_t>& document_of,
    const std::vector<AlignedPair>& pairs,
    const std::vector<std::string>& event_of, int max_bucket,
    bool with_self = false);

// Compares the items of statement pairs. `items[i]` holds the items of
// statement i (one entry per statement); a statement is eligible when it
// has items, and its keys are key_of(item) for each of them (`key_of`:
// std::string(const Item&)). For each Candidate c of StoryCandidates, in
// order, and each x of items[c.a] and then each y of items[c.b], in order,
// calls score(x, y, c) (`score`: std::optional<PairScore>(const Item&,
// const Item&, const Candidate&)); every verdict it returns becomes an
// ItemMatch. A statement is not paired with itself (with_self is false);
// two statements of one document are, unless `score` declines them.
// Returns the matches in that order. `items` must outlive the result.
template <typename Item, typename KeyFn, typename ScoreFn>
std::vector<ItemMatch<Item>> MatchItemPairs(
    const std::vector<v1::Statement>& statements,
    const std::vector<v1::Document>& documents,
    const std::vector<uint32_t>& document_of,
    const std::vector<AlignedPair>& pairs,
    const std::vector<std::string>& event_of, int max_bucket,
    const std::vector<std::vector<Item>>& items, KeyFn key_of,
    ScoreFn score) {
  std::vector<bool> eligible(items.size());
  std::vector<std::set<std::string>> keys(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    eligible[i] = !items[i].empty();
    for (const Item& item : items[i]) keys[i].insert(key_of(item));
  }
  std::vector<ItemMatch<Item>> matches;
  for (const Candidate& c :
       StoryCandidates(eligible, keys, statements, documents, document_of,
                       pairs, event_of, max_bucket, /*with_self=*/false)) {
    for (const Item& x : items[c.a]) {
      for (const Item& y : items[c.b]) {
        std::optional<PairScore> verdict = score(x, y, c);
        if (!verdict.has_value()) continue;
        matches.push_back(ItemMatch<Item>{
            &x, &y, verdict->confidence, verdict->cause,
            event_of[c.a].empty() ? event_of[c.b] : event_of[c.a]});
      }
    }
  }
  return matches;
}

}  // namespace compare_internal
}  // namespace factdiff

#endif  // FACTDIFF_CORE_COMPARE_FINDING_UTIL_H_
