// Dense, blocked alignment: which statements speak of the same event, from
// L2-normalized sentence vectors (one row per statement, e.g. from
// core/embed) plus per-statement metadata (dates, blocking keys, event
// features).
//
//   std::vector<StatementFeatures> f = ...;  // one per row of `vectors`
//   for (size_t i = 0; i < f.size(); ++i)
//     f[i] = FeaturesFromStatement(statements[i], doc_index[i], published[i]);
//   FACTDIFF_ASSIGN_OR_RETURN(DenseAlignment a,
//                             AlignDense(vectors, f, DenseAlignOptions()));
//   for (const DenseLink& l : a.pairs) Compare(l.a, l.b);  // a.clusters: events
//
// How pairs are found and kept, in order:
//  1. Blocking. Two statements are candidates only when they share a
//     blocking key AND their anchors are within `time_window_days` of each
//     other. A statement's anchor is its resolved window (`when`), else its
//     document's publication day; a statement with neither is compatible
//     with every date. Each key's statements are cut into time tiles of
//     2 * time_window_days + 1 days (a statement joins every tile that meets
//     [first, last + time_window_days], so two compatible statements always
//     share a tile); a (key, tile) block with more than `max_block_size`
//     statements is too unspecific and is skipped (counted in
//     skipped_blocks). Within a block the similarities are one matrix
//     product of the block's rows (Eigen). Cost follows the block sizes,
//     never n^2 over all statements.
//  2. Similarity: the dot product of the two rows, at least min_similarity.
//  3. Event compatibility (ScoreLink): vetoes and a score, see below.
//  4. Each statement keeps its top_k partners by score; a pair is linked
//     when either side kept the other (independent of the order of rows).
//  5. Clusters: links are merged strongest first with a union-find that
//     REFUSES a merge that would put two statements with conflicting dates
//     in one cluster (each cluster keeps the latest start and the earliest
//     end of its members' resolved windows, `when` else `context_when`; a merge is refused when the
//     merged cluster's latest start would be more than date_tolerance_days
//     after its earliest end). So "23 killed on Oct. 11-12" and "11 killed on
//     Oct. 8" never end up in one event through a chain of looser links.
//     Statements without a resolved window never block a merge.
//  6. Document context (optional: call AddDocumentContext first). A
//     sentence without a date of its own ("The army said its troops killed
//     34 fighters") is about its article's main event; a sentence without a
//     place of its own takes its article's places. The inherited date and
//     places count for blocking, the vetoes and the cluster guard, never for
//     the bonuses.
//  7. Background statements (StatementFeatures::background: commentary and
//     history, with no event, figure, date, place or contested claim of
//     their own) are left out unless link_background is set. Two clusters
//     of 2+ statements merge only when the mean similarity of their members
//     reaches min_cluster_similarity or their dates agree to within three
//     days, so that a chain of fair links cannot join unlike groups.
#ifndef FACTDIFF_CORE_ALIGN_DENSE_ALIGNER_H_
#define FACTDIFF_CORE_ALIGN_DENSE_ALIGNER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "Eigen/Core"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/types/optional.h"
#include "proto/config.pb.h"
#include "proto/extraction.pb.h"

