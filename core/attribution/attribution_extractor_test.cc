#include "core/attribution/attribution_extractor.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "core/text/normalize.h"
#include "core/text/segment.h"
#include "gtest/gtest.h"
#include "proto/extraction.pb.h"

namespace factdiff {
namespace {

using v1::Attribution;

std::string Sub(absl::string_view text, const v1::Span& span) {
  EXPECT_LE(span.begin(), span.end());
  EXPECT_LE(span.end(), text.size());
  return std::string(text.substr(span.begin(), span.end() - span.begin()));
}

// Extracts from `text` as given (no normalization) and checks the span
// invariants of every result.
std::vector<Attribution> Extract(absl::string_view text) {
  static const AttributionExtractor* const extractor = new AttributionExtractor;
  std::vector<Attribution> out = extractor->Extract(text, SplitSentences(text));
  uint32_t last = 0;
  for (const Attribution& a : out) {
    EXPECT_EQ(a.cue(), Sub(text, a.cue_span()));
    if (a.has_source_span()) {
      EXPECT_EQ(a.source(), Sub(text, a.source_span()));
      EXPECT_LE(a.span().begin(), a.source_span().begin());
      EXPECT_GE(a.span().end(), a.source_span().end());
    }
    if (a.has_content()) {
      Sub(text, a.content());
      EXPECT_LE(a.span().begin(), a.content().begin());
      EXPECT_GE(a.span().end(), a.content().end());
    }
    EXPECT_LE(a.span().begin(), a.cue_span().begin());
    EXPECT_GE(a.span().end(), a.cue_span().end());
    EXPECT_GE(a.cue_span().begin(), last) << "not sorted by cue";
    last = a.cue_span().begin();
  }
  return out;
}

// The one attribution in `text`; fails the test when there is not exactly
// one.
Attribution One(absl::string_view text) {
  std::vector<Attribution> all = Extract(text);
  EXPECT_EQ(all.size(), 1u) << text;
  return all.empty() ? Attribution() : all[0];
}

std::string Content(absl::string_view text, const Attribution& a) {
  return a.has_content() ? Sub(text, a.content()) : "<none>";
}

// --- Speech verbs and forms -------------------------------------------------

TEST(AttributionExtractor, IndirectSpeechWithThat) {
  const std::string text =
      "The health ministry said that 40 people were killed in the floods.";
  const Attribution a = One(text);
  EXPECT_EQ(a.source(), "The health ministry");
  EXPECT_EQ(a.source_normalized(), "health ministry");
  EXPECT_EQ(a.cue(), "said");
  EXPECT_EQ(a.stance(), Attribution::ASSERTS);
  EXPECT_EQ(Content(text, a), "that 40 people were killed in the floods");
  EXPECT_FALSE(a.anonymous());
  EXPECT_EQ(Sub(text, a.span()),
            "The health ministry said that 40 people were killed in the "
            "floods");
}

TEST(AttributionExtractor, IndirectSpeechWithoutThatAndAnAdjunct) {
  const std::string text =
      "In a statement, the ministry said on Monday that the dam had held.";
  const Attribution a = One(text);
  EXPECT_EQ(a.source(), "the ministry");
  EXPECT_EQ(Content(text, a), "that the dam had held");

  const std::string says = "Police say the march drew 5,000 people.";
  const Attribution b = One(says);
  EXPECT_EQ(b.source(), "Police");
  EXPECT_EQ(b.cue(), "say");
  EXPECT_EQ(Content(says, b), "the march drew 5,000 people");
}

TEST(AttributionExtractor, SentenceFinalSourceThenCue) {
  const std::string text = "Forty people died in the blast, the governor said.";
  const Attribution a = One(text);
  EXPECT_EQ(a.source(), "the governor");
  EXPECT_EQ(Content(text, a), "Forty people died in the blast");

  const std::string later =
      "The bridge reopened, the company said on Tuesday, adding that traffic "
      "was light.";
  const Attribution b = Extract(later).at(0);
  EXPECT_EQ(b.source(), "the company");
  EXPECT_EQ(Content(later, b), "The bridge reopened");
}

TEST(AttributionExtractor, SentenceFinalCueThenSource) {
  const std::string text =
      "Forty people died in the blast, said Jane Okafor, a spokeswoman for "
      "the regional government.";
  const Attribution a = One(text);
  EXPECT_EQ(a.source(),
            "Jane Okafor, a spokeswoman for the regional government");
  EXPECT_EQ(a.source_normalized(), "regional government");
  EXPECT_EQ(Content(text, a), "Forty people died in the blast");
}

TEST(AttributionExtractor, AppositiveBeforeTheCue) {
  const std::string text =
      "Maria Lopez, a hydrologist at the state university, said the river "
      "would crest on Friday.";
  const Attribution a = One(text);
  EXPECT_EQ(a.source(), "Maria Lopez, a hydrologist at the state university");
  EXPECT_EQ(a.source_normalized(), "maria lopez");
  EXPECT_EQ(Content(text, a), "the river would crest on Friday");
}

TEST(AttributionExtractor, ToldTakesAListener) {
  const std::string text =
      "The commander told Reuters on Monday that the border was closed.";
  const Attribution a = One(text);
  EXPECT_EQ(a.source(), "The commander");
  EXPECT_EQ(a.cue(), "told");
  EXPECT_EQ(Content(text, a), "that the border was closed");

  const std::string plain = "The mayor told reporters the shelters were full.";
  EXPECT_EQ(Content(plain, One(plain)), "the shelters were full");

  // An order is not speech.
  EXPECT_TRUE(Extract("The officer told him to leave the area.").empty());
}

TEST(AttributionExtractor, AccordingToBeforeAndAfter) {
  const std::string before =
      "According to the fire service, 12 homes were destroyed.";
  const Attribution a = One(before);
  EXPECT_EQ(a.cue(), "According to");
  EXPECT_EQ(a.source(), "the fire service");
  EXPECT_EQ(Content(before, a), "12 homes were destroyed");

  const std::string after =
      "Twelve homes were destroyed, according to local officials.";
  const Attribution b = One(after);
  EXPECT_EQ(b.source(), "local officials");
  EXPECT_EQ(Content(after, b), "Twelve homes were destroyed");
  EXPECT_TRUE(b.anonymous());
}

// --- Quotations ---------------------------------------------------------------

TEST(AttributionExtractor, StraightQuoteThenSpeaker) {
  const std::string text = "\"We will rebuild every school,\" the mayor said.";
  const Attribution a = One(text);
  EXPECT_EQ(a.source(), "the mayor");
  EXPECT_EQ(Content(text, a), "\"We will rebuild every school,\"");

  const std::string inverted =
      "\"We will rebuild every school,\" said Tom Reyes, the mayor.";
  const Attribution b = One(inverted);
  EXPECT_EQ(b.source(), "Tom Reyes, the mayor");
  EXPECT_EQ(b.source_normalized(), "tom reyes");
  EXPECT_EQ(Content(inverted, b), "\"We will rebuild every school,\"");
}

TEST(AttributionExtractor, CurlyQuoteSpanningSentences) {
  // Not normalized: curly quotes and a no-break space are read as they are.
  const std::string text =
      "\xE2\x80\x9CThe water rose in minutes. We lost everything,\xE2\x80\x9D "
      "she said.\xC2\xA0Rescuers arrived later.";
  const std::vector<Attribution> all = Extract(text);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].source(), "she");
  EXPECT_EQ(Content(text, all[0]),
            "\xE2\x80\x9CThe water rose in minutes. We lost "
            "everything,\xE2\x80\x9D");
}

