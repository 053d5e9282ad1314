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

// What a reporting word takes as its content when no "that", ':' or
// quotation marks it (a marked content is read for every frame).
enum class Frame : uint8_t {
  kSay,     // speech verbs: anything when `strong`, else only a marked one
  kClause,  // belief and statement verbs: a bare clause ("believes he will
            // win", "warned the deal could fail") or "to V"
  kObject,  // evaluation verbs: any object ("criticized the plan",
            // "called the charges baseless")
  kTo,      // intention verbs: "to V" ("vowed to appeal")
  kObjTo,   // directive verbs: "X to V" ("urged voters to stay home")
  kFind,    // evidence verbs ("found", "shows"): a bare clause, or any
            // object when the subject is a study, poll, report...
};

struct CueWord {
  Stance stance;
  bool strong;      // read in every form, content need not start with "that"
  bool invertible;  // may stand before its source: ", said X."
  bool listener;    // takes a listener object: "told Reuters"
  Special special;
  Frame frame = Frame::kSay;
  // A participle after a comma ("..., saying C"): the source is the
  // subject of the clause it trails.
  bool participle = false;
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
    {"stated", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"added", {kAsserts, false, true, false, Special::kNone}},
    {"adds", {kAsserts, false, true, false, Special::kNone}},
    {"claimed", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"claims", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"announced", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"noted", {kAsserts, false, true, false, Special::kNone, Frame::kClause}},
    {"notes", {kAsserts, false, true, false, Special::kNone, Frame::kClause}},
    {"warned", {kAsserts, false, true, false, Special::kNone, Frame::kClause}},
    {"insisted", {kAsserts, false, true, false, Special::kNone, Frame::kClause}},
    {"insists", {kAsserts, false, true, false, Special::kNone, Frame::kClause}},
    {"argued", {kAsserts, false, true, false, Special::kNone, Frame::kClause}},
    {"argues", {kAsserts, false, true, false, Special::kNone, Frame::kClause}},
    {"acknowledged", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"admitted", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"confirmed", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"explained", {kAsserts, false, true, false, Special::kNone, Frame::kClause}},
    {"wrote", {kAsserts, false, true, false, Special::kNone, Frame::kClause}},
    {"writes", {kAsserts, false, true, false, Special::kNone, Frame::kClause}},
    {"reported", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"reports", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"asserted", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"declared", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"maintained", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"alleged", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"stressed", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"emphasized", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"emphasised", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"asked", {kAsserts, false, true, false, Special::kNone, Frame::kObjTo}},
    {"replied", {kAsserts, false, true, false, Special::kNone}},
    {"responded", {kAsserts, false, false, false, Special::kNone}},
    {"continued", {kAsserts, false, true, false, Special::kNone}},
    {"recalled", {kAsserts, false, true, false, Special::kNone, Frame::kClause}},
    {"predicted", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"suggested", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"conceded", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"tweeted", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"countered", {kAsserts, false, true, false, Special::kNone, Frame::kClause}},
    {"cautioned", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    // Belief and statement verbs that take a bare clause.
    {"believes", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"believe", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"believed", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"thinks", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"think", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"thought", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"feels", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"felt", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"fears", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"feared", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"worries", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"knows", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"knew", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"contends", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"contended", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"contend", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"concluded", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"concludes", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"predicts", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"expects", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"expected", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"hopes", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"hoped", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"argue", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"insist", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"warn", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"warns", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"suggest", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"suggests", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"indicated", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"indicates", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"acknowledges", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"admits", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"concedes", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"reiterated", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"reiterates", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"assured", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"vowed", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"vows", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"pledged", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"pledges", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"promised", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"promises", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"agreed", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"agrees", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    // Evaluation and mention verbs that take any object.
    {"called", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"calls", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"cited", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"cites", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"criticized", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"criticizes", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"criticised", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    // Not "attacked", "blasted", "struck": in news of wars and disasters
    // their physical sense ("forces attacked border posts") is the common
    // one, and reading it as speech would give the attackers a quote.
    {"slammed", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"slams", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"praised", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"praises", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"condemned", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"condemns", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"described", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"describes", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"echoed", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"echoes", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"endorsed", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"endorses", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"questioned", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"mentioned", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"mentions", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"touted", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"touts", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"defended", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"defends", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"highlighted", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"welcomed", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"applauded", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"lauded", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"hailed", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"denounced", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"denounces", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"decried", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"disputed", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"mocked", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"ridiculed", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"proposed", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"proposes", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"demanded", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"recommended", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"revealed", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"reveals", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"disclosed", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"identified", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    // Intention verbs: "to V".
    {"wants", {kAsserts, false, false, false, Special::kNone, Frame::kTo}},
    {"want", {kAsserts, false, false, false, Special::kNone, Frame::kTo}},
    {"wanted", {kAsserts, false, false, false, Special::kNone, Frame::kTo}},
    {"plans", {kAsserts, false, false, false, Special::kNone, Frame::kTo}},
    {"planned", {kAsserts, false, false, false, Special::kNone, Frame::kTo}},
    {"intends", {kAsserts, false, false, false, Special::kNone, Frame::kTo}},
    {"intended", {kAsserts, false, false, false, Special::kNone, Frame::kTo}},
    {"seeks", {kAsserts, false, false, false, Special::kNone, Frame::kTo}},
    {"sought", {kAsserts, false, false, false, Special::kNone, Frame::kTo}},
    {"aims", {kAsserts, false, false, false, Special::kNone, Frame::kTo}},
    {"threatened", {kAsserts, false, false, false, Special::kNone, Frame::kTo}},
    {"threatens", {kAsserts, false, false, false, Special::kNone, Frame::kTo}},
    // Directive verbs: "X to V".
    {"urged", {kAsserts, false, false, false, Special::kNone, Frame::kObjTo}},
    {"urges", {kAsserts, false, false, false, Special::kNone, Frame::kObjTo}},
    {"encouraged", {kAsserts, false, false, false, Special::kNone, Frame::kObjTo}},
    {"encourages", {kAsserts, false, false, false, Special::kNone, Frame::kObjTo}},
    {"pressed", {kAsserts, false, false, false, Special::kNone, Frame::kObjTo}},
    {"implored", {kAsserts, false, false, false, Special::kNone, Frame::kObjTo}},
    // Evidence verbs.
    {"found", {kAsserts, false, false, false, Special::kNone, Frame::kFind}},
    {"finds", {kAsserts, false, false, false, Special::kNone, Frame::kFind}},
    {"shows", {kAsserts, false, false, false, Special::kNone, Frame::kFind}},
    {"show", {kAsserts, false, false, false, Special::kNone, Frame::kFind}},
    {"showed", {kAsserts, false, false, false, Special::kNone, Frame::kFind}},
    // More statement verbs, every form that follows a subject.
    {"explains", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"explain", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"claim", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"know", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"doubts", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"doubted", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"doubt", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"assumed", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"assumes", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"recognized", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"recognizes", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"recognize", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"admit", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"stresses", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"emphasizes", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"repeated", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"repeats", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"reminded", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"reminds", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"assures", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"promise", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"predict", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"maintains", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"replies", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"testified", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"testifies", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"observed", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"observes", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"remarked", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"quipped", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"joked", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"boasted", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"bragged", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"complained", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"complains", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"lamented", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"laments", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"confessed", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"speculated", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"hinted", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"implied", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"signaled", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"signalled", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"alleges", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"protested", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"objected", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"retorted", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"wondered", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"understands", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"understood", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"realized", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"realizes", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"acknowledge", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"announces", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    {"noticed", {kAsserts, false, false, false, Special::kNone, Frame::kClause}},
    // More evaluation verbs.
    {"likened", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"compared", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"labeled", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"labelled", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"branded", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"dubbed", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"characterized", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"portrayed", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"painted", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"backed", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"opposed", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"opposes", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"favored", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"favors", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"downplayed", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"referenced", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"invoked", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"quoted", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"recounted", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"discussed", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"addressed", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"credited", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"thanked", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"congratulated", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"scolded", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"chastised", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"rebuked", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"faulted", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"lambasted", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"excoriated", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"assailed", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"derided", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"castigated", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"berated", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"ripped", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    {"trashed", {kAsserts, false, false, false, Special::kNone, Frame::kObject}},
    // Participles: "..., saying C", "..., adding that C".
    {"saying", {kAsserts, true, false, false, Special::kNone, Frame::kSay, true}},
    {"telling", {kAsserts, true, false, true, Special::kNone, Frame::kSay, true}},
    {"adding", {kAsserts, false, false, false, Special::kNone, Frame::kClause, true}},
    {"arguing", {kAsserts, false, false, false, Special::kNone, Frame::kClause, true}},
    {"claiming", {kAsserts, false, false, false, Special::kNone, Frame::kClause, true}},
    {"noting", {kAsserts, false, false, false, Special::kNone, Frame::kClause, true}},
    {"insisting", {kAsserts, false, false, false, Special::kNone, Frame::kClause, true}},
    {"warning", {kAsserts, false, false, false, Special::kNone, Frame::kClause, true}},
    {"suggesting", {kAsserts, false, false, false, Special::kNone, Frame::kClause, true}},
    {"predicting", {kAsserts, false, false, false, Special::kNone, Frame::kClause, true}},
    {"asserting", {kAsserts, false, false, false, Special::kNone, Frame::kClause, true}},
    {"stressing", {kAsserts, false, false, false, Special::kNone, Frame::kClause, true}},
    {"emphasizing", {kAsserts, false, false, false, Special::kNone, Frame::kClause, true}},
    {"acknowledging", {kAsserts, false, false, false, Special::kNone, Frame::kClause, true}},
    {"admitting", {kAsserts, false, false, false, Special::kNone, Frame::kClause, true}},
    {"explaining", {kAsserts, false, false, false, Special::kNone, Frame::kClause, true}},
    {"declaring", {kAsserts, false, false, false, Special::kNone, Frame::kClause, true}},
    {"contending", {kAsserts, false, false, false, Special::kNone, Frame::kClause, true}},
    {"conceding", {kAsserts, false, false, false, Special::kNone, Frame::kClause, true}},
    {"recalling", {kAsserts, false, false, false, Special::kNone, Frame::kClause, true}},
    {"writing", {kAsserts, false, false, false, Special::kNone, Frame::kClause, true}},
    {"tweeting", {kAsserts, false, false, false, Special::kNone, Frame::kClause, true}},
    {"promising", {kAsserts, false, false, false, Special::kNone, Frame::kClause, true}},
    {"vowing", {kAsserts, false, false, false, Special::kNone, Frame::kClause, true}},
    {"pledging", {kAsserts, false, false, false, Special::kNone, Frame::kClause, true}},
    {"reiterating", {kAsserts, false, false, false, Special::kNone, Frame::kClause, true}},
    {"citing", {kAsserts, false, false, false, Special::kNone, Frame::kObject, true}},
    {"calling", {kAsserts, false, false, false, Special::kNone, Frame::kObject, true}},
    {"criticizing", {kAsserts, false, false, false, Special::kNone, Frame::kObject, true}},
    {"praising", {kAsserts, false, false, false, Special::kNone, Frame::kObject, true}},
    {"describing", {kAsserts, false, false, false, Special::kNone, Frame::kObject, true}},
    {"comparing", {kAsserts, false, false, false, Special::kNone, Frame::kObject, true}},
    {"lamenting", {kAsserts, false, false, false, Special::kNone, Frame::kObject, true}},
    {"questioning", {kAsserts, false, false, false, Special::kNone, Frame::kObject, true}},
    {"echoing", {kAsserts, false, false, false, Special::kNone, Frame::kObject, true}},
    {"touting", {kAsserts, false, false, false, Special::kNone, Frame::kObject, true}},
    {"defending", {kAsserts, false, false, false, Special::kNone, Frame::kObject, true}},
    {"attacking", {kAsserts, false, false, false, Special::kNone, Frame::kObject, true}},
    {"blasting", {kAsserts, false, false, false, Special::kNone, Frame::kObject, true}},
    {"slamming", {kAsserts, false, false, false, Special::kNone, Frame::kObject, true}},
    {"announcing", {kAsserts, false, false, false, Special::kNone, Frame::kObject, true}},
    {"highlighting", {kAsserts, false, false, false, Special::kNone, Frame::kObject, true}},
    {"mocking", {kAsserts, false, false, false, Special::kNone, Frame::kObject, true}},
    {"denouncing", {kAsserts, false, false, false, Special::kNone, Frame::kObject, true}},
    {"condemning", {kAsserts, false, false, false, Special::kNone, Frame::kObject, true}},
    {"urging", {kAsserts, false, false, false, Special::kNone, Frame::kObjTo, true}},
    {"encouraging", {kAsserts, false, false, false, Special::kNone, Frame::kObjTo, true}},
    {"asking", {kAsserts, false, false, false, Special::kNone, Frame::kObjTo, true}},
    {"accusing", {Attribution::ACCUSES, false, false, false, Special::kAccuse, Frame::kSay, true}},
    {"blaming", {Attribution::ACCUSES, false, false, false, Special::kBlame, Frame::kSay, true}},
    {"denying", {Attribution::DENIES, false, false, false, Special::kDeny, Frame::kSay, true}},
    {"rejecting", {Attribution::DENIES, false, false, false, Special::kReject, Frame::kSay, true}},
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

// Verbs with a particle that joins the cue: "called for", "pointed to".
struct ParticleCue {
  absl::string_view verb;
  absl::string_view particle;
  Frame frame;
};
constexpr ParticleCue kParticleCues[] = {
    {"called", "for", Frame::kObject},  {"calls", "for", Frame::kObject},
    {"call", "for", Frame::kObject},    {"called", "on", Frame::kObjTo},
    {"calls", "on", Frame::kObjTo},     {"call", "on", Frame::kObjTo},
    {"pointed", "to", Frame::kObject},  {"points", "to", Frame::kObject},
    {"pointed", "out", Frame::kClause}, {"points", "out", Frame::kClause},
    {"spoke", "about", Frame::kObject}, {"warned", "against", Frame::kObject},
    {"warned", "of", Frame::kObject},   {"warns", "of", Frame::kObject},
    {"complained", "about", Frame::kObject},
    {"complains", "about", Frame::kObject},
    {"calling", "for", Frame::kObject}, {"calling", "on", Frame::kObjTo},
    {"pointing", "to", Frame::kObject}, {"referring", "to", Frame::kObject},
    {"warning", "of", Frame::kObject},  {"warning", "against", Frame::kObject},
    {"complaining", "about", Frame::kObject},
};

// The particles of kParticleCues.
constexpr absl::string_view kParticleWords[] = {"for", "on", "to", "out",
                                                "about", "against", "of"};

// Objects that make "called" convening, not naming: "called a meeting".
constexpr absl::string_view kConvenedThings[] = {
    "meeting", "meetings", "vote", "election", "elections", "session",
    "conference", "halt", "strike", "truce", "ceasefire", "recess", "summit",
    "hearing", "referendum", "timeout", "time", "press", "emergency"};

// Capitalized words that label something other than a speaker before a
// colon: "Update:", "Editor's note:", "Watch:".
constexpr absl::string_view kNonSpeakerLabels[] = {
    "update", "updated", "note", "editor", "editor's", "photo", "photos",
    "video", "watch", "read", "related", "transcript", "q", "a", "warning",
    "correction", "corrections", "breaking", "exclusive", "advertisement",
    "caption", "credit", "listen", "subscribe", "sign", "more", "see",
    "also", "tags", "topics", "share", "click", "follow", "contact", "email",
    "phone", "date", "time", "location", "where", "when", "what", "who",
    "why", "how", "by", "posted", "published", "filed", "image", "graphic",
    "chart", "map", "table", "figure", "notes", "disclaimer", "disclosure",
    "partial", "full", "live", "latest", "here", "step", "part", "chapter",
    "section", "day", "round", "question", "answer", "total", "example",
    "background", "context", "summary", "bottom", "line", "the", "this",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "sources",
    "source", "clarification", "editor\xE2\x80\x99s"};

// Words a participle cue may follow instead of a comma: "began by saying".
constexpr absl::string_view kParticipleLinks[] = {
    "by", "while", "after", "before", "without", "when"};

// Common irregular past forms that follow a subject: "Jane Doe spoke".
constexpr absl::string_view kIrregularPasts[] = {
    "spoke", "took", "gave", "made", "went", "came", "began", "met", "ran",
    "sent", "won", "lost", "led", "held", "left", "got", "brought", "saw",
    "stood", "sat", "told", "wrote", "said", "became", "kept", "put", "set",
    "struck", "sought", "fought", "drew", "threw", "broke", "chose", "rose",
    "fell", "hit", "cut", "let", "read", "heard", "paid", "sent", "spent"};

// Pronouns that open a clause: "believes he will win".
constexpr absl::string_view kSubjectPronouns[] = {"he", "she", "they", "it",
                                                  "we", "i", "there", "you"};

// Auxiliaries and modals: one after a subject marks a clause.
constexpr absl::string_view kAuxiliaries[] = {
    "is", "are", "was", "were", "will", "would", "can", "could", "should",
    "may", "might", "must", "has", "have", "had", "does", "did", "do",
    "shall", "won't", "isn't", "wasn't", "aren't", "weren't", "it's",
    "he's", "she's", "they're", "cannot", "hasn't", "haven't", "doesn't",
    "didn't", "wouldn't", "couldn't"};

// Particles and words that make an evaluation verb something else:
// "called off", "called it quits".
constexpr absl::string_view kParticles[] = {
    "off", "up", "back", "out", "down", "away", "in", "to", "into", "over",
    "as", "so", "too", "very", "more", "less", "and", "or", "but", "by"};

// Question words after "asked": "asked whether the plan would work".
constexpr absl::string_view kWhWords[] = {"whether", "if", "why", "how",
                                          "what", "when", "who", "where"};

// Heads of sources whose findings are reported: "a study found ...".
constexpr absl::string_view kResearchHeads[] = {
    "study", "studies", "poll", "polls", "survey", "surveys", "report",
    "reports", "analysis", "analyses", "review", "audit", "investigation",
    "inquiry", "data", "figures", "statistics", "research", "researchers",
    "census", "video", "footage", "transcript", "documents", "records",
    "filings", "model", "forecast", "estimate", "estimates", "test", "tests",
    "judge", "court", "jury", "panel", "probe", "assessment", "evaluation",
    "experiment", "trial", "index", "average", "tally", "count", "results"};

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
  // Token range of the source (for a later "..., adding" to reuse).
  uint32_t src_tb = 0, src_te = 0;
  // What a relative "who" source stands for ("Jane Doe, who said"), in
  // bytes; equal when none.
  uint32_t alias_b = 0, alias_e = 0;
};

enum class Boundary { kStart, kComma, kClause, kQuoteClose };

struct Np {
  size_t b = 0, e = 0;  // tokens
  Boundary boundary = Boundary::kStart;
  // First token of the auxiliaries and adverbs between a subject and its
  // cue ("has long said"), which belong to the cue; SIZE_MAX when none.
  size_t lead = SIZE_MAX;
  // Token range of what a relative "who" stands for; alias_b == alias_e
  // when none.
  size_t alias_b = 0, alias_e = 0;
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
    ReadSignedQuotes();
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
    return s == "-" || s == "\xE2\x80\x94" || s == "\xE2\x80\x93" ||
           s == "\xE2\x80\x95" || s == "--";
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
    // "As for the cost, 'C,' she said": a lead-in before a comma is not
    // said.
    if (IsPunct(q.open_tok - 1, ',') || IsPunct(q.open_tok - 1, ':')) {
      return q.begin;
    }
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
      if (toks_[k].quote >= 0) continue;
      // "C and said D", "C, and warned D": a second reporting verb.
      if (WordIn(k, "and") && k > r) {
        size_t v = k + 1;
        while (v < e && IsWord(v) && In(kCueAdverbs, Lw(v))) ++v;
        if (v < e && IsWord(v) && !toks_[v].cap) {
          auto it = CueTable().find(Lw(v));
          if (it != CueTable().end() && !it->second.participle) {
            return k > r && IsPunct(k - 1, ',') ? k - 1 : k;
          }
        }
      }
      if (!IsPunct(k, ',')) continue;
      const absl::string_view w = IsWord(k + 1) ? Lw(k + 1) : "";
      if (w == "according" || w == "but" || w == "though" ||
          w == "although") {
        return k;
      }
      auto it = CueTable().find(w);
      if (it != CueTable().end() && it->second.participle) return k;
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
      // A passive ("was told"), but not a progressive ("is saying").
      if (In(kBeForms, Lw(i - 1)) && !absl::EndsWith(Lw(cb), "ing")) {
        return false;
      }
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
        // ... unless it counts the subject: "73 percent said".
        if (k + 1 < e && IsWord(k + 1) && !toks_[k + 1].cap) {
          --b;
          continue;
        }
        boundary = Boundary::kClause;
        break;
      }
      if (In(kRelatives, w)) {
        // "in which he said C", "where she said C": the relative clause
        // has its own subject.
        if (w == "where" ||
            (w == "which" && k > sb && IsWord(k - 1) &&
             In(kPrepositions, Lw(k - 1)))) {
          boundary = Boundary::kClause;
          break;
        }
        return false;
      }
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
    // "Clinton's plans to": a possessive is no subject.
    if (absl::EndsWith(head, "'s") || absl::EndsWith(head, "\xE2\x80\x99s")) {
      if (head != "he's" && head != "she's" && head != "it's") return false;
    }
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
      f.src_tb = src->b;
      f.src_te = src->e;
      if (src->alias_e > src->alias_b) {
        f.alias_b = toks_[src->alias_b].begin;
        f.alias_e = toks_[src->alias_e - 1].end;
      }
    }
    // A sentence-initial conjunction is not said: "And C, she said."
    for (absl::string_view c : {"And ", "But ", "Yet ", "So ", "Or "}) {
      if (con_e > con_b + c.size() + 1 &&
          text_.substr(con_b, c.size()) == c) {
        con_b += c.size();
        while (con_b < con_e && text_[con_b] == ' ') ++con_b;
        break;
      }
    }
    f.con_b = con_b;
    f.con_e = con_e;
    f.stance = stance;
    f.sentence = s;
    f.content_quote = cq;
    found_.push_back(f);
  }

  // --- the sentence reader -------------------------------------------------

  // True when only spaces and quotation marks stand between the line's
  // start and byte i.
  bool LineStart(size_t i) const {
    while (i > 0) {
      const char c = text_[i - 1];
      if (c == '\n') return true;
      if (c == ' ' || c == '\t' || c == '"') {
        --i;
        continue;
      }
      if (i >= 3 && text_.substr(i - 3, 3) == "\xE2\x80\x9C") {
        i -= 3;
        continue;
      }
      return false;
    }
    return true;
  }

  // True when only spaces (and a final '.') stand between byte i and the
  // line's end.
  bool LineEnd(size_t i) const {
    if (i < text_.size() && text_[i] == '.') ++i;
    while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t' ||
                                text_[i] == '\r')) {
      ++i;
    }
    if (i + 1 < text_.size() && text_.substr(i, 2) == "\xC2\xA0") {
      return LineEnd(i + 2);
    }
    return i >= text_.size() || text_[i] == '\n';
  }

  // A speaker label that opens a paragraph, as in a transcript or a
  // headline: "PENCE: Well, look ...", "Jane Doe: 'We Will Rebuild'". The
  // label is one to six capitalized words; the content is the rest of the
  // paragraph.
  void ReadSpeakerLabel(uint32_t s) {
    const size_t sb = Sb(s), se = Se(s);
    size_t k = sb;
    if (k < se && toks_[k].kind == Kind::kQuote) ++k;
    if (k >= se || !IsWord(k) || !LineStart(toks_[k].begin)) return;
    const size_t b = k;
    while (k < se && IsWord(k) && toks_[k].cap && k - b < 6) ++k;
    if (k == b || k + 1 >= se || !IsPunct(k, ':')) return;
    if (b + 1 == k && In(kNonSpeakerLabels, Lw(b))) return;
    for (size_t j = b; j < k; ++j) {
      if (In(kNonSpeakerLabels, Lw(j)) || IsFigure(Lw(j))) return;
    }
    // The paragraph's end.
    uint32_t last = s;
    while (last + 1 < sentences_.size() &&
           text_.substr(sentences_[last].end,
                        sentences_[last + 1].begin - sentences_[last].end)
                   .find('\n') == absl::string_view::npos) {
      ++last;
    }
    // The paragraph's final stop is part of what is said (PolNeAR's
    // transcripts keep it).
    const size_t end_tok = Se(last);
    if (end_tok <= k + 1) return;
    Np src;
    src.b = b;
    src.e = k;
    Emit(k, k + 1, &src, toks_[k + 1].begin, toks_[end_tok - 1].end,
         kAsserts, s);
  }

  // '"C." -- Jane Doe' closing a line: a pull quote signed with a dash.
  void ReadSignedQuotes() {
    for (size_t t = 1; t + 1 < toks_.size(); ++t) {
      if (!IsDash(t) || !IsCloseQ(t - 1)) continue;
      size_t k = t + 1;
      while (k < toks_.size() && IsWord(k) && toks_[k].cap && k - t <= 4) {
        if (LineEnd(toks_[k++].end)) break;
      }
      if (k == t + 1 || k - t > 4 || !LineEnd(toks_[k - 1].end)) continue;
      if (toks_[t + 1].sentence != toks_[k - 1].sentence) continue;
      const Quote& q = quotes_[toks_[t - 1].mark];
      Np src;
      src.b = t + 1;
      src.e = k;
      Emit(t, t + 1, &src, q.begin, q.end, kAsserts, toks_[t].sentence);
    }
  }

  void ReadSentence(uint32_t s) {
    const size_t sb = Sb(s), se = Se(s);
    if (sb < se) ReadSpeakerLabel(s);
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
        if (it == CueTable().end()) {
          // A verb read only with its particle: "call for", "spoke about".
          static constexpr CueWord kParticleOnly = {
              kAsserts, false, false, false, Special::kNone, Frame::kObject};
          static constexpr CueWord kParticipleOnly = {
              kAsserts, false, false, false, Special::kNone, Frame::kObject,
              true};
          bool particle = false;
          if (t + 1 < se && WordIn(t + 1, kParticleWords)) {
            for (const ParticleCue& p : kParticleCues) {
              particle |= w == p.verb && Lw(t + 1) == p.particle;
            }
          }
          if (particle && !toks_[t].cap) {
            next = ReadCue(t,
                           absl::EndsWith(w, "ing") ? kParticipleOnly
                                                    : kParticleOnly,
                           sb, se);
            if (next > t) t = next - 1;
          }
          continue;
        }
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
  size_t ReadCue(size_t t, const CueWord& word_cue, size_t sb, size_t se) {
    const uint32_t s = toks_[t].sentence;
    size_t ce = t + 1;
    CueWord cue = word_cue;
    if (t + 1 < se && IsWord(t + 1)) {
      for (const ParticleCue& p : kParticleCues) {
        if (Lw(t) == p.verb && Lw(t + 1) == p.particle) {
          ce = t + 2;
          cue.frame = p.frame;
          cue.strong = false;
          cue.invertible = false;
          break;
        }
      }
    }
    if (cue.participle) {
      // "is saying", "was arguing": a progressive, read as a finite verb.
      const size_t a = CueLead(t, sb);
      const bool progressive =
          a > sb && IsWord(a - 1) &&
          (In(kBeForms, Lw(a - 1)) || absl::EndsWith(Lw(a - 1), "'s") ||
           absl::EndsWith(Lw(a - 1), "\xE2\x80\x99s"));
      if (!progressive) return ReadParticiple(t, ce, cue, sb, se);
    }
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
    bool has_subject = Subject(t, sb, /*allow_negation=*/false, &src) ||
                       Appositive(t, sb, &src);
    if (!has_subject) {
      src = Np();
      has_subject = Coordinated(t, sb, &src) || RelativeWho(t, sb, &src);
    }
    const size_t cend_sentence = ContentEnd(sb, se);
    if (has_subject) {
      // The subject must be a plausible speaker: a lone lower-case word must
      // be a pronoun or a plural noun ("officials", "police", "experts").
      if (src.e - src.b == 1 && !toks_[src.b].cap) {
        const absl::string_view w = Lw(src.b);
        const bool pronoun = w == "he" || w == "she" || w == "they" ||
                             w == "it" || w == "we" || w == "i";
        const bool plural = w.size() > 3 && w.back() == 's';
        if (!pronoun && !plural && w != "police" && w != "people" &&
            src.alias_e == src.alias_b) {
          return t + 1;
        }
      }
      // '"C?" Jane Doe said.': a quotation that closes the sentence before
      // (in the same paragraph) is the content when nothing else follows.
      if (src.boundary == Boundary::kStart && src.b == sb && sb > 0 &&
          IsCloseQ(sb - 1) &&
          text_.substr(toks_[sb - 1].end, toks_[sb].begin - toks_[sb - 1].end)
                  .find('\n') == absl::string_view::npos) {
        size_t k = cue.listener ? SkipListener(ce, cend_sentence) : ce;
        size_t comma = k;
        while (comma < cend_sentence && !IsPunct(comma, ',')) ++comma;
        if (IsAdjunct(k, comma) &&
            (comma >= cend_sentence ||
             (comma + 1 < cend_sentence && IsOpenQ(comma + 1)) ||
             (comma + 1 < cend_sentence && IsWord(comma + 1) &&
              absl::EndsWith(Lw(comma + 1), "ing")))) {
          src.boundary = Boundary::kQuoteClose;
        }
      }
      // Verbs with common non-reporting senses need a plain subject: no
      // verb with its own object inside ("it issued a paper welcoming the
      // administration's plans"), no pronoun after its start.
      if (cue.frame != Frame::kSay) {
        for (size_t k = src.b; k + 1 < src.e; ++k) {
          if (!IsWord(k) || toks_[k].cap) continue;
          const absl::string_view w = Lw(k);
          if (k > src.b && In(kSubjectPronouns, w)) return t + 1;
          if ((absl::EndsWith(w, "ing") || absl::EndsWith(w, "ed")) &&
              IsWord(k + 1) &&
              (In(kDeterminers, Lw(k + 1)) || toks_[k + 1].cap ||
               In(kSubjectPronouns, Lw(k + 1)))) {
            return t + 1;
          }
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

  // True when tokens from r read as a clause with its own subject:
  // "he will win", "the deal could fail", "Trump was right". A subject
  // pronoun, a capitalized word or a determiner, then within a few words an
  // auxiliary or negation, with no relative pronoun or "to" before it.
  bool BareClause(size_t r, size_t e) const {
    if (r >= e || !IsWord(r)) return false;
    const absl::string_view first = Lw(r);
    const bool pronoun = In(kSubjectPronouns, first);
    if (!pronoun && !toks_[r].cap && !In(kDeterminers, first)) return false;
    if (pronoun && r + 1 < e && IsWord(r + 1) && !toks_[r + 1].cap) {
      return !In(kPrepositions, Lw(r + 1)) && Lw(r + 1) != "to";
    }
    for (size_t k = r + 1; k < e && k - r <= 8; ++k) {
      if (!IsWord(k)) {
        if (toks_[k].kind == Kind::kQuote || IsPunct(k, '(') ||
            IsPunct(k, ')') || IsDash(k)) {
          continue;
        }
        return false;
      }
      const absl::string_view w = Lw(k);
      if (In(kRelatives, w) || w == "that" || w == "to") return false;
      if (In(kAuxiliaries, w) || Negation(k)) return true;
    }
    return false;
  }

  // "to V", "not to V".
  bool Infinitive(size_t r, size_t e) const {
    if (r < e && WordIn(r, "not")) ++r;
    return r + 1 < e && WordIn(r, "to") && IsWord(r + 1) &&
           !toks_[r + 1].cap && !In(kDeterminers, Lw(r + 1));
  }

  // "voters to stay home": an object, then "to V", with no comma between.
  bool ObjectInfinitive(size_t r, size_t e) const {
    if (r >= e || !IsWord(r) || In(kPrepositions, Lw(r))) return false;
    for (size_t k = r + 1; k + 1 < e && k - r <= 8; ++k) {
      if (!IsWord(k)) return false;
      if (Lw(k) == "to") return Infinitive(k, e);
    }
    return false;
  }

  // An object of an evaluation verb: at least two tokens, starting with a
  // word that is not a preposition, particle or adverb, or with a
  // quotation.
  bool IsObject(size_t r, size_t e) const {
    if (r + 1 >= e) return false;
    if (IsOpenQ(r)) return true;
    if (!IsWord(r)) return false;
    const absl::string_view w = Lw(r);
    if (In(kPrepositions, w) || In(kParticles, w) || In(kAuxiliaries, w) ||
        Negation(r) || (absl::EndsWith(w, "ly") && w.size() > 4)) {
      return false;
    }
    return true;
  }

  // "called the charges baseless", "called Clinton a 'champion'": an object
  // and what it is called, not a phone call ("called Jane Doe on Friday") or
  // a meeting ("called an emergency session").
  bool NamingObject(size_t r, size_t e) const {
    for (size_t k = r; k < e && k - r < 4; ++k) {
      if (IsWord(k) && In(kConvenedThings, Lw(k))) return false;
    }
    size_t k = r;
    if (IsWord(k) && (toks_[k].cap || Lw(k) == "him" || Lw(k) == "her" ||
                      Lw(k) == "them" || Lw(k) == "me" || Lw(k) == "us")) {
      while (k < e && IsWord(k) && toks_[k].cap) ++k;
      if (k == r) ++k;
      if (k >= e) return false;
      if (IsWord(k) && (In(kPrepositions, Lw(k)) || In(kParticles, Lw(k)) ||
                        In(kCueAdverbs, Lw(k)))) {
        return false;
      }
      if (IsPunct(k, ',')) return false;
    }
    return true;
  }

  // True when the source's head is a study, poll, report or the like.
  bool ResearchSubject(const Np& src) const {
    for (size_t k = src.b; k < src.e; ++k) {
      if (IsWord(k) && In(kResearchHeads, Lw(k))) return true;
    }
    return false;
  }

  // First token of the auxiliaries and adverbs right before the cue at t.
  size_t CueLead(size_t t, size_t sb) const {
    size_t a = t;
    while (a > sb && IsWord(a - 1) &&
           (In(kCueAdverbs, Lw(a - 1)) ||
            (absl::EndsWith(Lw(a - 1), "ly") && Lw(a - 1).size() > 4 &&
             !toks_[a - 1].cap))) {
      --a;
    }
    return a;
  }

  // The subject of the clause a participle or a second verb at t trails:
  // the source of an earlier attribution in the sentence ("'C,' he said,
  // adding ..."), else the noun phrase that opens the sentence, after any
  // lead-in ("On Monday, Jane Doe spoke in Ohio, saying ..."), up to its
  // verb.
  bool MainSubject(size_t t, size_t sb, Np* np) const {
    const uint32_t s = toks_[t].sentence;
    for (size_t i = found_.size(); i-- > 0;) {
      const Found& f = found_[i];
      if (f.sentence != s) break;
      if (f.cue_b >= toks_[t].begin) continue;
      if (f.reportedly || f.src_e <= f.src_b || f.src_te > t) return false;
      np->b = f.src_tb;
      np->e = f.src_te;
      np->alias_b = np->alias_e = 0;
      if (f.alias_e > f.alias_b) return false;
      np->boundary = Boundary::kClause;
      np->lead = SIZE_MAX;
      return true;
    }
    size_t k = sb;
    while (k < t && (IsPunct(k, ',') ||
                     (IsWord(k) && (In(kClauseOpeners, Lw(k)) ||
                                    In(kLeadingAdverbs, Lw(k)) ||
                                    Lw(k) == "however")))) {
      ++k;
    }
    if (k >= t || !IsWord(k)) return false;
    if (In(kPrepositions, Lw(k))) {  // a lead-in closed by a comma
      size_t c = k + 1;
      while (c < t && c - k <= 10 && !IsPunct(c, ',') && IsWord(c)) ++c;
      if (c >= t || !IsPunct(c, ',')) return false;
      k = c + 1;
    }
    if (k >= t || !IsWord(k)) return false;
    const size_t b = k;
    const absl::string_view first = Lw(b);
    if (first == "it" || first == "there" || first == "you") return false;
    const bool pronoun = In(kSubjectPronouns, first);
    if (!toks_[b].cap && !pronoun && !In(kDeterminers, first)) return false;
    bool name = toks_[b].cap;  // only capitalized words so far
    size_t j = b + 1;
    size_t verb = 0;
    for (; j < t && j - b <= 12; ++j) {
      if (toks_[j].quote >= 0 || toks_[j].kind == Kind::kQuote) return false;
      if (IsPunct(j, ',')) {
        // "Jane Doe, a top aide, spoke ...": one appositive after a name.
        if (!name) return false;
        size_t c = j + 1;
        while (c < t && c - j <= 12 && !IsPunct(c, ',') &&
               toks_[c].kind != Kind::kQuote) {
          ++c;
        }
        if (c >= t || !IsPunct(c, ',')) return false;
        j = c;
        name = false;
        continue;
      }
      if (!IsWord(j)) {
        if (IsPunct(j, '(') || IsPunct(j, ')') || IsPunct(j, '.') ||
            IsPunct(j, '&')) {
          continue;
        }
        return false;
      }
      const absl::string_view w = Lw(j);
      if (toks_[j].cap) continue;
      if (pronoun && j == b + 1) {
        verb = j;
        break;
      }
      if (w == "and") {  // "The Times and the Post filed ..."
        name = false;
        continue;
      }
      // After a name, a past or present verb form: "Jane Doe spoke out".
      if (name && (In(kIrregularPasts, w) || w.back() == 's')) {
        verb = j;
        break;
      }
      if (In(kAuxiliaries, w) || Negation(j) || CueTable().contains(w) ||
          In(kCueAdverbs, w) ||
          (absl::EndsWith(w, "ed") && w.size() > 3) ||
          (absl::EndsWith(w, "ly") && w.size() > 4)) {
        verb = j;
        break;
      }
      if (In(kRelatives, w) || w == "that" || In(kClauseOpeners, w)) {
        return false;
      }
      const absl::string_view prev = Lw(j - 1);
      const bool possessive = absl::EndsWith(prev, "'s") ||
                              absl::EndsWith(prev, "\xE2\x80\x99s");
      if (w.back() == 's' && name && !possessive) {
        verb = j;
        break;
      }
      name = false;
    }
    if (verb == 0) return false;
    size_t e = verb;
    while (e > b && !IsWord(e - 1) && !IsPunct(e - 1, ')')) --e;
    if (e <= b) return false;
    const absl::string_view head = Lw(e - 1);
    if (In(kPrepositions, head) || In(kDeterminers, head)) return false;
    np->b = b;
    np->e = e;
    np->boundary = Boundary::kClause;
    np->lead = SIZE_MAX;
    return true;
  }

  // "..., saying C": the source is the subject of the clause before.
  size_t ReadParticiple(size_t t, size_t ce, const CueWord& cue, size_t sb,
                        size_t se) {
    const size_t a = CueLead(t, sb);
    if (a <= sb + 1) return ce;
    // ", saying", "by saying", "while arguing".
    if (!IsPunct(a - 1, ',') && !WordIn(a - 1, kParticipleLinks)) return ce;
    Np src;
    if (!MainSubject(a - 1, sb, &src)) return ce;
    return ReadIndirect(t, ce, cue, src, sb, se);
  }

  // "Jane Doe spoke in Ohio and said C": a second verb shares the subject.
  bool Coordinated(size_t t, size_t sb, Np* np) const {
    const size_t a = CueLead(t, sb);
    if (a <= sb + 1 || !WordIn(a - 1, "and")) return false;
    if (!MainSubject(a - 1, sb, np)) return false;
    np->lead = a < t ? a : SIZE_MAX;
    return true;
  }

  // "Jane Doe, who said C, ...": the source is "who", standing for the noun
  // phrase before it; the content ends at the next comma.
  bool RelativeWho(size_t t, size_t sb, Np* np) const {
    const size_t a = CueLead(t, sb);
    if (a <= sb + 2 || !WordIn(a - 1, "who")) return false;
    // Only a non-restrictive clause: in "the man who said he saw it was
    // questioned" where the content ends cannot be told.
    size_t end = a - 1;
    if (!IsPunct(end - 1, ',')) return false;
    --end;
    Np ante;
    if (!Subject(end, sb, /*allow_negation=*/false, &ante)) return false;
    if (ante.lead != SIZE_MAX) return false;
    np->b = a - 1;
    np->e = a;
    np->alias_b = ante.b;
    np->alias_e = ante.e;
    np->boundary = Boundary::kClause;
    np->lead = a < t ? a : SIZE_MAX;
    return true;
  }

  // "X said (on Monday) (that) C", "X told Reuters (that) C", "X denied C",
  // "X blamed C on Y", "X accused Y of C", "X estimated (that) C".
  size_t ReadIndirect(size_t t, size_t ce, const CueWord& cue, const Np& src,
                      size_t sb, size_t se) {
    const uint32_t s = toks_[t].sentence;
    size_t r = ce;
    size_t e = ClauseEnd(r, sb, se);
    if (src.alias_e > src.alias_b) {  // ", who said C, ..."
      for (size_t k = r; k < e; ++k) {
        if (IsPunct(k, ',') && toks_[k].quote < 0) {
          e = k;
          break;
        }
      }
    }
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
    if (r + 1 < e && IsPunct(r, ',') && IsOpenQ(r + 1)) ++r;  // "saying, 'C'"
    if (r >= e || IsPunct(r, ',')) return ce;
    const bool marked = WordIn(r, "that") || IsOpenQ(r);
    bool ok = cue.strong || marked;
    if (!ok) {
      switch (cue.frame) {
        case Frame::kSay:
          break;
        case Frame::kClause:
          ok = BareClause(r, e) || Infinitive(r, e);
          break;
        case Frame::kObject:
          ok = IsObject(r, e);
          if (ok && ce == t + 1 && (Lw(t) == "called" || Lw(t) == "calls")) {
            ok = NamingObject(r, e);
          }
          break;
        case Frame::kTo:
          ok = Infinitive(r, e);
          break;
        case Frame::kObjTo:
          ok = ObjectInfinitive(r, e) || WordIn(r, kWhWords);
          break;
        case Frame::kFind:
          ok = BareClause(r, e) || (ResearchSubject(src) && IsObject(r, e));
          break;
      }
    }
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
      const absl::string_view written =
          text.substr(f.src_b, f.src_e - f.src_b);
      a.set_source(std::string(written));
      // A relative "who" is normalized as the noun phrase it stands for.
      const absl::string_view surface =
          f.alias_e > f.alias_b ? text.substr(f.alias_b, f.alias_e - f.alias_b)
                                : written;
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
