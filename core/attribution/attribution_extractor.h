// Attribution extraction: who says what in a news article. Each reporting
// construction ("the ministry said", "according to police", "'...,' he
// said", "X denied that ...", "X put the toll at 40") becomes a
// v1::Attribution with byte spans into the text.
//
//   AttributionExtractor extractor;
//   NormalizedText norm = Normalize(doc.text());
//   std::vector<SentenceRange> sentences = SplitSentences(norm.text);
//   for (const v1::Attribution& a : extractor.Extract(norm.text, sentences)) {
//     // a.source(), a.source_normalized(), a.stance(), a.content() ...
//   }
//
// The extractor reads the whole document at once: a quotation may run over
// several sentences, and "he", "they", "the ministry" refer back to sources
// named earlier. It is a set of hand-written rules over tokens, tuned for
// precision: a construction it cannot read with confidence is left out.
#ifndef FACTDIFF_CORE_ATTRIBUTION_ATTRIBUTION_EXTRACTOR_H_
#define FACTDIFF_CORE_ATTRIBUTION_ATTRIBUTION_EXTRACTOR_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "core/attribution/source_normalizer.h"
#include "core/text/segment.h"
#include "proto/extraction.pb.h"

namespace factdiff {

// Finds attributions in one document. Holds no per-document state: one
// extractor is immutable after construction and safe for concurrent use by
// multiple threads.
//
// What it reads (cue words in the .cc tables):
//  - Speech verbs: "said", "says", "told", "tells" in every form below;
//    "stated", "added", "claimed", "announced", "noted", "warned",
//    "insisted", "argued", "confirmed", "explained", "wrote", "reported"...
//    only when what follows is plainly the content ("that", ':' or a
//    quotation) or when they close a quotation or clause (", he added.").
//    Stance ASSERTS.
//  - Forms: "X said (that) C."; "X told Reuters (on Monday) (that) C.";
//    "C, X said." / "C, said X."; "'C,' X said." / "'C,' said X, a ...";
//    "'C1,' X said, 'C2.'" (content spans both parts and the interruption);
//    "X said: 'C.'"; "C1, X said, C2." (content spans the sentence);
//    "according to X, C." / "C, according to X."; with an optional adjunct
//    after the cue ("said on Monday", "said in a statement").
//  - Quotations: straight and curly double quotes and '' pairs, paired over
//    the whole paragraph, so a quotation that spans several sentences is one
//    content span; a quotation in the next sentence(s) of the same
//    paragraph with no attribution of its own extends the content of a
//    "'C,' he said." before it. Cues inside a quotation are ignored.
//  - DENIES: "denied", "denies" (not "denied entry/access/bail..."),
//    "rejected", "dismissed" (only with a claim-like object: "rejected the
//    allegations").
//  - DOES_NOT_CONFIRM: "neither confirmed nor denied", "declined/refused to
//    comment/confirm/say/discuss", "did/would/could not (immediately)
//    confirm/comment". Content is what follows ("on the report"), or unset.
//  - ACCUSES: "blamed X on/for Y", "accused X of Y".
//  - ESTIMATES: "estimated (that) C", "estimated X at N", "put(s) the
//    toll/number/figure/crowd... at N" (cue runs from "put" to "at";
//    content is what follows "at").
//  - CLAIMS_RESPONSIBILITY: "claimed/claims responsibility/credit (for X)".
//  - "reportedly": source empty (the text does not say who; the caller knows
//    the outlet), anonymous = true, content the sentence.
//  - Wider verbs (stance ASSERTS), each read only with the content its sense
//    takes: belief and statement verbs with a bare clause ("believes he
//    will win", "warned the deal could fail"); evaluation verbs with any
//    object ("criticized the plan", "called the charges baseless", not
//    "called Jane Doe on Friday" or "called a meeting"); intention verbs
//    with "to V" ("vowed to appeal"); directive verbs with "X to V" ("urged
//    voters to stay home"); evidence verbs ("found", "shows") with a bare
//    clause, or any object after a study, poll, report... A particle joins
//    the cue: "called for", "pointed to", "warned of".
//  - Participles: "X did Y, saying C" / "... by arguing that C" take the
//    subject of the clause they trail (or the source of an attribution
//    earlier in the sentence: "'C,' he said, adding that D"); "denying" is
//    DENIES, "accusing"/"blaming" ACCUSES. "X did Y and said C": the second
//    verb shares the subject. "is saying": a progressive is a finite verb.
//  - "X, who said C, ...": the source is "who", normalized as X; the
//    content ends at the next comma.
//  - A speaker label that opens a paragraph ("SMITH: ...", a transcript or
//    a headline; not "Update:", "Editor's note:"): cue ":", content the rest
//    of the paragraph. A pull quote signed at the end of its line
//    ('"C." -- Jane Doe'): cue the dash.
//  Cue spans (PolNeAR's convention): auxiliaries and adverbs between the
//  subject and the verb belong to the cue ("has long said"), and so does a
//  colon right after it ("said:").
//  Never read: a cue in a restrictive relative clause ("the man who said",
//  "a plan that officials said would fail"), a passive ("was told", "is
//  estimated"), a negated assertion ("did not say"), a subject that is not
//  a plain noun phrase or is a possessive ("Clinton's plans to"), "an
//  estimated 300" (adjective), "claimed the lives of".
//
// Sources:
//  - `source` is the source as written (with an appositive that follows it
//    in "said X, a spokesman for Y."); `source_normalized` is
//    NormalizeSource() of it with the acronyms the article defines
//    (FindAcronyms()).
//  - "he"/"she", "they", "it", "the spokesman", and "the <noun>" ("the
//    military", "the ministry") are resolved to the nearest earlier source
//    that fits (a named person for he/she; an organization or group for
//    they/it; a spokesperson; a source whose normalized head is that noun);
//    `source` keeps the surface and `source_normalized` gets the resolved
//    name. Unresolved pronouns keep their lower-case surface.
//  - `anonymous` is true when the source's head is an unnamed role
//    ("official", "source", "aide", "diplomat", "witness", "resident",
//    "person", "people", "insider"), when it says so ("on condition of
//    anonymity", "unnamed", "not authorized to speak"), or when a pronoun
//    resolves to such a source.
class AttributionExtractor {
 public:
  AttributionExtractor();

  // Returns the attributions in `text` (normally NormalizedText::text; curly
  // quotes are also understood), sorted by cue_span.begin, at most one per
  // cue. `sentences` are the sentence ranges of `text` (SplitSentences), in
  // order. Every span is a byte range of `text`, and for each string field
  // text.substr(span.begin, span.end - span.begin) equals it (source /
  // source_span, cue / cue_span). `span` covers source, cue and content.
  // `content` is unset when nothing is said ("declined to comment.").
  // Content conventions (those of PolNeAR): a complementizer "that" and the
  // quotation marks of a quotation are part of the content; the final
  // sentence period outside a quotation is not. Finding nothing is an empty
  // vector.
  std::vector<v1::Attribution> Extract(
      absl::string_view text, const std::vector<SentenceRange>& sentences) const;
};

}  // namespace factdiff

#endif  // FACTDIFF_CORE_ATTRIBUTION_ATTRIBUTION_EXTRACTOR_H_
