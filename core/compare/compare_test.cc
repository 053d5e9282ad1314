#include "core/compare/compare.h"

#include <algorithm>
#include <set>

#include "core/compare/test_util.h"
#include "gtest/gtest.h"

namespace factdiff {
namespace {

using testing_util::TestCorpus;
using v1::Attribution;
using v1::CausalLink;
using v1::Finding;
using v1::Quantity;

// Two outlets on one exchange of strikes that disagree on everything.
TestCorpus Coverage() {
  TestCorpus c;
  const uint32_t a = c.Doc("Gazette", "2026-03-07");
  const uint32_t b = c.Doc("Herald", "2026-03-07");
  // Numbers.
  const uint32_t n0 = c.Add(a, "The strikes killed 12 soldiers at the Tovi base.");
  c.Quantity(n0, "12", 12, 12, Quantity::KILLED, "soldier");
  const uint32_t n1 = c.Add(b, "Thirty soldiers were killed at the Tovi base.");
  c.Quantity(n1, "Thirty", 30, 30, Quantity::KILLED, "soldier");
  c.Link(n0, n1, 0.6f);
  // Responsibility.
  const uint32_t r0 = c.Add(a, "Kandar accused Belmont of the air strikes on Tovi.");
  const int f0 = c.Frame(r0, "air strike", "air strikes", {"Belmont"}, {}, {"Tovi"});
  c.FrameStance(r0, f0, "Kandar", "accused", Attribution::ACCUSES);
  const uint32_t r1 = c.Add(b, "Belmont denied carrying out air strikes on Tovi.");
  const int f1 = c.Frame(r1, "air strike", "air strikes", {"Belmont"}, {}, {"Tovi"});
  c.FrameStance(r1, f1, "Belmont", "denied", Attribution::DENIES);
  c.Link(r0, r1, 0.6f);
  // Who struck first.
  const uint32_t k0 = c.Add(a, "Kandar called the Belmont raid on Tovi unprovoked.");
  const int g0 = c.Frame(k0, "raid", "raid", {"Belmont"}, {}, {"Tovi"});
  c.Cause(k0, g0, CausalLink::UNPROVOKED, "unprovoked", "", "belmont");
  const uint32_t k1 = c.Add(b, "The Belmont raid on Tovi answered Kandari shelling.");
  const int g1 = c.Frame(k1, "raid", "raid", {"Belmont"}, {}, {"Tovi"});
  c.Cause(k1, g1, CausalLink::RETALIATION_FOR, "answered", "Kandari shelling",
          "kandar");
  c.Link(k0, k1, 0.6f);
  // Dates.
  const uint32_t t0 = c.Add(a, "The Tovi raid by Belmont came on March 2.");
  const int h0 = c.Frame(t0, "raid", "raid", {"Belmont"}, {}, {"Tovi"});
  c.Time(t0, h0, "March 2", "2026-03-02");
  const uint32_t t1 = c.Add(b, "Belmont's raid on Tovi came on March 5.");
  const int h1 = c.Frame(t1, "raid", "raid", {"Belmont"}, {}, {"Tovi"});
  c.Time(t1, h1, "March 5", "2026-03-05");
  c.Link(t0, t1, 0.6f);
  // Each pair is its own event: no cross-talk between the four disputes.
  c.event_of = {"e1", "e1", "e2", "e2", "e3", "e3", "e4", "e4"};
  return c;
}

TEST(FindAllDisagreements, EveryKindOnceMostConfidentFirst) {
  TestCorpus c = Coverage();
  std::vector<Finding> out = FindAllDisagreements(
      c.statements, c.documents, c.document_of, c.pairs, c.event_of,
      CompareOptions());
  std::multiset<int> kinds;
  for (const Finding& f : out) kinds.insert(f.kind());
  EXPECT_EQ(kinds, (std::multiset<int>{Finding::NUMERIC_MISMATCH,
                                       Finding::ATTRIBUTION_CONFLICT,
                                       Finding::CAUSAL_ORDER_CONFLICT,
                                       Finding::DATE_MISMATCH}));
  for (size_t i = 1; i < out.size(); ++i) {
    EXPECT_GE(out[i - 1].confidence(), out[i].confidence());
  }
  for (const Finding& f : out) {
    EXPECT_EQ(f.severity(), f.confidence() >= 0.8   ? Finding::HIGH
                            : f.confidence() >= 0.6 ? Finding::MEDIUM
                                                    : Finding::LOW);
    EXPECT_FALSE(f.summary().empty());
    EXPECT_FALSE(f.explanation().empty());
    EXPECT_FALSE(f.event_id().empty());
    EXPECT_GE(f.claims_size(), 2);
  }
  c.ExpectSpansValid(out);
}

TEST(FindAllDisagreements, DeterministicAndDeduplicated) {
  TestCorpus c = Coverage();
  const std::vector<Finding> first = FindAllDisagreements(
      c.statements, c.documents, c.document_of, c.pairs, c.event_of,
      CompareOptions());
  // The same pairs, reversed and repeated.
  std::vector<AlignedPair> pairs = c.pairs;
  std::reverse(pairs.begin(), pairs.end());
  pairs.insert(pairs.end(), c.pairs.begin(), c.pairs.end());
  const std::vector<Finding> second = FindAllDisagreements(
      c.statements, c.documents, c.document_of, pairs, c.event_of,
      CompareOptions());
  ASSERT_EQ(first.size(), second.size());
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].SerializeAsString(), second[i].SerializeAsString());
  }
}

TEST(FindAllDisagreements, ThresholdAndSameDocumentOptions) {
  TestCorpus c = Coverage();
  CompareOptions strict;
  strict.min_confidence = 0.995;  // above every clamp
  EXPECT_TRUE(FindAllDisagreements(c.statements, c.documents, c.document_of,
                                   c.pairs, c.event_of, strict)
                  .empty());
  // All in one document: only the findings allowed inside one article stay,
  // and are marked.
  for (uint32_t& d : c.document_of) d = 0;
  CompareOptions options;
  for (const Finding& f :
       FindAllDisagreements(c.statements, c.documents, c.document_of, c.pairs,
                            c.event_of, options)) {
    EXPECT_TRUE(f.same_document());
    EXPECT_NE(f.kind(), Finding::DATE_MISMATCH);
  }
  options.skip_same_document = true;
  EXPECT_TRUE(FindAllDisagreements(c.statements, c.documents, c.document_of,
                                   c.pairs, c.event_of, options)
                  .empty());
}

TEST(FindAllDisagreements, EmptyInput) {
  EXPECT_TRUE(FindAllDisagreements({}, {}, {}, {}, {}, CompareOptions()).empty());
}

}  // namespace
}  // namespace factdiff
