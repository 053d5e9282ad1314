#include "core/compare/proposition.h"

#include "gtest/gtest.h"

namespace factdiff {
namespace compare_internal {
namespace {

TEST(ReadDenied, PronounSubjectAndPredicate) {
  std::optional<Denied> d = ReadDenied("that it had shut the sluice gates");
  ASSERT_TRUE(d.has_value());
  EXPECT_FALSE(d->generic);
  EXPECT_EQ(d->subject, "it");
  EXPECT_EQ(d->predicate, (std::vector<std::string>{"shut", "sluice", "gates"}));
  EXPECT_EQ(d->act, "shut the sluice gates");
}

TEST(ReadDenied, NamedSubjectGerundAndGeneric) {
  std::optional<Denied> named =
      ReadDenied("that the board would sell the Varna mill, adding nothing");
  ASSERT_TRUE(named.has_value());
  EXPECT_EQ(named->subject, "the board");
  EXPECT_EQ(named->predicate, (std::vector<std::string>{"sell", "varna", "mill"}));
  std::optional<Denied> gerund = ReadDenied("selling the Varna mill");
  ASSERT_TRUE(gerund.has_value());
  EXPECT_EQ(gerund->subject, "");
  EXPECT_EQ(gerund->predicate[0], "selling");
  for (const char* generic : {"any wrongdoing", "the allegations",
                              "any involvement in the fire"}) {
    std::optional<Denied> g = ReadDenied(generic);
    ASSERT_TRUE(g.has_value()) << generic;
    EXPECT_TRUE(g->generic) << generic;
    EXPECT_TRUE(g->predicate.empty());
  }
}

TEST(ReadDenied, NegatedOrEmpty) {
  EXPECT_FALSE(ReadDenied("that it had not shut the gates").has_value());
  EXPECT_FALSE(ReadDenied("it").has_value());
  EXPECT_FALSE(ReadDenied("that it had").has_value());
}

TEST(ReadAsserted, FindsTheAgentOfThePredicate) {
  const std::vector<std::string> predicate = {"shut", "sluice", "gates"};
  std::optional<Asserted> a = ReadAsserted(
      "the owner of the Brenna weir had shut the town’s sluice gates at dawn",
      predicate);
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->agent, "the owner of the Brenna weir");
  // A word of the predicate is missing, the verb is negated, or the agent
  // is a pronoun.
  EXPECT_FALSE(ReadAsserted("the owner had shut the road", predicate));
  EXPECT_FALSE(
      ReadAsserted("the owner had not shut the sluice gates", predicate));
  EXPECT_FALSE(ReadAsserted("it shut the sluice gates", predicate));
}

TEST(AccusedOf, AccuseAndBlame) {
  std::string act;
  EXPECT_EQ(AccusedOf("accused", "the Dune Party of buying ballots", &act),
            "the Dune Party");
  EXPECT_EQ(act, "buying ballots");
  EXPECT_EQ(AccusedOf("blamed", "the blackout on Nordgrid, a rival", &act),
            "Nordgrid");
  EXPECT_EQ(act, "the blackout");
  EXPECT_EQ(AccusedOf("blamed", "Nordgrid for the blackout", &act), "Nordgrid");
  EXPECT_EQ(AccusedOf("said", "Nordgrid did it", &act), "");
}

TEST(StemsMatch, FormsOfOneWord) {
  EXPECT_TRUE(StemsMatch("plan", "planned"));
  EXPECT_TRUE(StemsMatch("operator", "operates"));
  EXPECT_FALSE(StemsMatch("opened", "operator"));
  EXPECT_FALSE(StemsMatch("dam", "damage"));  // too short to be a stem
  EXPECT_EQ(SharedStems("the operator of the weir",
                        "Weirco, which operates the weir"),
            2u);
}

}  // namespace
}  // namespace compare_internal
}  // namespace factdiff