namespace factdiff {

struct DenseAlignOptions {
  // --- Affects behavior -------------------------------------------------
  // Minimum cosine similarity (dot product of the normalized rows) for a
  // pair to be scored at all. Default 0.3.
  float min_similarity = 0.3f;
  // Each statement keeps at most this many partners (its best scored).
  // Default 8.
  int top_k = 8;
  // Also link statements of the same document (one article quoting two
  // sources, or telling one event in several sentences). Default true.
  bool same_document = true;
  // Blocking: two statements are candidates only when their anchors (the
  // resolved window, else the publication day) are at most this many days
  // apart. Days; default 3.
  int time_window_days = 3;
  // Veto: two statements whose resolved windows are more than this many
  // days apart never link, and never share a cluster. Days; default 1 (one
  // night's fighting spans two dates).
  int date_tolerance_days = 1;
  // A pair links only when its final score (see ScoreLink) reaches this.
  // Default 0.3.
  float min_event_score = 0.3f;
  // Score terms (see ScoreLink). Defaults: +0.1, +0.05 each up to +0.15,
  // -0.3, -0.15.
  float same_day_bonus = 0.1f;
  float shared_feature_bonus = 0.05f;
  float max_shared_bonus = 0.15f;
  float type_conflict_penalty = 0.3f;
  float location_conflict_penalty = 0.15f;
  // Veto links between statements that name different places (their own,
  // else their article's). A place below a country ("Peshawar", "Kunar")
  // says where; a country name or demonym only says which country.
  //  - When both dates (the events', else the publication days) are
  //    windows of at most a week ("on Sunday ... after strikes on
  //    Thursday") within date_tolerance_days, the link stands when
  //    either article names one of the other's places: one incident is
  //    told from several of its places ("a quake hit Taiz" / "hospitals in
  //    Sanaa"), and places of different granularity meet ("in Kunar" / "in
  //    eastern Afghanistan").
  //  - Otherwise each side's places below a country must be named somewhere
  //    in the other's article: "a mosque in Peshawar, Pakistan" is not
  //    "airstrikes in Kabul" when no report of the strikes names Peshawar,
  //    however much both articles say "Pakistan". Two sentences of one
  //    article with places of their own must share one ("talks in Doha" /
  //    "to meet again in Istanbul"). Sides with only country names keep the
  //    lenient rule.
  // "Hospitals in Nakuru treated 760" and "Hospitals in Mosul treated
  // 1,000" are two disasters however alike the words. Default true.
  bool veto_place_conflicts = true;
  // Veto links between statements whose event families (their own, else
  // their article's) cannot tell one incident: no family is shared, every
  // family is a known one (see FeaturesFromStatement), and no pair of them
  // is on the short list of families that one incident can join
  // (violence+protest: a march turns into clashes; violence+fire,
  // violence+transport, fire+transport, fire+heat, violence+diplomacy). A
  // flood is never an earthquake, a council vote never a protest. Other
  // disjoint families only take type_conflict_penalty. Default true.
  bool veto_type_conflicts = true;
  // Veto links between statements that both name someone or something
  // (capitalized words after the first; `names`) when neither statement's
  // names occur anywhere in the other's article (document_names):
  // "Altmark Foods said its revenue rose 16%" and "Vantor Motors said its
  // revenue rose 13%". Two reports of one incident name the same actors, or
  // at least each article names the other's ("the Taliban said" / "the
  // military said", in articles that both name the Taliban). Default true.
  bool veto_name_conflicts = true;
  // Link background statements: those with no event of their own (no
  // event frame, no figure with a measure, no window of at most three
  // days): "Islamabad says the Taliban shelter the group", "The TTP was
  // created during the war". Alike in words across every article on one
  // conflict, they would chain unrelated incidents into one event. Default
  // false: they are left out of events.
  bool link_background = false;
  // Two clusters merge only when the mean similarity of their members
  // (each of one with each of the other) reaches this: a chain of links
  // that are each good enough ("attacks by the TTP" - "air strikes against
  // the TTP" - "air strikes in 2022") does not join groups that are not
  // alike as a whole. A single statement joining a single statement is the
  // link itself. Default 0.2.
  float min_cluster_similarity = 0.2f;
  // A link between statements of different documents where one side has no
  // date at all (no window of its own, none from its article, no
  // publication day and no estimate, see date_estimate_slack_days) needs at
  // least this similarity. The date vetoes are the main guard against two
  // incidents of one kind ("air strikes in 2022" / "air strikes on
  // Friday"); where they cannot act, the words must be closer. Default 0.5.
  float min_untimed_similarity = 0.5f;
  // Estimated dates for undated articles. When some articles have no
  // publication day, a first pass links everything without
  // min_untimed_similarity. An undated article's statements vouch for the
  // publication days of the dated articles they link to when the two name
  // the same place below a country, one of them after a locative
  // ("strikes in Kabul"; see located_places). Those days fall into groups,
  // each day within this many days of the one before, and a group's
  // support is the number of statements that vouch for it. The best
  // supported group, when two statements or more vouch for it and more
  // than twice as many as for any other group, gives the window from its
  // earliest to its latest day, widened by this many days on each side.
  // Its statements
  // without a window of their own then take that window (for every rule
  // that reads dates), or their own time expressions resolved within it
  // where that is narrower ("on October 9"; see TimesAt), and the final
  // pass runs. When there are several groups and none leads so (its words
  // fit the floods in one town in 2024 and in 2025 alike), the article's
  // date is ambiguous: its statements without a window of their own link to no
  // other article ("undated article whose matches disagree on its date:
  // vetoed"). The estimate is coarse on purpose: it tells 2022 from 2025,
  // not Friday from Saturday. Days; default 30; 0 turns estimates off.
  int date_estimate_slack_days = 30;

