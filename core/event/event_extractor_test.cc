#include "core/event/event_extractor.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "core/text/normalize.h"
#include "core/text/segment.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/extraction.pb.h"

namespace factdiff {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

// A two-sentence document whose second sentence is the one under test, so
// that every offset is checked away from zero.
struct Doc {
  std::string text;
  SentenceRange sentence;
  std::vector<v1::TimeExpression> times;
};

constexpr absl::string_view kLead = "Background first. ";

Doc Make(absl::string_view sentence,
         const std::vector<std::string>& time_surfaces = {}) {
  Doc d;
  d.text = absl::StrCat(kLead, sentence, " Next one follows.");
  d.sentence.begin = kLead.size();
  d.sentence.end = kLead.size() + sentence.size();
  for (const std::string& s : time_surfaces) {
    const size_t pos = d.text.find(s, kLead.size());
    if (pos == std::string::npos) {
      ADD_FAILURE() << "no time " << s;
      continue;
    }
    v1::TimeExpression t;
    t.mutable_span()->set_begin(pos);
    t.mutable_span()->set_end(pos + s.size());
    t.set_text(s);
    d.times.push_back(t);
  }
  return d;
}

std::string Sub(const std::string& text, const v1::Span& s) {
  EXPECT_LE(s.begin(), s.end());
  EXPECT_LE(s.end(), text.size());
  return text.substr(s.begin(), s.end() - s.begin());
}

// Every surface string equals the text under its span, and every span lies
// in the sentence.
void CheckSpans(const Doc& d, const std::vector<v1::EventFrame>& frames) {
  auto in_sentence = [&](const v1::Span& s) {
    EXPECT_GE(s.begin(), d.sentence.begin);
    EXPECT_LE(s.end(), d.sentence.end);
    EXPECT_LT(s.begin(), s.end());
  };
  for (const v1::EventFrame& f : frames) {
    SCOPED_TRACE(f.ShortDebugString());
    in_sentence(f.trigger());
    ASSERT_EQ(f.agents_size(), f.agent_spans_size());
    ASSERT_EQ(f.targets_size(), f.target_spans_size());
    ASSERT_EQ(f.locations_size(), f.location_spans_size());
    for (int i = 0; i < f.agents_size(); ++i) {
      EXPECT_EQ(f.agents(i), Sub(d.text, f.agent_spans(i)));
      in_sentence(f.agent_spans(i));
    }
    for (int i = 0; i < f.targets_size(); ++i) {
      EXPECT_EQ(f.targets(i), Sub(d.text, f.target_spans(i)));
      in_sentence(f.target_spans(i));
    }
    for (int i = 0; i < f.locations_size(); ++i) {
      EXPECT_EQ(f.locations(i), Sub(d.text, f.location_spans(i)));
      in_sentence(f.location_spans(i));
    }
    for (const v1::CausalLink& c : f.causes()) {
      EXPECT_EQ(c.cue(), Sub(d.text, c.cue_span()));
      in_sentence(c.cue_span());
      if (!c.antecedent().empty()) {
        EXPECT_EQ(c.antecedent(), Sub(d.text, c.antecedent_span()));
        in_sentence(c.antecedent_span());
      }
      if (c.has_initiator_span()) {
        EXPECT_FALSE(c.initiator().empty());
        in_sentence(c.initiator_span());
      }
    }
    for (const v1::Attribution& a : f.stances()) {
      EXPECT_EQ(a.cue(), Sub(d.text, a.cue_span()));
      in_sentence(a.span());
      EXPECT_LE(a.span().begin(), a.cue_span().begin());
      EXPECT_GE(a.span().end(), a.cue_span().end());
      if (a.has_source_span()) {
        EXPECT_EQ(a.source(), Sub(d.text, a.source_span()));
      }
    }
  }
}

const EventExtractor& Extractor() {
  static const EventExtractor* const kExtractor = new EventExtractor();
  return *kExtractor;
}

std::vector<v1::EventFrame> Frames(const Doc& d) {
  std::vector<v1::EventFrame> frames =
      Extractor().Extract(d.text, d.sentence, d.times);
  CheckSpans(d, frames);
  return frames;
}

std::vector<v1::EventFrame> Frames(absl::string_view sentence) {
  return Frames(Make(sentence));
}

std::vector<std::string> Types(const std::vector<v1::EventFrame>& frames) {
  std::vector<std::string> out;
  for (const auto& f : frames) out.push_back(f.type());
  return out;
}

const v1::EventFrame* Find(const std::vector<v1::EventFrame>& frames,
                           absl::string_view type) {
  for (const auto& f : frames) {
    if (f.type() == type) return &f;
  }
  return nullptr;
}

std::vector<std::string> Strings(
    const google::protobuf::RepeatedPtrField<std::string>& r) {
  return std::vector<std::string>(r.begin(), r.end());
}

int CauseCount(const std::vector<v1::EventFrame>& frames) {
  int n = 0;
  for (const auto& f : frames) n += f.causes_size();
  return n;
}

// ------------------------------------------------------------ frames

TEST(EventFrames, ActiveVerbWithAgentTargetPlaceAndTime) {
  Doc d = Make(
      "Rebel fighters attacked an army checkpoint in Idlib province on "
      "Sunday.",
      {"Sunday"});
  auto frames = Frames(d);
  ASSERT_EQ(frames.size(), 1u);
  const v1::EventFrame& f = frames[0];
  EXPECT_EQ(f.type(), "attack");
  EXPECT_EQ(Sub(d.text, f.trigger()), "attacked");
  EXPECT_THAT(Strings(f.agents()), ElementsAre("Rebel fighters"));
  EXPECT_THAT(Strings(f.targets()), ElementsAre("army checkpoint"));
  EXPECT_THAT(Strings(f.locations()), ElementsAre("Idlib province"));
  EXPECT_THAT(f.time_indexes(), ElementsAre(0u));
}

TEST(EventFrames, PassiveWithBy) {
  auto frames = Frames("The convoy was attacked by armed men near Gao.");
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_THAT(Strings(frames[0].agents()), ElementsAre("armed men"));
  EXPECT_THAT(Strings(frames[0].targets()), ElementsAre("convoy"));
  EXPECT_THAT(Strings(frames[0].locations()), ElementsAre("Gao"));
}

TEST(EventFrames, NounWithByAndOn) {
  auto frames = Frames(
      "An attack by separatist gunmen on a passenger train killed nine "
      "people.");
  const v1::EventFrame* f = Find(frames, "attack");
  ASSERT_NE(f, nullptr);
  EXPECT_THAT(Strings(f->agents()), ElementsAre("separatist gunmen"));
  EXPECT_THAT(Strings(f->targets()), ElementsAre("passenger train"));
}

TEST(EventFrames, PossessiveAgentWithCurlyApostrophe) {
  Doc d = Make("Russia\xE2\x80\x99s air strikes on Kharkiv damaged a school.");
  auto frames = Frames(d);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].type(), "air strike");
  EXPECT_EQ(Sub(d.text, frames[0].trigger()), "air strikes");
  EXPECT_THAT(Strings(frames[0].agents()), ElementsAre("Russia"));
  EXPECT_THAT(Strings(frames[0].targets()), ElementsAre("Kharkiv"));
}

