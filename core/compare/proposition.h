// Who-did-what read from the content of an attribution, for statements the
// event stage gave no frame (package-private to core/compare). A denial
// names an act by its predicate ("denied that it had opened the
// floodgates"); an assertion pins an act on an agent ("the mayor said the
// dam operator had opened the floodgates"); an accusation names the
// accused ("accused the Civic Union of paying voters"). The attribution
// finder sets one against the other when the predicates agree.
//
//   std::optional<Denied> d = ReadDenied("that it had opened the floodgates");
//   // d->subject == "it", d->predicate == {"opened", "floodgates"}
//   std::optional<Asserted> a = ReadAsserted(
//       "the operator of the dam had opened the reservoir's floodgates",
//       d->predicate);
//   // a->agent == "the operator of the dam"
//
// All functions are pure and thread-safe.
#ifndef FACTDIFF_CORE_COMPARE_PROPOSITION_H_
#define FACTDIFF_CORE_COMPARE_PROPOSITION_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace factdiff {
namespace compare_internal {

// What a denial's content says was not done.
struct Denied {
  // The subject of the denied clause as written ("it", "the company"); ""
  // for a gerund ("denied opening the floodgates": the denier itself).
  std::string subject;
  // Content words of the predicate, lower-cased, in order, the verb first
  // ("opened", "floodgates"); at least two. Empty for a generic denial.
  std::vector<std::string> predicate;
  // The predicate as written ("opened the floodgates"), for a reader.
  std::string act;
  // A denial of whatever was alleged: "any wrongdoing", "any involvement",
  // "the accusations", "the allegations", "the claims", "the charges".
  bool generic = false;
};

// Reads a denial's content: an optional "that", a subject (a pronoun or a
// noun phrase of at most six words), auxiliaries, then the predicate; or a
// gerund; or a generic object. nullopt when the content is negated ("that
// it had not ...") or too short to name an act.
std::optional<Denied> ReadDenied(absl::string_view content);

// What an assertion's content pins on whom, for a given predicate.
struct Asserted {
  std::string agent;  // the noun phrase before the verb, as written
};

// Finds `predicate` (from ReadDenied) in an assertion's content: its verb
// (the first word) is matched by the first word of the content that
// StemsMatch it, every other predicate word by some later content word,
// and the words before the verb (auxiliaries aside) are the agent. nullopt
// when the verb is absent, a word is missing, the agent is empty or a
// pronoun, or the content is negated before the verb.
std::optional<Asserted> ReadAsserted(absl::string_view content,
                                     const std::vector<std::string>& predicate);

// The accused of an accusation ("accused X of Y", "blamed X for Y",
// "blamed Y on X"), as written, and *act set to Y; "" when the cue is not
// an accusation verb or no accused is found.
std::string AccusedOf(absl::string_view cue, absl::string_view content,
                      std::string* act);

// Whether two lower-case words are forms of one word: equal, one a prefix
// of the other of at least four letters ("plan", "planned"), or a shared
// prefix of at least five letters ("operator", "operates").
bool StemsMatch(absl::string_view a, absl::string_view b);

// How many content words (three letters or more, function words aside) of
// `a` have a StemsMatch in `b`.
size_t SharedStems(absl::string_view a, absl::string_view b);

}  // namespace compare_internal
}  // namespace factdiff

#endif  // FACTDIFF_CORE_COMPARE_PROPOSITION_H_