  // --- Affects performance ---------------------------------------------
  // (key, time tile) blocks larger than this are skipped: a key that common
  // says nothing about the event. Statements; default 2048 (a block's
  // similarity matrix is then at most 16 MiB).
  int max_block_size = 2048;
};

// Days since 1970-01-01, both inclusive; first <= last.
struct DayRange {
  int32_t first = 0;
  int32_t last = 0;
};

// What the aligner knows of one statement besides its vector. Strings are
// compared after ASCII lower-casing; order and duplicates do not matter.
struct StatementFeatures {
  // Index of the statement's document (any numbering; equal == same doc).
  uint32_t document = 0;
  // The document's publication day; nullopt when unknown.
  absl::optional<int32_t> published_day;
  // The window the statement's event happened in, resolved from its time
  // expressions; nullopt when it names none.
  absl::optional<DayRange> when;
  // Blocking keys: entity and place tokens, event types, measure+subject.
  // A statement without keys is never linked.
  std::vector<std::string> blocking_keys;
  // Event features for ScoreLink.
  std::vector<std::string> event_types;   // families: "violence", "disaster"
  std::vector<std::string> locations;     // "kunar", "kabul"
  std::vector<std::string> participants;  // "soldiers", "taliban"
  std::vector<std::string> measures;      // "killed|soldier" (measure|subject)
  // Place words the statement itself names (frame locations, capitalized
  // words after "in", "near", "outside", ...), one lower-cased word each
  // ("Porto Alegre" gives "porto", "alegre"). For the place veto.
  std::vector<std::string> places;
  // `places` as FeaturesFromStatement found them, before AddDocumentContext
  // adds the run's gazetteer: the places the sentence itself locates
  // something in. For estimated dates (date_estimate_slack_days).
  std::vector<std::string> located_places;
  // The capitalized words after the first word, lower-cased, possessive
  // "'s" dropped (function, month and weekday words left out). For the name
  // veto; feeds document_names.
  std::vector<std::string> names;
  // The first word when it is capitalized and not a function word
  // ("Taliban fighters attacked ..."), lower-cased; feeds document_names
  // only (every sentence starts with a capital). Empty: none.
  std::string initial_name;
  // No event of its own: no event type, no measure, no window of at most
  // three days, and no place below a country among `places` (see
  // DenseAlignOptions::link_background). FeaturesFromStatement sets it.
  bool background = false;