TEST(EventFrames, DemonymAgentAndCompassLocation) {
  auto frames =
      Frames("Turkish airstrikes in northern Iraq killed four militants.");
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].type(), "air strike");
  EXPECT_THAT(Strings(frames[0].agents()), ElementsAre("Turkish"));
  EXPECT_THAT(Strings(frames[0].locations()), ElementsAre("northern Iraq"));
}

TEST(EventFrames, DroneStrikeWithAbbreviatedCountry) {
  auto frames =
      Frames("A U.S. drone strike killed a militant commander in Somalia.");
  const v1::EventFrame* f = Find(frames, "drone strike");
  ASSERT_NE(f, nullptr);
  EXPECT_THAT(Strings(f->agents()), ElementsAre("U.S."));
  EXPECT_THAT(Strings(f->locations()), ElementsAre("Somalia"));
}

TEST(EventFrames, ShellingAlongTheBorder) {
  auto frames = Frames("Troops shelled villages along the border overnight.");
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].type(), "shelling");
  EXPECT_THAT(Strings(frames[0].agents()), ElementsAre("Troops"));
  EXPECT_THAT(Strings(frames[0].targets()), ElementsAre("villages"));
  EXPECT_THAT(Strings(frames[0].locations()), ElementsAre("along the border"));
}

TEST(EventFrames, ClashWithCoordinatedAgents) {
  auto frames = Frames("Police and protesters clashed in central Nairobi.");
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].type(), "clash");
  EXPECT_THAT(Strings(frames[0].agents()), ElementsAre("Police", "protesters"));
  EXPECT_THAT(Strings(frames[0].locations()), ElementsAre("central Nairobi"));
}

TEST(EventFrames, ClashesBetween) {
  auto frames = Frames(
      "Clashes between Ethiopian troops and Eritrean forces left dozens "
      "dead.");
  const v1::EventFrame* f = Find(frames, "clash");
  ASSERT_NE(f, nullptr);
  EXPECT_THAT(Strings(f->agents()),
              ElementsAre("Ethiopian troops", "Eritrean forces"));
}

TEST(EventFrames, HeavyFightingIsAClash) {
  EXPECT_THAT(Types(Frames("Heavy fighting raged near the airport.")),
              ElementsAre("clash"));
  EXPECT_THAT(Types(Frames("She is fighting for her life in hospital.")),
              IsEmpty());
}

TEST(EventFrames, BombingExplosionAmbushRaid) {
  auto bombing =
      Frames("A suicide bombing at a market in Maiduguri killed 12.");
  ASSERT_EQ(bombing.size(), 1u);
  EXPECT_EQ(bombing[0].type(), "bombing");
  EXPECT_THAT(Strings(bombing[0].locations()), ElementsAre("Maiduguri"));

  EXPECT_THAT(Types(Frames("A gas cylinder exploded in a restaurant in Lyon.")),
              ElementsAre("explosion"));
  EXPECT_THAT(Types(Frames("An explosion ripped through a fireworks factory.")),
              ElementsAre("explosion"));

  auto ambush = Frames("Insurgents ambushed a military patrol.");
  ASSERT_EQ(ambush.size(), 1u);
  EXPECT_EQ(ambush[0].type(), "ambush");
  EXPECT_THAT(Strings(ambush[0].agents()), ElementsAre("Insurgents"));
  EXPECT_THAT(Strings(ambush[0].targets()), ElementsAre("military patrol"));

  auto raid = Frames("Police raided the offices of an opposition newspaper.");
  ASSERT_EQ(raid.size(), 1u);
  EXPECT_EQ(raid[0].type(), "raid");
  EXPECT_THAT(Strings(raid[0].agents()), ElementsAre("Police"));
  EXPECT_THAT(Strings(raid[0].targets()),
              ElementsAre("offices of an opposition newspaper"));
}

TEST(EventFrames, ShootingForms) {
  auto frames = Frames("Gunmen opened fire on worshippers outside a church.");
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].type(), "shooting");
  EXPECT_THAT(Strings(frames[0].agents()), ElementsAre("Gunmen"));
  EXPECT_THAT(Strings(frames[0].targets()), ElementsAre("worshippers"));
  EXPECT_THAT(Types(Frames("Soldiers fired live rounds at the crowd.")),
              ElementsAre("shooting"));
  EXPECT_THAT(Types(Frames("The board fired its chief executive.")), IsEmpty());
}

TEST(EventFrames, PeaceMaking) {
  EXPECT_THAT(Types(Frames("The truce held through the weekend.")),
              ElementsAre("ceasefire"));
  auto talks = Frames("Talks between Sudan and South Sudan resumed in Juba.");
  ASSERT_EQ(talks.size(), 1u);
  EXPECT_EQ(talks[0].type(), "talks");
  EXPECT_THAT(Strings(talks[0].agents()), ElementsAre("Sudan", "South Sudan"));
  EXPECT_THAT(Strings(talks[0].locations()), ElementsAre("Juba"));
  EXPECT_THAT(Types(Frames("The two sides signed a peace deal.")),
              ElementsAre("agreement"));
}