TEST(AttributionExtractor, NormalizedTextMapsBack) {
  const std::string original =
      "\xE2\x80\x9CIt was chaos,\xE2\x80\x9D said Ana Silva, a nurse.";
  const NormalizedText norm = Normalize(original);
  AttributionExtractor extractor;
  const std::vector<Attribution> all =
      extractor.Extract(norm.text, SplitSentences(norm.text));
  ASSERT_EQ(all.size(), 1u);
  uint32_t b, e;
  norm.ToOriginal(all[0].content().begin(), all[0].content().end(), &b, &e);
  EXPECT_EQ(original.substr(b, e - b),
            "\xE2\x80\x9CIt was chaos,\xE2\x80\x9D");
}

TEST(AttributionExtractor, InterruptedQuoteSpansBothParts) {
  const std::string text =
      "\"We are ready,\" he said, \"and we will not wait for permission.\"";
  const Attribution a = One(text);
  EXPECT_EQ(a.source(), "he");
  EXPECT_EQ(Content(text, a), text);
}

TEST(AttributionExtractor, QuoteInNextSentenceContinuesTheQuote) {
  const std::string text =
      "\"The road is gone,\" the engineer said. \"It will take months.\" "
      "Repairs begin next week.";
  const Attribution a = One(text);
  EXPECT_EQ(Content(text, a),
            "\"The road is gone,\" the engineer said. \"It will take "
            "months.\"");
}