  // Document context; AddDocumentContext fills these from the other
  // statements of the same document. Empty / nullopt: none.
  // The article's main window, for a statement without `when`.
  absl::optional<DayRange> context_when;
  // The places of the article's main event, for a statement without places.
  std::vector<std::string> context_places;
  // The event families of the article's main event, for a statement
  // without event_types.
  std::vector<std::string> context_types;
  // Every name, initial name and place of the article. Empty: the
  // statement's own names, initial name and places stand in.
  std::vector<std::string> document_names;
};

// Completes `places` from the whole run: a statement's name that any
// statement uses as a place (after a locative) is a place here too ("Hospitals
// in Taiz" makes "an earthquake hit Taiz" name Taiz). Then fills the document
// context of every statement from the statements that share its `document`:
//  - context_when: the first, in row order, of the document's day-precise
//    windows (at most 3 days long) that do not start after its publication
//    day: news tells its event in the lead ("The death toll from Saturday's
//    quake rose to 118 on Monday" gives Saturday..Monday), and a later
//    sentence may recall an earlier event or report a later step;
//  - the main statements: those whose own window is absent or overlaps
//    context_when (all statements when there is no context_when);
//  - context_places: the places of the main statements;
//  - context_types: the event families of the dated main statements ("a
//    quake struck on Tuesday"), else of all main statements (an aside on
//    landslides does not make a quake a flood);
//  - document_names: the names, initial names and places of the main
//    statements.
// A statement that is not a main one recalls another event ("On April 15,
// X had announced job cuts in Taiz"): it gets no context at all and lends
// the article neither its places nor its names, even when that event was
// the day before; its own names stand in for document_names.
// Statements that have `when` or `places` of their own keep using them.
// Linear in the number of statements and names.
void AddDocumentContext(std::vector<StatementFeatures>* statements);

// The verdict on one pair.
struct LinkScore {
  // True when a rule forbids the link whatever the similarity.
  bool vetoed = false;
  // similarity + bonuses - penalties, clamped to [0, 1]; 0 when vetoed.
  float score = 0;
  // Human-readable, in this order: "similarity 0.62", "same day
  // 2025-10-12", "shared: kunar, soldiers", "different event types: clash /
  // protest", "different places: kabul / quetta", "different dates:
  // 2025-10-08 / 2025-10-11..2025-10-12: vetoed".
  std::vector<std::string> reasons;
};

// Event compatibility of statements `a` and `b` whose vectors have cosine
// `similarity`:
//  - veto when both have `when` and the windows are more than
//    date_tolerance_days apart ("different dates: ...: vetoed");
//  - veto when only one has `when`, the other has a publication day, and the
//    window starts more than date_tolerance_days after that day (the other
//    article was written before the event: "dated after publication: ...:
//    vetoed");
//    (both rules read `when`, else `context_when`);
//  - veto when the two are of different documents, either has no date at
//    all (no `when`, `context_when` or `published_day`; AlignDense also
//    counts an estimated date) and similarity < min_untimed_similarity
//    ("no date: similarity 0.41 < 0.5: vetoed");
//  - veto when veto_place_conflicts, both have places (`places`, else
//    `context_places`), and they conflict as veto_place_conflicts describes
//    ("different places: nakuru / mosul: vetoed");
//  - veto when veto_type_conflicts, both have event families
//    (`event_types`, else `context_types`) and those cannot tell one
//    incident (see veto_type_conflicts): "different event types: seismic /
//    weather: vetoed";
//  - veto when veto_name_conflicts, both have `names`, and neither
//    statement's names occur among the other's document_names ("different
//    names: altmark, foods / vantor, motors: vetoed");
//  - + same_day_bonus when both own windows are at most 2 days long and overlap
//    ("same day D", D the first shared day);
//  - + shared_feature_bonus per shared participant, location or measure, at
//    most max_shared_bonus ("shared: ..." also lists shared blocking keys);
//  - - type_conflict_penalty when both name event types and share none;
//  - - location_conflict_penalty when both name locations and share none.
// Pure function; thread-safe.
LinkScore ScoreLink(const StatementFeatures& a, const StatementFeatures& b,
                    float similarity, const DenseAlignOptions& options);

// One kept link between rows a < b.
struct DenseLink {
  uint32_t a = 0;
  uint32_t b = 0;
  float similarity = 0;
  float score = 0;
  std::vector<std::string> reasons;
};

// An undated document's publication window, estimated from its links to
// dated documents (see DenseAlignOptions::date_estimate_slack_days).
struct EstimatedDate {
  uint32_t document = 0;  // StatementFeatures::document
  DayRange window;
  // How many of its statements vouched for it (at least two).
  int support = 0;
  // Groups of dates far apart vouch for it, none clearly more than the
  // others: `window` spans them all and is no estimate, `support` counts
  // each group's. Its statements without a window of their own link to no
  // other document.
  bool ambiguous = false;
};

struct DenseAlignment {
  // Links inside the final clusters (a link whose merge was refused and
  // whose ends stayed apart is left out), sorted by (a, b).
  std::vector<DenseLink> pairs;
  // Clusters with at least two statements, each sorted; clusters ordered by
  // their first statement.
  std::vector<std::vector<uint32_t>> clusters;
  // Pairs whose similarity was computed by the final, per-pair check (the
  // blocked aligner computes more in its block products).
  uint64_t candidate_pairs = 0;
  // Pairs at or above min_similarity that ScoreLink vetoed.
  uint64_t vetoed_pairs = 0;
  // Links not merged because of conflicting dates in the two clusters, or
  // because the clusters were not alike enough (min_cluster_similarity).
  uint64_t refused_merges = 0;
  // (key, tile) blocks skipped for exceeding max_block_size.
  uint64_t skipped_blocks = 0;
  // The estimated publication windows of undated documents (see
  // date_estimate_slack_days), ordered by document.
  std::vector<EstimatedDate> estimated_dates;
};

// Resolves statement `row`'s time expressions as if its document had been
// published on `day` (what core/time's TimeExtractor gives with that
// publication day). AlignDense calls it only for statements of undated
// documents whose date it estimated and that have no window of their own,
// at the estimate's first and last day; the hull of the two answers becomes
// the statement's window when it is narrower than the estimate ("On October
// 9" in an article estimated at Sep 18..Nov 28 is Oct 9). Empty: the
// statements take the estimate as it is.
using TimesAt = std::function<google::protobuf::RepeatedPtrField<
    v1::TimeExpression>(size_t row, absl::CivilDay day)>;

// Aligns the rows of `vectors` (n x dim, each row L2-normalized; row i is
// `statements[i]`). Deterministic for the same input; thread-compatible.
// Errors: InvalidArgument when the row count differs from
// statements.size(), when a `when` has first > last, or when an option is
// out of range (top_k < 1, negative days, max_block_size < 2).
// When some documents have no published_day and others do, and
// date_estimate_slack_days > 0, alignment runs twice: the first pass only
// estimates the undated documents' dates (see date_estimate_slack_days and
// TimesAt).
absl::StatusOr<DenseAlignment> AlignDense(
    const Eigen::MatrixXf& vectors,
    const std::vector<StatementFeatures>& statements,
    const DenseAlignOptions& options, const TimesAt& times_at = nullptr);

// The all-pairs reference: the same rules checked on every pair, without
// blocks (max_block_size is ignored: nothing is skipped). O(n^2); for tests.
absl::StatusOr<DenseAlignment> AlignDenseAllPairs(
    const Eigen::MatrixXf& vectors,
    const std::vector<StatementFeatures>& statements,
    const DenseAlignOptions& options, const TimesAt& times_at = nullptr);

// Options from a Config (min_similarity, top_k, skip_same_document and the
// alignment fields 10..17); fields left at zero / unset keep the defaults
// above.
DenseAlignOptions DenseAlignOptionsFromConfig(const v1::Config& config);

// Writes the options DenseAlignOptionsFromConfig reads from `config` back
// into it, defaults filled (time_window_days, date_tolerance_days,
// min_event_score, max_block_size, min_cluster_similarity,
// min_untimed_similarity, date_estimate_slack_days), so that a Report
// shows the values it ran with.
void FillAlignDefaults(v1::Config* config);

// The hull of the resolved expressions among `times` of the finest
// granularity present (DAY, else WEEK, else MONTH, else YEAR; DECADE,
// DURATION and unresolved ones are ignored); nullopt when none.
absl::optional<DayRange> WindowOfTimes(
    const google::protobuf::RepeatedPtrField<v1::TimeExpression>& times);

// Days since 1970-01-01 of `day`, and back.
int32_t ToEpochDay(absl::CivilDay day);
absl::CivilDay FromEpochDay(int32_t day);

// Features of an extracted statement:
//  - when: WindowOfTimes(statement.times());
//  - event_types: the families of its frames' types (violence, seismic,
//    weather, heat, fire, volcanic, transport, protest, diplomacy,
//    election, business; "attack" and "clash" are both violence, "flood"
//    and "storm" both weather, while "flood" and "earthquake" conflict;
//    "landslide" is seismic and weather; "arrest" gives none; an unknown
//    type is its own family);
//    locations, participants (agents and targets) from its frames; measures "measure|subject" from its quantities with a measure;
//  - blocking keys: "w:" + each capitalized word that does not start the
//    sentence (3+ letters, outside a short list of capitalized function,
//    month and weekday words), "t:" + event types, "l:" + locations,
//    "m:" + measures;
//  - names: the capitalized words after the first one (3+ letters, not a
//    listed function, month or weekday word), possessive "'s" dropped;
//    initial_name: the first word when it qualifies so;
//  - places: the frames' locations and the capitalized words right after a
//    locative preposition ("in", "near", "outside", "around", "across",
//    "throughout", "inside"; "the" may sit between: "in the Visayas"),
//    split into words.
StatementFeatures FeaturesFromStatement(
    const v1::Statement& statement, uint32_t document,
    absl::optional<absl::CivilDay> published);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_ALIGN_DENSE_ALIGNER_H_