TEST(EventFrames, ProtestMarchRallyRiot) {
  auto march = Frames("Thousands of teachers marched through Santiago.");
  ASSERT_EQ(march.size(), 1u);
  EXPECT_EQ(march[0].type(), "march");
  EXPECT_THAT(Strings(march[0].agents()), ElementsAre("teachers"));

  auto rally = Frames("Opposition supporters held a rally outside parliament.");
  ASSERT_EQ(rally.size(), 1u);
  EXPECT_EQ(rally[0].type(), "rally");
  EXPECT_THAT(Strings(rally[0].agents()), ElementsAre("Opposition supporters"));

  EXPECT_THAT(Types(Frames("Protests spread to three more cities.")),
              ElementsAre("protest"));
  EXPECT_THAT(Types(Frames("Demonstrators gathered outside the embassy.")),
              ElementsAre("protest"));
  EXPECT_THAT(Types(Frames("Rioting broke out in the capital.")),
              ElementsAre("riot"));
}

TEST(EventFrames, LabourStrikeVersusMilitaryStrike) {
  EXPECT_THAT(Types(Frames("Rail workers went on strike over pay.")),
              ElementsAre("strike"));
  EXPECT_THAT(Types(Frames("A general strike shut schools and banks.")),
              ElementsAre("strike"));
  auto military = Frames("The strike on the depot killed three soldiers.");
  ASSERT_EQ(military.size(), 1u);
  EXPECT_EQ(military[0].type(), "attack");
  EXPECT_THAT(Strings(military[0].targets()), ElementsAre("depot"));
  // Nothing settles it: no frame.
  EXPECT_THAT(Types(Frames("The strike ended on Friday.")), IsEmpty());
}

TEST(EventFrames, ArrestWithPatient) {
  auto frames = Frames("Police arrested 40 people in Lagos.");
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].type(), "arrest");
  EXPECT_THAT(Strings(frames[0].agents()), ElementsAre("Police"));
  EXPECT_THAT(Strings(frames[0].targets()), ElementsAre("40 people"));
  EXPECT_THAT(Strings(frames[0].locations()), ElementsAre("Lagos"));
  auto noun = Frames("The arrest of two journalists drew criticism.");
  ASSERT_EQ(noun.size(), 1u);
  EXPECT_THAT(Strings(noun[0].targets()), ElementsAre("two journalists"));
}

TEST(EventFrames, Disasters) {
  auto quake = Frames("A strong quake struck western Nepal.");
  EXPECT_THAT(Types(quake), ElementsAre("earthquake"));
  EXPECT_THAT(Types(Frames("The tremor was felt in Kathmandu.")),
              ElementsAre("earthquake"));
  EXPECT_THAT(Types(Frames("Flash floods swept through villages in Sindh.")),
              ElementsAre("flood"));
  EXPECT_THAT(Types(Frames("Typhoon Haikui weakened over the sea.")),
              ElementsAre("storm"));
  auto fire = Frames("A fire broke out at a garment factory in Dhaka.");
  EXPECT_THAT(Types(fire), ElementsAre("fire"));
  EXPECT_THAT(Strings(fire[0].locations()), ElementsAre("Dhaka"));
  EXPECT_THAT(Types(Frames("A landslide buried homes in Kerala.")),
              ElementsAre("landslide"));
  EXPECT_THAT(Types(Frames("Two trains collided near Balasore.")),
              ElementsAre("crash"));
  EXPECT_THAT(Types(Frames("The plane crash killed all 62 on board.")),
              ElementsAre("crash"));
}

TEST(EventFrames, ElectionsAndBusiness) {
  EXPECT_THAT(Types(Frames("Kenyans voted in a presidential election.")),
              ElementsAre("vote", "election"));
  EXPECT_THAT(Types(Frames("The carmaker reported quarterly results.")),
              ElementsAre("results"));
  auto layoffs = Frames("The company announced 2,000 job cuts.");
  ASSERT_EQ(layoffs.size(), 1u);
  EXPECT_EQ(layoffs[0].type(), "layoffs");
  EXPECT_THAT(Strings(layoffs[0].agents()), ElementsAre("company"));
  auto resign = Frames("The finance minister resigned on Friday.");
  ASSERT_EQ(resign.size(), 1u);
  EXPECT_EQ(resign[0].type(), "resignation");
  EXPECT_THAT(Strings(resign[0].agents()), ElementsAre("finance minister"));
  EXPECT_THAT(Types(Frames("The chief executive stepped down.")),
              ElementsAre("resignation"));
}

TEST(EventFrames, TimesGoToTheNearestFrame) {
  Doc d = Make(
      "Protests erupted on Monday, two days after the election on "
      "Saturday.",
      {"Monday", "Saturday"});
  auto frames = Frames(d);
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[0].type(), "protest");
  EXPECT_THAT(frames[0].time_indexes(), ElementsAre(0u));
  EXPECT_EQ(frames[1].type(), "election");
  EXPECT_THAT(frames[1].time_indexes(), ElementsAre(1u));
}

// ------------------------------------------------------------ negatives

TEST(EventFrames, FigurativeAndSportsUsesAreNotEvents) {
  EXPECT_THAT(Frames("He suffered a heart attack."), IsEmpty());
  EXPECT_THAT(Frames("The senator attacked the plan in response to criticism."),
              IsEmpty());
  EXPECT_THAT(
      Frames("The striker led the attack in retaliation for a rough tackle in "
             "the second half of the match."),
      IsEmpty());
  EXPECT_THAT(Frames("City's clash with the champions ended in a draw, the "
                     "coach said after the game."),
              IsEmpty());
  EXPECT_THAT(Types(Frames("The union struck a deal with management.")),
              ElementsAre("agreement"));
  EXPECT_THAT(Frames("Riot police were deployed."), IsEmpty());
  EXPECT_THAT(Frames("The party won by a landslide."), IsEmpty());
  EXPECT_THAT(Frames("The film bombed at the box office."), IsEmpty());
  EXPECT_THAT(Frames("Stocks rallied after the announcement."), IsEmpty());
  EXPECT_THAT(Frames("The fire brigade arrived quickly."), IsEmpty());
  EXPECT_THAT(Frames("The minister came under fire from critics."), IsEmpty());
  EXPECT_THAT(Frames("Test results arrived late."), IsEmpty());
  EXPECT_THAT(Frames("A flood of complaints followed."), IsEmpty());
  EXPECT_THAT(Frames("He was taken to hospital after a cardiac arrest."),
              IsEmpty());
}

