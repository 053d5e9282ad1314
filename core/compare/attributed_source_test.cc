#include "core/compare/attributed_source.h"

#include "gtest/gtest.h"

namespace factdiff {
namespace {

TEST(AttributedSource, Patterns) {
  EXPECT_EQ(AttributedSource("Police estimated the crowd at 5,000."), "police");
  EXPECT_EQ(AttributedSource("58 soldiers died, the spokesman said on Sunday."),
            "the spokesman");
  EXPECT_EQ(AttributedSource("According to the health ministry, 40 died."),
            "the health ministry");
  EXPECT_EQ(AttributedSource("\"We lost nine,\" said Amina Yusuf, a medic."),
            "amina yusuf");
  EXPECT_EQ(AttributedSource("The quake killed 47 people in three villages."), "");
  EXPECT_EQ(AttributedSource("The army said 23 soldiers were killed."), "the army");
  EXPECT_EQ(AttributedSource("Police have put the turnout at 5,000"), "police");
  EXPECT_EQ(AttributedSource("organizers from the Public Water Coalition say "
                             "20,000 people marched."),
            "organizers from the public water coalition");
  EXPECT_EQ(AttributedSource("The Legal Observers Network, which monitored the "
                             "march, said 15 people had been arrested."),
            "the legal observers network");
  EXPECT_EQ(AttributedSource("But Dr. Ilsa Moravec, the hospital director, told "
                             "reporters that close to 900 were hurt."),
            "dr ilsa moravec");
}

TEST(SplitClauses, SplitsAtContrast) {
  const std::string s =
      "Police put the crowd at 5,000, while organizers said 20,000 marched.";
  auto c = SplitClauses(s);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(s.substr(c[0].first, c[0].second - c[0].first),
            "Police put the crowd at 5,000");
  EXPECT_EQ(AttributedSource(s.substr(c[1].first)), "organizers");
  EXPECT_EQ(SplitClauses("One clause only.").size(), 1u);
}

}  // namespace
}  // namespace factdiff