TEST(AttributionExtractor, ColonIntroducesQuote) {
  const std::string text =
      "The governor said: \"Help is coming. Nobody will be left behind.\"";
  const Attribution a = One(text);
  EXPECT_EQ(a.source(), "The governor");
  EXPECT_EQ(Content(text, a),
            "\"Help is coming. Nobody will be left behind.\"");
}

TEST(AttributionExtractor, CuesInsideQuotationsAreIgnored) {
  const std::string text = "\"They said it was over,\" the farmer said.";
  const Attribution a = One(text);
  EXPECT_EQ(a.source(), "the farmer");
  EXPECT_EQ(a.cue_span().begin(), text.rfind("said"));
}

TEST(AttributionExtractor, QuotedPhraseInsideAClauseKeepsTheClause) {
  const std::string text =
      "The talks ended without a \"lasting deal,\" the envoy said.";
  EXPECT_EQ(Content(text, One(text)),
            "The talks ended without a \"lasting deal,\"");
}

TEST(AttributionExtractor, ParentheticalAfterAnAdjunct) {
  const std::string text =
      "For the farmers, economists say, the drought is the bigger threat.";
  const Attribution a = One(text);
  EXPECT_EQ(a.source(), "economists");
  EXPECT_EQ(Content(text, a), "the drought is the bigger threat");
}

TEST(AttributionExtractor, DatelineFigureIsNotPartOfTheSource) {
  const std::string text = "2024-03-02 The coast guard said two boats sank.";
  EXPECT_EQ(One(text).source(), "The coast guard");
}

// --- Stances -------------------------------------------------------------------

TEST(AttributionExtractor, Denials) {
  const std::string denied =
      "The rebel group denied any involvement in the bombing.";
  const Attribution a = One(denied);
  EXPECT_EQ(a.stance(), Attribution::DENIES);
  EXPECT_EQ(a.source(), "The rebel group");
  EXPECT_EQ(Content(denied, a), "any involvement in the bombing");

  const std::string rejected =
      "The ministry rejected the allegations as baseless.";
  const Attribution b = One(rejected);
  EXPECT_EQ(b.stance(), Attribution::DENIES);
  EXPECT_EQ(b.cue(), "rejected");

  // A refusal or a verdict is not a denial of a claim.
  EXPECT_TRUE(Extract("He was denied bail on Friday.").empty());
  EXPECT_TRUE(Extract("The company denied him access to the site.").empty());
  EXPECT_TRUE(Extract("The court rejected the appeal.").empty());
}

TEST(AttributionExtractor, NonConfirmations) {
  const std::string neither =
      "The army neither confirmed nor denied the report.";
  const Attribution a = One(neither);
  EXPECT_EQ(a.stance(), Attribution::DOES_NOT_CONFIRM);
  EXPECT_EQ(a.cue(), "neither confirmed nor denied");
  EXPECT_EQ(a.source_normalized(), "military");
  EXPECT_EQ(Content(neither, a), "the report");

  const std::string declined = "A police spokesman declined to comment.";
  const Attribution b = One(declined);
  EXPECT_EQ(b.stance(), Attribution::DOES_NOT_CONFIRM);
  EXPECT_EQ(b.cue(), "declined to comment");
  EXPECT_FALSE(b.has_content());

  const std::string not_confirm =
      "The interior ministry did not confirm the death toll.";
  const Attribution c = One(not_confirm);
  EXPECT_EQ(c.stance(), Attribution::DOES_NOT_CONFIRM);
  EXPECT_EQ(c.cue(), "did not confirm");
  EXPECT_EQ(Content(not_confirm, c), "the death toll");
}