TEST(EventFrames, MarchTheMonthIsNotAMarch) {
  Doc d = Make("In March the council voted to raise taxes.", {"March"});
  EXPECT_THAT(Types(Frames(d)), ElementsAre("vote"));
}

// ------------------------------------------------------------ causes

TEST(Causes, InRetaliationForNamesTheEarlierAgent) {
  Doc d = Make(
      "Armenian troops shelled Azerbaijani positions in retaliation for "
      "Azerbaijani drone strikes on Goris.");
  auto frames = Frames(d);
  ASSERT_EQ(frames.size(), 2u);
  const v1::EventFrame& later = frames[0];
  EXPECT_EQ(later.type(), "shelling");
  ASSERT_EQ(later.causes_size(), 1);
  const v1::CausalLink& c = later.causes(0);
  EXPECT_EQ(c.relation(), v1::CausalLink::RETALIATION_FOR);
  EXPECT_EQ(c.cue(), "in retaliation for");
  EXPECT_EQ(c.antecedent(), "Azerbaijani drone strikes on Goris");
  EXPECT_EQ(c.initiator(), "azerbaijan");
  EXPECT_EQ(Sub(d.text, c.initiator_span()), "Azerbaijani");
  EXPECT_EQ(frames[1].type(), "drone strike");
  EXPECT_EQ(frames[1].causes_size(), 0);
}

TEST(Causes, InResponseToBetweenHostileEventsIsRetaliation) {
  auto frames = Frames(
      "Israel launched air strikes on Gaza in response to rocket attacks by "
      "Hamas.");
  const v1::EventFrame* f = Find(frames, "air strike");
  ASSERT_NE(f, nullptr);
  EXPECT_THAT(Strings(f->agents()), ElementsAre("Israel"));
  ASSERT_EQ(f->causes_size(), 1);
  EXPECT_EQ(f->causes(0).relation(), v1::CausalLink::RETALIATION_FOR);
  EXPECT_EQ(f->causes(0).cue(), "in response to");
  EXPECT_EQ(f->causes(0).antecedent(), "rocket attacks by Hamas");
  EXPECT_EQ(f->causes(0).initiator(), "hamas");
}

TEST(Causes, InResponseToOtherwiseIsCausedBy) {
  auto frames = Frames("Protests erupted in response to the election.");
  const v1::EventFrame* f = Find(frames, "protest");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->causes_size(), 1);
  EXPECT_EQ(f->causes(0).relation(), v1::CausalLink::CAUSED_BY);
  EXPECT_EQ(f->causes(0).antecedent(), "election");
  // Not an event: no claim.
  EXPECT_EQ(
      CauseCount(Frames("Protests erupted in response to the price rise.")), 0);
}

TEST(Causes, RetaliatedWith) {
  auto frames =
      Frames("India retaliated with artillery fire across the frontier.");
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].type(), "shelling");
  EXPECT_THAT(Strings(frames[0].agents()), ElementsAre("India"));
  ASSERT_EQ(frames[0].causes_size(), 1);
  EXPECT_EQ(frames[0].causes(0).relation(), v1::CausalLink::RETALIATION_FOR);
  EXPECT_EQ(frames[0].causes(0).cue(), "retaliated");
}

TEST(Causes, RetaliatedAgainstNamesTheInitiator) {
  auto frames =
      Frames("Rebels retaliated against Colombian troops on Tuesday.");
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].type(), "attack");
  EXPECT_THAT(Strings(frames[0].agents()), ElementsAre("Rebels"));
  ASSERT_EQ(frames[0].causes_size(), 1);
  EXPECT_EQ(frames[0].causes(0).initiator(), "colombia");
  // "against" names a side, not an earlier event.
  EXPECT_TRUE(frames[0].causes(0).antecedent().empty());
}

TEST(Causes, RetaliatoryStrikesPointAtTheTargetsSide) {
  auto frames =
      Frames("Iran launched retaliatory missile strikes on Israeli bases.");
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].type(), "attack");
  ASSERT_EQ(frames[0].causes_size(), 1);
  EXPECT_EQ(frames[0].causes(0).relation(), v1::CausalLink::RETALIATION_FOR);
  EXPECT_EQ(frames[0].causes(0).cue(), "retaliatory");
  EXPECT_EQ(frames[0].causes(0).initiator(), "israel");
}

TEST(Causes, RespondedWith) {
  auto frames = Frames("The army responded with air strikes.");
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_THAT(Strings(frames[0].agents()), ElementsAre("army"));
  ASSERT_EQ(frames[0].causes_size(), 1);
  EXPECT_EQ(frames[0].causes(0).cue(), "responded with");
  EXPECT_EQ(frames[0].causes(0).relation(), v1::CausalLink::RETALIATION_FOR);
}

TEST(Causes, BeganAfterAndBeganWhen) {
  auto after = Frames("The fighting began after militants ambushed a patrol.");
  const v1::EventFrame* f = Find(after, "clash");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->causes_size(), 1);
  EXPECT_EQ(f->causes(0).relation(), v1::CausalLink::CAUSED_BY);
  EXPECT_EQ(f->causes(0).cue(), "began after");
  EXPECT_EQ(f->causes(0).antecedent(), "militants ambushed a patrol");
  EXPECT_EQ(f->causes(0).initiator(), "militants");

  auto when =
      Frames("The clashes began when soldiers opened fire on students.");
  f = Find(when, "clash");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->causes_size(), 1);
  EXPECT_EQ(f->causes(0).cue(), "began when");
  EXPECT_EQ(f->causes(0).initiator(), "soldiers");
}

