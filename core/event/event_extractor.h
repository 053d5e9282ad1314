// Event frames for news sentences: what happened (a typed trigger word),
// who did it to whom, where and when, which earlier event it answers
// ("in retaliation for", "began after", "unprovoked"), and who claims or
// denies it ("claimed responsibility", "denied any involvement").
//
//   EventExtractor events;
//   NormalizedText norm = Normalize(doc.text());
//   for (const SentenceRange& s : SplitSentences(norm.text)) {
//     std::vector<v1::TimeExpression> times = time_extractor.Extract(...);
//     std::vector<v1::EventFrame> frames = events.Extract(norm, s, times);
//   }
#ifndef FACTDIFF_CORE_EVENT_EVENT_EXTRACTOR_H_
#define FACTDIFF_CORE_EVENT_EVENT_EXTRACTOR_H_

#include <memory>
#include <vector>

#include "absl/strings/string_view.h"
#include "core/text/normalize.h"
#include "core/text/segment.h"
#include "proto/extraction.pb.h"

namespace factdiff {

namespace event_internal {
struct Lexicon;
}  // namespace event_internal

// Finds event frames in one sentence at a time. Immutable after
// construction: Extract() is safe to call from several threads at once.
//
// What one sentence yields, in trigger order (see event_lexicon.h for every
// table named here):
//
// Frames. Each trigger word or phrase of the lexicon ("attacked", "air
// strikes", "quake", "walkout", "stepped down") is one frame; `type` is the
// lexicon's lower-case type: attack, air strike, drone strike, shelling,
// clash, bombing, explosion, ambush, raid, shooting, invasion, cyberattack,
// kidnapping, assassination, ceasefire, talks, agreement, march, protest,
// rally, strike (labour), riot, crackdown, arrest, earthquake, tsunami,
// flood, storm, fire, landslide, avalanche, eruption, drought, heatwave,
// crash, collapse, election, vote, results, layoffs, resignation, merger,
// acquisition, bankruptcy. Street violence has a frame per side: "police
// fired tear gas / used water cannon" is a crackdown, "protesters threw
// stones / hurled bottles" a riot, and "the violence began" a clash (only
// with a beginning verb or an adjective such as "sectarian"; "domestic
// violence" is none). "Collapse" is a structure giving way ("the levee
// gave way", "the dam burst", "the collapse of the bridge"): the subject or
// "of" object must be a structure noun, so "the talks failed" and "shares
// collapsed" are not collapses.
// Ambiguous words are read in context and dropped when the sentence does
// not settle them: "strike" is an attack with military context ("strikes
// on", "retaliatory strike", killed/troops nearby) and a labour strike with
// labour context ("general strike", "on strike", workers/union nearby);
// "attack" in "heart attack", "verbal attack", "attacked the plan" and any
// conflict word in a sports sentence without violence words ("the team's
// attack", "a clash with the champions") is no event; "struck a deal",
// "fire brigade", "under fire", "fired the coach", "a landslide victory",
// "riot police", "stocks rallied", "the March 3 vote" are not events of
// their first word. Participant nouns ("protesters", "strikers") make a
// frame only when nothing else in the sentence does.
//
// Participants (`agents`, `targets`, with parallel `*_spans`), read from:
//   "X attacked Y" (past-tense verbs; "X and Z clashed", "X clashed with Z"
//   gives two agents); "Y was attacked by X", "Y, attacked by X";
//   "an attack by X on/against Y"; "X's air strikes on Y"; a demonym,
//   acronym or actor word before a noun ("Pakistani air strikes", "an ELN
//   ambush", "rebel attack"); a name after a demonym ("Pakistani Taliban
//   attack") or after an article before a singular hostile noun ("the
//   Hamas assault"), unless the name is a country or a place of the
//   sentence (a place before the noun, "the Kabul attack", is this rule's
//   known risk; plural triggers are left out);
//   "clashes between X and Y"; "X launched/carried out/staged an attack";
//   "the attack was carried out by X"; "the arrest of Y" (arrest,
//   kidnapping, assassination take "of"/possessive as target); "the 12
//   people arrested on Saturday" (a patient-type participle with no object
//   after its noun: the noun is the target). A naming verb with a
//   complement after the event ("X called the attack unprovoked", "X
//   declared the strike illegal") reports X's view: X is no participant.
//   "between X and Y" counts only right after the event (or its place).
//   X and Y are short noun phrases: proper names, actor nouns ("militants",
//   "security forces") and their modifiers; after a name, a lower-case word
//   continues the phrase only as an actor, place, structure or plural noun
//   ("Taliban government", not "the Taliban mark ..."); gerunds ("by
//   saying") and pronouns are never participants.
// Locations (`locations`, `location_spans`): capitalized names after
// in/near/along/across/outside/inside/around/throughout ("in Kunar
// province", "in northern Syria", "near the Torkham border"), "at" only with
// a place noun ("at Kabul airport"), and "along/across/near/on the
// [Name] border/frontier/coast" kept with its preposition ("along the
// border"). Months, weekdays and lone demonyms are not places. Each
// location and each time goes to the nearest frame whose trigger precedes
// it ("air strikes in Kabul on Sunday"), else the nearest one after it ("On
// Sunday, militants attacked ...").
// Times (`time_indexes`): indexes into `times` as given.
//
// Causal and order claims (`causes`, on the frame of the LATER event):
//   RETALIATION_FOR: "in retaliation for", "in revenge/reprisal for", "to
//     avenge"; "in response to" when both events are hostile (else
//     CAUSED_BY; and it needs an event: "in response to questions" is
//     nothing); "retaliated/hit back" (on the event it names: "retaliated
//     with air strikes"; else, in a sentence with violence words, on a frame
//     of type "attack" whose trigger is the verb; "for/after E" gives the
//     antecedent);
//     "retaliatory/reprisal <event>"; "responded with/by <event>".
//   CAUSED_BY: "after", "days/hours/shortly after", "began/erupted/broke
//     out after|when", "began on Friday night, when", "followed",
//     "following", "in the wake of" (order
//     cues: the antecedent must name an event of the lexicon, and may not
//     start with a date: "after Sunday" is not a claim, "after Sunday's
//     attack" is); "X triggered/sparked/prompted/provoked/caused Y" and
//     "Y, triggered/sparked/prompted/provoked/caused by X".
//   UNPROVOKED: "unprovoked", "without (any) provocation"; `initiator` is
//     the agent of THIS event, empty when the sentence names none (the
//     speaker of "X called the attack unprovoked" is not it).
// The later event is the nearest frame before the cue; a frame after the
// antecedent only when the cue opens a clause ("Hours after the truce
// began, shelling resumed"), never for a cue inside a clause ("said soon
// after the truce that ... attacks").
// `antecedent` is the shortest phrase of the earlier event: the event the
// phrase after the cue is about, from its first word to the end of its
// participants and place ("Pakistani airstrikes", "riot police fired tear
// gas at marchers", "ambush by X in Y province" out of "11 soldiers were
// killed in an ambush by X in Y province"), with its predicate when the
// event noun is the subject ("the truce took effect"). An event only
// mentioned inside the phrase ("after a group broke away from the march")
// is not the antecedent, and an order cue without one links nothing. For
// "in retaliation for" and the like, with no such event, it is the phrase
// after the cue up to the clause end, trailing dates dropped; `initiator` is
// NormalizeActor() of the antecedent event's first agent ("Pakistani" ->
// "pakistan"); for "retaliated against Y" it is Y, and for "retaliatory
// strikes on Afghan posts" the country of the target's demonym.
//
// Stances (`stances`, v1::Attribution with source, cue, stance, content =
// the event phrase when named):
//   CLAIMS_RESPONSIBILITY: "X claimed/took/accepted responsibility (for E)",
//     "X claimed the bombing".
//   DENIES: "X denied/rejected any involvement|responsibility|role|carrying
//     out|being behind ...", "X rejected accusations|allegations that ...".
//   DOES_NOT_CONFIRM: "X has not/did not claim(ed) responsibility", "has yet
//     to claim", "no group/no one has claimed", "no (immediate) claim of
//     responsibility", "did not/would not/declined to confirm", "neither
//     confirmed nor denied" ("could not confirm" is the reporter's
//     verification and is left out).
//   ACCUSES: "X blamed Y for E", "X blamed E on Y", "E was blamed on Y", "X
//     accused Y of (carrying out) E", "X held Y responsible for E"; Y is
//     added to the frame's agents.
// The source is the noun phrase before the cue, or across an appositive
// ("The Front, a separatist group founded in 1990, claimed ...").
// DENIES needs its object word before any "and"/"but" ("denied any
// wrongdoing and called the accusations ..." is not a denial of an event).
// A stance attaches to the frame of the event it names, else to the nearest
// frame of the sentence. A responsibility stance in a sentence that names
// no event ("No group has claimed responsibility.") gets a frame of its own
// with type "event" whose trigger is the stance's cue.
class EventExtractor {
 public:
  EventExtractor();
  ~EventExtractor();
  EventExtractor(const EventExtractor&) = delete;
  EventExtractor& operator=(const EventExtractor&) = delete;