TEST(AttributionExtractor, Accusations) {
  const std::string blamed =
      "The government blamed the blackout on an unnamed foreign power.";
  const Attribution a = One(blamed);
  EXPECT_EQ(a.stance(), Attribution::ACCUSES);
  EXPECT_EQ(Content(blamed, a), "the blackout on an unnamed foreign power");

  const std::string accused =
      "Union leaders accused the company of ignoring safety warnings.";
  const Attribution b = One(accused);
  EXPECT_EQ(b.stance(), Attribution::ACCUSES);
  EXPECT_EQ(b.source(), "Union leaders");
  EXPECT_EQ(Content(accused, b), "the company of ignoring safety warnings");

  EXPECT_TRUE(Extract("The fire was blamed on faulty wiring.").empty());
}

TEST(AttributionExtractor, Estimates) {
  const std::string estimated =
      "Organizers estimated that 20,000 people joined the march.";
  const Attribution a = One(estimated);
  EXPECT_EQ(a.stance(), Attribution::ESTIMATES);
  EXPECT_EQ(Content(estimated, a), "that 20,000 people joined the march");

  const std::string put = "Local authorities put the death toll at 58.";
  const Attribution b = One(put);
  EXPECT_EQ(b.stance(), Attribution::ESTIMATES);
  EXPECT_EQ(b.cue(), "put the death toll at");
  EXPECT_EQ(Content(put, b), "58");
  EXPECT_EQ(b.source(), "Local authorities");

  // Adjectives and passives are no estimate by anyone.
  EXPECT_TRUE(Extract("An estimated 300 people marched.").empty());
  EXPECT_TRUE(Extract("The damage is estimated at $2 million.").empty());
}

TEST(AttributionExtractor, ClaimsAndResponsibility) {
  const std::string responsibility =
      "A militant group claimed responsibility for the attack on the convoy.";
  const Attribution a = One(responsibility);
  EXPECT_EQ(a.stance(), Attribution::CLAIMS_RESPONSIBILITY);
  EXPECT_EQ(a.cue(), "claimed responsibility");
  EXPECT_EQ(Content(responsibility, a), "for the attack on the convoy");

  const std::string claimed =
      "The opposition claimed that the vote had been rigged.";
  const Attribution b = One(claimed);
  EXPECT_EQ(b.stance(), Attribution::ASSERTS);
  EXPECT_EQ(Content(claimed, b), "that the vote had been rigged");

  EXPECT_TRUE(Extract("No group has claimed responsibility.").empty());
  EXPECT_TRUE(
      Extract("The earthquake claimed the lives of 300 people.").empty());
}

TEST(AttributionExtractor, ReportedlyHasNoNamedSource) {
  const std::string text = "The minister reportedly resigned on Sunday.";
  const Attribution a = One(text);
  EXPECT_EQ(a.cue(), "reportedly");
  EXPECT_EQ(a.stance(), Attribution::ASSERTS);
  EXPECT_TRUE(a.source().empty());
  EXPECT_FALSE(a.has_source_span());
  EXPECT_TRUE(a.anonymous());
  EXPECT_EQ(Content(text, a), "The minister reportedly resigned on Sunday");
}

// --- Sources ---------------------------------------------------------------

TEST(AttributionExtractor, AnonymousSources) {
  const std::string text =
      "A security official who spoke on condition of anonymity said 12 "
      "soldiers were killed.";
  const Attribution a = One(text);
  EXPECT_TRUE(a.anonymous());
  EXPECT_EQ(a.source(),
            "A security official who spoke on condition of anonymity");
  EXPECT_EQ(a.source_normalized(), "security official");
  EXPECT_EQ(Content(text, a), "12 soldiers were killed");

  EXPECT_TRUE(One("Sources said the talks had stalled.").anonymous());
  EXPECT_TRUE(One("The talks had stalled, officials said.").anonymous());
  EXPECT_FALSE(One("The talks had stalled, the ministry said.").anonymous());
}