TEST(Causes, FollowedAndDaysAfterAndHoursAfter) {
  auto followed =
      Frames("The protests followed the arrest of an opposition leader.");
  const v1::EventFrame* f = Find(followed, "protest");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->causes_size(), 1);
  EXPECT_EQ(f->causes(0).cue(), "followed");
  EXPECT_EQ(f->causes(0).antecedent(), "arrest of an opposition leader");

  auto days = Frames("The floods came days after a cyclone hit the coast.");
  f = Find(days, "flood");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->causes_size(), 1);
  EXPECT_EQ(f->causes(0).cue(), "came days after");
  EXPECT_EQ(f->causes(0).antecedent(), "cyclone hit the coast");

  auto hours =
      Frames("Hours after the truce took effect, shelling resumed in Donetsk.");
  f = Find(hours, "shelling");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->causes_size(), 1);
  EXPECT_EQ(f->causes(0).cue(), "Hours after");
  EXPECT_EQ(f->causes(0).antecedent(), "truce took effect");
  EXPECT_THAT(Strings(f->locations()), ElementsAre("Donetsk"));
}

TEST(Causes, AfterAnEventNounButNotAfterADate) {
  auto event = Frames("Protests erupted after the election.");
  ASSERT_EQ(CauseCount(event), 1);
  EXPECT_EQ(Find(event, "protest")->causes(0).cue(), "erupted after");

  Doc date = Make("Talks resumed after October 11.", {"October 11"});
  auto frames = Frames(date);
  EXPECT_THAT(Types(frames), ElementsAre("talks"));
  EXPECT_EQ(CauseCount(frames), 0);

  Doc possessive =
      Make("Talks stalled after Sunday's attack on a convoy.", {"Sunday"});
  auto p = Frames(possessive);
  const v1::EventFrame* f = Find(p, "talks");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->causes_size(), 1);
  EXPECT_EQ(f->causes(0).antecedent(), "Sunday's attack on a convoy");

  // "after" a clause that names no event, and "named after".
  EXPECT_EQ(CauseCount(Frames("Protests began after he spoke.")), 0);
  EXPECT_EQ(CauseCount(Frames("The storm was named after a poet.")), 0);
}

TEST(Causes, Unprovoked) {
  auto frames = Frames(
      "Seoul condemned the unprovoked North Korean attack on the island.");
  ASSERT_EQ(frames.size(), 1u);
  ASSERT_EQ(frames[0].causes_size(), 1);
  EXPECT_EQ(frames[0].causes(0).relation(), v1::CausalLink::UNPROVOKED);
  EXPECT_EQ(frames[0].causes(0).cue(), "unprovoked");
  EXPECT_EQ(frames[0].causes(0).initiator(), "north korea");
  EXPECT_TRUE(frames[0].causes(0).antecedent().empty());

  auto predicate = Frames("Officials said the shelling was unprovoked.");
  ASSERT_EQ(predicate.size(), 1u);
  ASSERT_EQ(predicate[0].causes_size(), 1);
  EXPECT_EQ(predicate[0].causes(0).relation(), v1::CausalLink::UNPROVOKED);
}

TEST(Causes, ProvokedByAndTriggeredSparkedPrompted) {
  auto provoked = Frames("The clashes were provoked by an attack on a mosque.");
  const v1::EventFrame* f = Find(provoked, "clash");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->causes_size(), 1);
  EXPECT_EQ(f->causes(0).cue(), "provoked by");
  EXPECT_EQ(f->causes(0).antecedent(), "attack on a mosque");

  auto triggered =
      Frames("The earthquake triggered a landslide that buried a village.");
  f = Find(triggered, "landslide");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->causes_size(), 1);
  EXPECT_EQ(f->causes(0).cue(), "triggered");
  EXPECT_EQ(f->causes(0).antecedent(), "earthquake");
  EXPECT_EQ(Find(triggered, "earthquake")->causes_size(), 0);

  auto sparked = Frames("Khan's arrest sparked protests in Lahore.");
  f = Find(sparked, "protest");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->causes_size(), 1);
  EXPECT_EQ(f->causes(0).antecedent(), "Khan's arrest");
  EXPECT_THAT(Strings(Find(sparked, "arrest")->targets()), ElementsAre("Khan"));

  auto prompted = Frames("The layoffs prompted a strike by factory workers.");
  f = Find(prompted, "strike");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->causes_size(), 1);
  EXPECT_EQ(f->causes(0).cue(), "prompted");
  EXPECT_EQ(f->causes(0).antecedent(), "layoffs");
  EXPECT_THAT(Strings(f->agents()), ElementsAre("factory workers"));

  EXPECT_EQ(CauseCount(Frames("The storm caused widespread damage.")), 0);
}

// ------------------------------------------------------------ stances

TEST(Stances, ClaimsResponsibility) {
  auto frames =
      Frames("The Islamic State group claimed responsibility for the bombing.");
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].type(), "bombing");
  ASSERT_EQ(frames[0].stances_size(), 1);
  const v1::Attribution& a = frames[0].stances(0);
  EXPECT_EQ(a.stance(), v1::Attribution::CLAIMS_RESPONSIBILITY);
  EXPECT_EQ(a.source(), "Islamic State group");
  EXPECT_EQ(a.source_normalized(), "islamic state");
  EXPECT_EQ(a.cue(), "claimed responsibility");
}

TEST(Stances, Denies) {
  auto frames = Frames("The militia denied any involvement in the attack.");
  ASSERT_EQ(frames.size(), 1u);
  ASSERT_EQ(frames[0].stances_size(), 1);
  EXPECT_EQ(frames[0].stances(0).stance(), v1::Attribution::DENIES);
  EXPECT_EQ(frames[0].stances(0).source(), "militia");
  EXPECT_EQ(frames[0].stances(0).cue(), "denied");

  auto carrying = Frames("The group denied carrying out the ambush.");
  ASSERT_EQ(carrying.size(), 1u);
  ASSERT_EQ(carrying[0].stances_size(), 1);
  EXPECT_EQ(carrying[0].stances(0).stance(), v1::Attribution::DENIES);

  // Not a denial of involvement.
  auto other = Frames("The ministry denied reports of a ceasefire.");
  EXPECT_EQ(other[0].stances_size(), 0);
}