  // Frames of the sentence [sentence.begin, sentence.end) of `text`. Every
  // span (trigger, agent/target/location spans, cue spans, antecedent and
  // initiator spans, stance spans) is a byte span into `text`, and every
  // string field that names a surface is text.substr(span) exactly. `times`
  // are the time expressions of this sentence with spans into `text`
  // (others are ignored). Finding nothing is an empty vector.
  std::vector<v1::EventFrame> Extract(
      absl::string_view text, const SentenceRange& sentence,
      const std::vector<v1::TimeExpression>& times) const;

  // The same over normalized text, for the pipeline: `sentence` is in
  // normalized coordinates, `times` in ORIGINAL coordinates (as
  // TimeExtractor returns them), and every returned span is mapped back to
  // ORIGINAL coordinates with text.ToOriginal. Surface strings stay the
  // NORMALIZED surface (straight quotes, '-' for dashes); a caller that
  // holds Document.text may overwrite them from the spans (see
  // RestoreSurfaces).
  std::vector<v1::EventFrame> Extract(
      const NormalizedText& text, const SentenceRange& sentence,
      const std::vector<v1::TimeExpression>& times) const;

 private:
  std::unique_ptr<const event_internal::Lexicon> lexicon_;
};

// Rewrites every surface string of `frame` (agents, targets, locations,
// cues, antecedents, stance sources) as original.substr(span), for frames
// whose spans point into `original`. `initiator` and source_normalized stay
// normalized.
void RestoreSurfaces(absl::string_view original, v1::EventFrame* frame);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_EVENT_EVENT_EXTRACTOR_H_