TEST(AttributionExtractor, PronounsResolveToEarlierSources) {
  const std::string text =
      "Maria Lopez, the mayor of Riverton, said the levee held. "
      "The Riverton police said roads were closed. "
      "She added that schools would reopen on Monday.";
  const std::vector<Attribution> all = Extract(text);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[2].source(), "She");
  EXPECT_EQ(all[2].source_normalized(), "maria lopez");
  EXPECT_EQ(Content(text, all[2]), "that schools would reopen on Monday");
}

TEST(AttributionExtractor, DefiniteDescriptionsResolveToEarlierSources) {
  const std::string text =
      "Pakistan's army said 23 soldiers were killed. A hospital official "
      "said dozens were wounded. The military added that the posts were "
      "retaken. They said the operation had ended.";
  const std::vector<Attribution> all = Extract(text);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].source_normalized(), "pakistan military");
  EXPECT_EQ(all[2].source(), "The military");
  EXPECT_EQ(all[2].source_normalized(), "pakistan military");
  EXPECT_EQ(all[3].source(), "They");
  EXPECT_EQ(all[3].source_normalized(), "pakistan military");
}

TEST(AttributionExtractor, SpokesmanResolvesAndNormalizes) {
  const std::string text =
      "A spokesman for the Afghan Defence Ministry said the border was quiet. "
      "The spokesman said patrols would continue.";
  const std::vector<Attribution> all = Extract(text);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].source_normalized(), "afghanistan defence ministry");
  EXPECT_EQ(all[1].source_normalized(), "afghanistan defence ministry");
}

TEST(AttributionExtractor, AcronymsDefinedInTheArticle) {
  const std::string text =
      "The National Disaster Management Authority (NDMA) said 40 people "
      "died. The NDMA said later that the toll could rise.";
  const std::vector<Attribution> all = Extract(text);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].source_normalized(),
            "national disaster management authority");
  EXPECT_EQ(all[1].source_normalized(),
            "national disaster management authority");
}

TEST(AttributionExtractor, CapitalAsGovernment) {
  const std::string text = "Islamabad said the strikes were unprovoked.";
  EXPECT_EQ(One(text).source_normalized(), "pakistan government");
}

// --- Precision: what is not read --------------------------------------------

TEST(AttributionExtractor, RelativeClausesPassivesAndNegationsAreLeftOut) {
  EXPECT_TRUE(Extract("The man who said he saw the crash was questioned.")
                  .empty());
  EXPECT_TRUE(
      Extract("It was a plan that officials said would fail.").empty());
  EXPECT_TRUE(Extract("He was told to leave the building.").empty());
  EXPECT_TRUE(Extract("The governor did not say when power would return.")
                  .empty());
  EXPECT_TRUE(Extract("Exports added 3 percent to growth last year.").empty());
  EXPECT_TRUE(Extract("She confirmed her attendance by email.").empty());
  EXPECT_TRUE(Extract("The storm left 300 homes without power.").empty());
}

// --- PolNeAR conventions and the wider cue lexicon --------------------------

TEST(AttributionExtractor, AuxiliariesAndAdverbsJoinTheCue) {
  const std::string text =
      "The mayor has long said that the bridge will reopen in May.";
  const Attribution a = One(text);
  EXPECT_EQ(a.source(), "The mayor");
  EXPECT_EQ(a.cue(), "has long said");
  EXPECT_EQ(Content(text, a), "that the bridge will reopen in May");
}

TEST(AttributionExtractor, ColonJoinsTheCue) {
  const std::string text = "The minister said: \"We will rebuild every school.\"";
  const Attribution a = One(text);
  EXPECT_EQ(a.cue(), "said:");
  EXPECT_EQ(Content(text, a), "\"We will rebuild every school.\"");
}