TEST(Stances, DoesNotConfirm) {
  auto none = Frames("No group has claimed responsibility for the blast.");
  ASSERT_EQ(none.size(), 1u);
  EXPECT_EQ(none[0].type(), "explosion");
  ASSERT_EQ(none[0].stances_size(), 1);
  EXPECT_EQ(none[0].stances(0).stance(), v1::Attribution::DOES_NOT_CONFIRM);
  EXPECT_EQ(none[0].stances(0).source(), "No group");

  auto not_claimed =
      Frames("Kyiv has not claimed responsibility for the drone attack.");
  ASSERT_EQ(not_claimed.size(), 1u);
  ASSERT_EQ(not_claimed[0].stances_size(), 1);
  EXPECT_EQ(not_claimed[0].stances(0).stance(),
            v1::Attribution::DOES_NOT_CONFIRM);
  EXPECT_EQ(not_claimed[0].stances(0).source(), "Kyiv");
  EXPECT_EQ(not_claimed[0].stances(0).cue(), "has not claimed responsibility");

  auto confirm = Frames("The ministry did not confirm the raid.");
  ASSERT_EQ(confirm.size(), 1u);
  ASSERT_EQ(confirm[0].stances_size(), 1);
  EXPECT_EQ(confirm[0].stances(0).stance(), v1::Attribution::DOES_NOT_CONFIRM);
  EXPECT_EQ(confirm[0].stances(0).cue(), "did not confirm");

  auto neither =
      Frames("Washington neither confirmed nor denied the drone strike.");
  ASSERT_EQ(neither.size(), 1u);
  ASSERT_EQ(neither[0].stances_size(), 1);
  EXPECT_EQ(neither[0].stances(0).stance(), v1::Attribution::DOES_NOT_CONFIRM);
  EXPECT_EQ(neither[0].stances(0).source(), "Washington");

  // The reporter's verification is not a stance of a party.
  auto verify = Frames("Reporters could not confirm the raid.");
  ASSERT_EQ(verify.size(), 1u);
  EXPECT_EQ(verify[0].stances_size(), 0);
}

TEST(Stances, ResponsibilityWithoutAnEventGetsAFrame) {
  Doc d = Make("No one has claimed responsibility.");
  auto frames = Frames(d);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].type(), "event");
  EXPECT_EQ(Sub(d.text, frames[0].trigger()), "claimed responsibility");
  ASSERT_EQ(frames[0].stances_size(), 1);
  EXPECT_EQ(frames[0].stances(0).source(), "No one");
  EXPECT_EQ(frames[0].stances(0).stance(), v1::Attribution::DOES_NOT_CONFIRM);
}

TEST(Stances, AccusesAddsTheAccusedAsAgent) {
  auto blamed = Frames("The government blamed separatists for the bombing.");
  ASSERT_EQ(blamed.size(), 1u);
  EXPECT_THAT(Strings(blamed[0].agents()), ElementsAre("separatists"));
  ASSERT_EQ(blamed[0].stances_size(), 1);
  EXPECT_EQ(blamed[0].stances(0).stance(), v1::Attribution::ACCUSES);
  EXPECT_EQ(blamed[0].stances(0).source(), "government");

  auto on = Frames("Officials blamed the ambush on jihadist fighters.");
  ASSERT_EQ(on.size(), 1u);
  EXPECT_THAT(Strings(on[0].agents()), ElementsAre("jihadist fighters"));

  auto accused =
      Frames("Police accused the cartel of carrying out the shooting.");
  ASSERT_EQ(accused.size(), 1u);
  EXPECT_EQ(accused[0].type(), "shooting");
  EXPECT_THAT(Strings(accused[0].agents()), ElementsAre("cartel"));
  ASSERT_EQ(accused[0].stances_size(), 1);
  EXPECT_EQ(accused[0].stances(0).stance(), v1::Attribution::ACCUSES);
  EXPECT_EQ(accused[0].stances(0).source(), "Police");

  // An accusation that names no event is not an event stance.
  EXPECT_THAT(Frames("Prosecutors accused the mayor of fraud."), IsEmpty());
}

// ------------------------------------------------------------ normalized

TEST(NormalizedText, SpansMapBackToTheOriginal) {
  const std::string original =
      "Intro \xE2\x80\x94 here. Gunmen\xC2\xA0"
      "attacked a bus \xE2\x80\x9Cnear "
      "Quetta\xE2\x80\x9D on Sunday.";
  const NormalizedText norm = Normalize(original);
  std::vector<SentenceRange> sentences = SplitSentences(norm.text);
  ASSERT_EQ(sentences.size(), 2u);
  SCOPED_TRACE(norm.text.substr(sentences[1].begin,
                                sentences[1].end - sentences[1].begin));
  v1::TimeExpression t;
  const size_t pos = original.find("Sunday");
  t.mutable_span()->set_begin(pos);
  t.mutable_span()->set_end(pos + 6);
  auto frames = Extractor().Extract(norm, sentences[1], {t});
  ASSERT_EQ(frames.size(), 1u);
  v1::EventFrame f = frames[0];
  RestoreSurfaces(original, &f);
  EXPECT_EQ(Sub(original, f.trigger()), "attacked");
  EXPECT_THAT(Strings(f.agents()), ElementsAre("Gunmen"));
  EXPECT_THAT(Strings(f.targets()), ElementsAre("bus"));
  EXPECT_THAT(Strings(f.locations()), ElementsAre("Quetta"));
  EXPECT_EQ(Sub(original, f.location_spans(0)), "Quetta");
  EXPECT_THAT(f.time_indexes(), ElementsAre(0u));
}

TEST(Robustness, InvalidUtf8AndEmptyRanges) {
  const std::string text = "Bad \xFF\xFE bytes: troops shelled a town.";
  SentenceRange s{0, static_cast<uint32_t>(text.size())};
  auto frames = Extractor().Extract(text, s, {});
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].type(), "shelling");
  SentenceRange empty{5, 5};
  EXPECT_THAT(Extractor().Extract(text, empty, {}), IsEmpty());
  SentenceRange past{10, 1000};
  EXPECT_NO_FATAL_FAILURE(Extractor().Extract(text, past, {}));
}