TEST(AttributionExtractor, BeliefVerbWithABareClause) {
  const std::string text =
      "Analysts believe the central bank will raise rates again.";
  const Attribution a = One(text);
  EXPECT_EQ(a.source(), "Analysts");
  EXPECT_EQ(a.cue(), "believe");
  EXPECT_EQ(a.stance(), Attribution::ASSERTS);
  EXPECT_EQ(Content(text, a), "the central bank will raise rates again");
  // Without a clause of its own the verb is not read.
  EXPECT_TRUE(Extract("Farmers believe in hard work.").empty());
}

TEST(AttributionExtractor, EvaluationVerbTakesItsObject) {
  const std::string text =
      "The opposition leader criticized the budget as reckless.";
  const Attribution a = One(text);
  EXPECT_EQ(a.source(), "The opposition leader");
  EXPECT_EQ(a.cue(), "criticized");
  EXPECT_EQ(Content(text, a), "the budget as reckless");
}

TEST(AttributionExtractor, CalledNamesButDoesNotPhoneOrConvene) {
  const std::string text = "The senator called the levy plan a disaster.";
  const Attribution a = One(text);
  EXPECT_EQ(a.cue(), "called");
  EXPECT_EQ(Content(text, a), "the levy plan a disaster");
  EXPECT_TRUE(Extract("The senator called Jane Okafor on Friday.").empty());
  EXPECT_TRUE(Extract("The council called an emergency session.").empty());
}

TEST(AttributionExtractor, ParticleJoinsTheCue) {
  const std::string text = "The dockworkers' union called for a general strike.";
  const Attribution a = One(text);
  EXPECT_EQ(a.cue(), "called for");
  EXPECT_EQ(Content(text, a), "a general strike");
}

TEST(AttributionExtractor, IntentionAndDirectiveVerbs) {
  const std::string vow = "The governor vowed to rebuild the flooded towns.";
  const Attribution a = One(vow);
  EXPECT_EQ(a.cue(), "vowed");
  EXPECT_EQ(Content(vow, a), "to rebuild the flooded towns");
  const std::string urge = "Officials urged residents to stay indoors.";
  const Attribution b = One(urge);
  EXPECT_EQ(b.source(), "Officials");
  EXPECT_EQ(b.cue(), "urged");
  EXPECT_EQ(Content(urge, b), "residents to stay indoors");
  EXPECT_TRUE(Extract("The company plans a new factory.").empty());
  EXPECT_TRUE(Extract("Clinton's plans to raise taxes drew fire.").empty());
}

TEST(AttributionExtractor, EvidenceVerbNeedsAClauseOrAStudy) {
  const std::string text = "A 2019 study found fewer storms hit the coast.";
  const Attribution a = One(text);
  EXPECT_EQ(a.source(), "A 2019 study");
  EXPECT_EQ(a.cue(), "found");
  EXPECT_EQ(Content(text, a), "fewer storms hit the coast");
  const std::string poll = "The survey found broad support for the levy.";
  EXPECT_EQ(Content(poll, One(poll)), "broad support for the levy");
  EXPECT_TRUE(Extract("Divers found the wreck near the harbor.").empty());
}

TEST(AttributionExtractor, ParticipleTakesTheClauseSubject) {
  const std::string text =
      "On Monday, the health ministry issued a statement, saying that 12 "
      "people had died.";
  const Attribution a = One(text);
  EXPECT_EQ(a.source(), "the health ministry");
  EXPECT_EQ(a.cue(), "saying");
  EXPECT_EQ(Content(text, a), "that 12 people had died");
}

TEST(AttributionExtractor, ParticipleReusesTheSourceBeforeIt) {
  const std::string text =
      "\xE2\x80\x9CWe are ready,\xE2\x80\x9D the general said, adding that "
      "troops would stay until spring.";
  const std::vector<Attribution> all = Extract(text);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].cue(), "said");
  EXPECT_EQ(Content(text, all[0]), "\xE2\x80\x9CWe are ready,\xE2\x80\x9D");
  EXPECT_EQ(all[1].source(), "the general");
  EXPECT_EQ(all[1].cue(), "adding");
  EXPECT_EQ(Content(text, all[1]), "that troops would stay until spring");
}

TEST(AttributionExtractor, ParticipleStances) {
  const std::string deny =
      "The army released a statement, denying that it shelled the market.";
  const Attribution a = One(deny);
  EXPECT_EQ(a.cue(), "denying");
  EXPECT_EQ(a.stance(), Attribution::DENIES);
  EXPECT_EQ(a.source(), "The army");
  const std::string accuse =
      "The government closed the border, accusing the rebels of smuggling "
      "arms.";
  const Attribution b = One(accuse);
  EXPECT_EQ(b.stance(), Attribution::ACCUSES);
  EXPECT_EQ(Content(accuse, b), "the rebels of smuggling arms");
}

TEST(AttributionExtractor, CoordinatedVerbSharesTheSubject) {
  const std::string text =
      "The mayor toured the site and said the damage was severe.";
  const Attribution a = One(text);
  EXPECT_EQ(a.source(), "The mayor");
  EXPECT_EQ(a.cue(), "said");
  EXPECT_EQ(Content(text, a), "the damage was severe");
}

TEST(AttributionExtractor, NonRestrictiveWhoStandsForItsNoun) {
  const std::string text =
      "The regional governor, who said the toll would rise, visited the "
      "camp.";
  const Attribution a = One(text);
  EXPECT_EQ(a.source(), "who");
  EXPECT_EQ(a.source_normalized(), "regional governor");
  EXPECT_EQ(Content(text, a), "the toll would rise");
}

TEST(AttributionExtractor, ProgressiveIsAFiniteVerb) {
  const std::string text = "The mayor is saying the city will cope.";
  const Attribution a = One(text);
  EXPECT_EQ(a.source(), "The mayor");
  EXPECT_EQ(a.cue(), "is saying");
  EXPECT_EQ(Content(text, a), "the city will cope");
}

TEST(AttributionExtractor, SpeakerLabelOpensAParagraph) {
  const std::string text =
      "Partial transcript follows.\n\nOKAFOR: We will rebuild the bridge. It "
      "will take a year.\n\nUpdate: the road is closed.";
  const std::vector<Attribution> all = Extract(text);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].source(), "OKAFOR");
  EXPECT_EQ(all[0].cue(), ":");
  EXPECT_EQ(Content(text, all[0]),
            "We will rebuild the bridge. It will take a year.");
}

TEST(AttributionExtractor, PullQuoteSignedWithADash) {
  const std::string text =
      "\xE2\x80\x9CThe water came so fast.\xE2\x80\x9D \xE2\x80\x95 Maria "
      "Lopez\nShe lost her shop.";
  const Attribution a = One(text);
  EXPECT_EQ(a.source(), "Maria Lopez");
  EXPECT_EQ(a.cue(), "\xE2\x80\x95");
  EXPECT_EQ(Content(text, a),
            "\xE2\x80\x9CThe water came so fast.\xE2\x80\x9D");
}

TEST(AttributionExtractor, QuotationClosingTheSentenceBefore) {
  const std::string text =
      "\"How long must we wait?\" the farmer said, pointing at the river.";
  const std::vector<Attribution> all = Extract(text);
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(all[0].source(), "the farmer");
  EXPECT_EQ(Content(text, all[0]), "\"How long must we wait?\"");
}

TEST(AttributionExtractor, ContentStopsBeforeAContrast) {
  const std::string text =
      "The ministry said the road would reopen, but gave no date.";
  EXPECT_EQ(Content(text, One(text)), "the road would reopen");
}

TEST(AttributionExtractor, LeadInBeforeAQuotationIsNotSaid) {
  const std::string text =
      "As for the cost, \"it will be high,\" the engineer said.";
  EXPECT_EQ(Content(text, One(text)), "\"it will be high,\"");
}

TEST(AttributionExtractor, PhysicalAttackIsNotSpeech) {
  EXPECT_TRUE(Extract("Rebel fighters attacked three army posts overnight.").empty());
  EXPECT_TRUE(Extract("Gunmen blasted the gate open before dawn.").empty());
}

TEST(AttributionExtractor, EmptyInput) {
  EXPECT_TRUE(Extract("").empty());
  EXPECT_TRUE(Extract("\"").empty());
  EXPECT_TRUE(Extract("said.").empty());
}

}  // namespace
}  // namespace factdiff