// Every sub-range of a cue-dense text, cut at any byte (inside words and
// UTF-8 sequences too), keeps every span inside the range.
TEST(Robustness, EverySubRangeKeepsSpansInside) {
  const std::string text =
      "Hours after the truce, Afghan\xE2\x80\x99s forces retaliated against "
      "Pakistani posts in retaliation for unprovoked air strikes by jets; "
      "no group has claimed responsibility, and officials blamed the blast "
      "on rebels who denied any involvement, the army said after Oct. 11.";
  for (uint32_t b = 0; b < text.size(); b += 3) {
    for (uint32_t e = b; e <= text.size(); e += 5) {
      Doc d;
      d.text = text;
      d.sentence = {b, e};
      std::vector<v1::EventFrame> frames =
          Extractor().Extract(d.text, d.sentence, {});
      for (const v1::EventFrame& f : frames) {
        EXPECT_GE(f.trigger().begin(), b);
        EXPECT_LE(f.trigger().end(), e);
        for (const v1::CausalLink& c : f.causes()) {
          EXPECT_GE(c.cue_span().begin(), b);
          EXPECT_LE(c.cue_span().end(), e);
        }
      }
    }
  }
}


// ------------------------------------------------- regressions (review 2)

// The span of `surface` in d.text, searched from the test sentence on.
void ExpectAt(const Doc& d, const v1::Span& span, absl::string_view surface) {
  const size_t pos = d.text.find(std::string(surface), kLead.size());
  ASSERT_NE(pos, std::string::npos) << surface;
  EXPECT_EQ(span.begin(), pos) << surface;
  EXPECT_EQ(span.end(), pos + surface.size()) << surface;
}

TEST(Regression, SpeakerOfANamingVerbIsNotTheAgent) {
  // "called the raid unprovoked": Ruritania speaks; who raided is unknown.
  const Doc d = Make("Ruritania called the raid unprovoked and vowed to respond.");
  auto frames = Frames(d);
  const v1::EventFrame* f = Find(frames, "raid");
  ASSERT_NE(f, nullptr);
  EXPECT_THAT(Strings(f->agents()), IsEmpty());
  ASSERT_EQ(f->causes_size(), 1);
  EXPECT_EQ(f->causes(0).relation(), v1::CausalLink::UNPROVOKED);
  EXPECT_TRUE(f->causes(0).initiator().empty());
  EXPECT_FALSE(f->causes(0).has_initiator_span());

  // A light verb without a complement still names the agent.
  const Doc u = Make("The union called a strike over unpaid wages.");
  auto labour = Frames(u);
  f = Find(labour, "strike");
  ASSERT_NE(f, nullptr);
  ASSERT_THAT(Strings(f->agents()), ElementsAre("union"));
  ExpectAt(u, f->agent_spans(0), "union");
}

TEST(Regression, GroupNameBeforeAnEventNounIsTheAgent) {
  const Doc d = Make("The army described the Hamas assault as unprovoked.");
  auto frames = Frames(d);
  ASSERT_EQ(frames.size(), 1u);
  ASSERT_THAT(Strings(frames[0].agents()), ElementsAre("Hamas"));
  ExpectAt(d, frames[0].agent_spans(0), "Hamas");
  ASSERT_EQ(frames[0].causes_size(), 1);
  EXPECT_EQ(frames[0].causes(0).initiator(), "hamas");
  ExpectAt(d, frames[0].causes(0).initiator_span(), "Hamas");

  const Doc a = Make("Nine guards died in an ELN ambush near the pipeline.");
  auto acronym = Frames(a);
  const v1::EventFrame* f = Find(acronym, "ambush");
  ASSERT_NE(f, nullptr);
  ASSERT_THAT(Strings(f->agents()), ElementsAre("ELN"));
  ExpectAt(a, f->agent_spans(0), "ELN");

  // A name that is a place of the sentence, and plural triggers, are not
  // read as agents.
  auto place = Frames("Mourners in Dorvan marked a year since the Dorvan raid.");
  f = Find(place, "raid");
  ASSERT_NE(f, nullptr);
  EXPECT_THAT(Strings(f->agents()), IsEmpty());
  auto plural = Frames("Survivors of the Lisbon bombings met the mayor.");
  f = Find(plural, "bombing");
  ASSERT_NE(f, nullptr);
  EXPECT_THAT(Strings(f->agents()), IsEmpty());
}

TEST(Regression, AntecedentIsTheShortestEventPhrase) {
  const Doc d = Make(
      "The protests erupted days after three students were killed in a raid "
      "by soldiers in Vardo province near the river.");
  auto frames = Frames(d);
  const v1::EventFrame* f = Find(frames, "protest");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->causes_size(), 1);
  EXPECT_EQ(f->causes(0).cue(), "erupted days after");
  EXPECT_EQ(f->causes(0).antecedent(), "raid by soldiers in Vardo province");
  ExpectAt(d, f->causes(0).antecedent_span(),
           "raid by soldiers in Vardo province");
  EXPECT_EQ(f->causes(0).initiator(), "soldiers");

  // An event only mentioned inside the antecedent clause is not it.
  auto inside = Frames(
      "Police detained 30 people after a crowd broke away from the rally.");
  f = Find(inside, "arrest");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->causes_size(), 0);
}

TEST(Regression, MidClauseCueDoesNotLinkALaterGenericEvent) {
  auto frames = Frames(
      "The minister said soon after the ceasefire that militias which stage "
      "attacks would be disarmed.");
  for (const v1::EventFrame& f : frames) {
    EXPECT_EQ(f.causes_size(), 0) << f.ShortDebugString();
    EXPECT_THAT(Strings(f.agents()), IsEmpty()) << f.ShortDebugString();
  }
}

TEST(Regression, ParticipleAfterItsNounNamesThePatient) {
  const Doc d = Make("Of the 40 people arrested at the rally, six were charged.");
  auto frames = Frames(d);
  const v1::EventFrame* f = Find(frames, "arrest");
  ASSERT_NE(f, nullptr);
  EXPECT_THAT(Strings(f->agents()), IsEmpty());
  ASSERT_THAT(Strings(f->targets()), ElementsAre("40 people"));
  ExpectAt(d, f->target_spans(0), "40 people");
}

TEST(Regression, BlamedEventOnYMakesYTheAgentNotTheTarget) {
  const Doc d =
      Make("Officials blamed most of the bombings on the Red Hand militia.");
  auto frames = Frames(d);
  const v1::EventFrame* f = Find(frames, "bombing");
  ASSERT_NE(f, nullptr);
  ASSERT_THAT(Strings(f->agents()), ElementsAre("Red Hand militia"));
  ExpectAt(d, f->agent_spans(0), "Red Hand militia");
  EXPECT_THAT(Strings(f->targets()), IsEmpty());
  ASSERT_EQ(f->stances_size(), 1);
  EXPECT_EQ(f->stances(0).stance(), v1::Attribution::ACCUSES);
  EXPECT_EQ(f->stances(0).source(), "Officials");
}

TEST(Regression, StanceSourceAcrossAnAppositive) {
  const Doc d = Make(
      "The Crimson Brigade, an armed group founded in 2010, claimed "
      "responsibility for the bombing.");
  auto frames = Frames(d);
  const v1::EventFrame* f = Find(frames, "bombing");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->stances_size(), 1);
  EXPECT_EQ(f->stances(0).stance(), v1::Attribution::CLAIMS_RESPONSIBILITY);
  EXPECT_EQ(f->stances(0).source(), "Crimson Brigade");
  ExpectAt(d, f->stances(0).source_span(), "Crimson Brigade");
}

TEST(Regression, NamesAndPhrasesStopWhereTheyShould) {
  // The owner of a place is not the place.
  const Doc r = Make(
      "Hundreds rallied outside Velcor Industries' main factory in Brask.");
  auto rally = Frames(r);
  ASSERT_EQ(rally.size(), 1u);
  ASSERT_THAT(Strings(rally[0].locations()), ElementsAre("Brask"));
  ExpectAt(r, rally[0].location_spans(0), "Brask");

  // A verb after a name ends the phrase.
  const Doc c =
      Make("Clashes between police and the Blue Movement mark a new phase.");
  auto clash = Frames(c);
  ASSERT_EQ(clash.size(), 1u);
  ASSERT_THAT(Strings(clash[0].agents()),
              ElementsAre("police", "Blue Movement"));
  ExpectAt(c, clash[0].agent_spans(1), "Blue Movement");

  // A gerund after "by" is a clause, not an agent.
  auto merger = Frames("The firm marked the merger by ringing a bell.");
  const v1::EventFrame* f = Find(merger, "merger");
  ASSERT_NE(f, nullptr);
  EXPECT_THAT(Strings(f->agents()), IsEmpty());

  // "between" after another noun belongs to that noun.
  auto attacks = Frames(
      "Each wave of rebel attacks on the capital deepens mistrust between "
      "Arland and Bexia.");
  f = Find(attacks, "attack");
  ASSERT_NE(f, nullptr);
  EXPECT_THAT(Strings(f->agents()), ElementsAre("rebel"));
}

TEST(Regression, StreetClashCausesNameWhoStartedIt) {
  const Doc d = Make(
      "The clashes began after riot officers fired tear gas at students near "
      "the campus.");
  auto frames = Frames(d);
  const v1::EventFrame* clash = Find(frames, "clash");
  ASSERT_NE(clash, nullptr);
  ASSERT_EQ(clash->causes_size(), 1);
  EXPECT_EQ(clash->causes(0).relation(), v1::CausalLink::CAUSED_BY);
  EXPECT_EQ(clash->causes(0).antecedent(),
            "riot officers fired tear gas at students");
  ExpectAt(d, clash->causes(0).antecedent_span(),
           "riot officers fired tear gas at students");
  EXPECT_EQ(clash->causes(0).initiator(), "riot officers");
  const v1::EventFrame* force = Find(frames, "crackdown");
  ASSERT_NE(force, nullptr);
  EXPECT_THAT(Strings(force->agents()), ElementsAre("riot officers"));
  EXPECT_THAT(Strings(force->targets()), ElementsAre("students"));

  const Doc w = Make(
      "Police said the violence started on Tuesday evening, when youths "
      "hurled rocks and bottles at a patrol.",
      {"Tuesday evening"});
  auto violence = Frames(w);
  clash = Find(violence, "clash");
  ASSERT_NE(clash, nullptr);
  ASSERT_EQ(clash->causes_size(), 1);
  EXPECT_EQ(clash->causes(0).cue(), "started on Tuesday evening, when");
  ExpectAt(w, clash->causes(0).cue_span(), "started on Tuesday evening, when");
  EXPECT_EQ(clash->causes(0).initiator(), "youths");
  const v1::EventFrame* riot = Find(violence, "riot");
  ASSERT_NE(riot, nullptr);
  EXPECT_THAT(Strings(riot->targets()), ElementsAre("patrol"));

  // "violence" as a topic is no event.
  EXPECT_THAT(Frames("Campaigners spoke against domestic violence."),
              IsEmpty());
}

TEST(Regression, StructuralFailures) {
  const Doc d = Make("The embankment near Tolva gave way overnight.");
  auto frames = Frames(d);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].type(), "collapse");
  ExpectAt(d, frames[0].trigger(), "gave way");
  ASSERT_THAT(Strings(frames[0].targets()), ElementsAre("embankment"));
  ExpectAt(d, frames[0].target_spans(0), "embankment");

  EXPECT_THAT(Types(Frames("The collapse of the dam flooded two villages.")),
              ElementsAre("collapse"));
  EXPECT_THAT(Types(Frames("The talks failed after two days.")),
              ElementsAre("talks"));
  EXPECT_THAT(Frames("Its shares collapsed on the news."), IsEmpty());
  EXPECT_THAT(Frames("Critics mocked the collapse of the plan."), IsEmpty());
}

}  // namespace
}  // namespace factdiff
