// Test-only builders for the finders of core/compare: documents whose text
// is the concatenation of their sentences, and statements, frames, stances,
// causal links and times whose spans are found by surface text, so that
// every span satisfies text.substr(begin, end - begin) == surface.
//
//   TestCorpus c;
//   uint32_t s = c.Add(c.Doc("Daily A", "2026-03-14"),
//                      "The Northern Front claimed the bombing.");
//   int f = c.Frame(s, "bombing", "bombing");
//   c.FrameStance(s, f, "The Northern Front", "claimed",
//                 v1::Attribution::CLAIMS_RESPONSIBILITY);
#ifndef FACTDIFF_CORE_COMPARE_TEST_UTIL_H_
#define FACTDIFF_CORE_COMPARE_TEST_UTIL_H_

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "core/align/aligner.h"
#include "gtest/gtest.h"
#include "proto/document.pb.h"
#include "proto/extraction.pb.h"
#include "proto/report.pb.h"

namespace factdiff {
namespace testing_util {

class TestCorpus {
 public:
  std::vector<v1::Document> documents;
  std::vector<v1::Statement> statements;
  std::vector<uint32_t> document_of;
  std::vector<AlignedPair> pairs;
  std::vector<std::string> event_of;

  // A new document "d<k>" with outlet `source` and publication `published`.
  uint32_t Doc(const std::string& source, const std::string& published) {
    v1::Document d;
    d.set_id("d" + std::to_string(documents.size()));
    d.set_source(source);
    d.set_published(published);
    documents.push_back(d);
    return documents.size() - 1;
  }

  // Appends sentence `text` to document `doc` as a new statement of event
  // `event`.
  uint32_t Add(uint32_t doc, const std::string& text,
               const std::string& event = "e1") {
    v1::Document& d = documents[doc];
    if (!d.text().empty()) d.mutable_text()->append(" ");
    const uint32_t begin = d.text().size();
    d.mutable_text()->append(text);
    uint32_t index = 0;
    for (uint32_t i = 0; i < statements.size(); ++i) {
      if (document_of[i] == doc) ++index;
    }
    v1::Statement s;
    s.set_id(d.id() + "#" + std::to_string(index));
    s.set_document_id(d.id());
    s.set_text(text);
    s.mutable_span()->set_begin(begin);
    s.mutable_span()->set_end(begin + text.size());
    s.set_index(index);
    s.set_line(1);
    statements.push_back(s);
    document_of.push_back(doc);
    event_of.push_back(event);
    return statements.size() - 1;
  }

  // The span of the first `surface` in statement `s` (fails the test when
  // absent).
  v1::Span SpanOf(uint32_t s, const std::string& surface) {
    const v1::Statement& st = statements[s];
    const size_t at = st.text().find(surface);
    EXPECT_NE(at, std::string::npos) << surface << " in " << st.text();
    v1::Span span;
    span.set_begin(st.span().begin() + (at == std::string::npos ? 0 : at));
    span.set_end(span.begin() + surface.size());
    return span;
  }

  int Frame(uint32_t s, const std::string& type, const std::string& trigger,
            const std::vector<std::string>& agents = {},
            const std::vector<std::string>& targets = {},
            const std::vector<std::string>& locations = {}) {
    v1::EventFrame* f = statements[s].add_frames();
    f->set_type(type);
    *f->mutable_trigger() = SpanOf(s, trigger);
    for (const auto& a : agents) f->add_agents(a);
    for (const auto& t : targets) f->add_targets(t);
    for (const auto& l : locations) f->add_locations(l);
    return statements[s].frames_size() - 1;
  }

  // An attribution whose span runs from the source (or the cue) to the end
  // of the sentence, and whose content follows the cue.
  // With `content` given, the content is its first occurrence and the span
  // covers source, cue and content.
  v1::Attribution Stance(uint32_t s, const std::string& source,
                         const std::string& cue, v1::Attribution::Stance stance,
                         const std::string& normalized = "",
                         const std::string& content = "") {
    v1::Attribution a;
    a.set_source(source);
    a.set_source_normalized(normalized.empty() ? Lower(source) : normalized);
    a.set_cue(cue);
    a.set_stance(stance);
    *a.mutable_cue_span() = SpanOf(s, cue);
    if (!source.empty()) *a.mutable_source_span() = SpanOf(s, source);
    const v1::Statement& st = statements[s];
    v1::Span span;
    span.set_begin(source.empty() ? a.cue_span().begin()
                                  : std::min(a.cue_span().begin(),
                                             a.source_span().begin()));
    span.set_end(st.span().end());
    *a.mutable_span() = span;
    a.mutable_content()->set_begin(a.cue_span().end());
    a.mutable_content()->set_end(st.span().end());
    if (!content.empty()) {
      *a.mutable_content() = SpanOf(s, content);
      a.mutable_span()->set_begin(
          std::min(a.span().begin(), a.content().begin()));
      a.mutable_span()->set_end(
          std::max({a.cue_span().end(), a.content().end(),
                    source.empty() ? 0u : a.source_span().end()}));
    }
    return a;
  }

  // A quantity for `surface` with value [low, high].
  void Quantity(uint32_t s, const std::string& surface, double low, double high,
                v1::Quantity::Measure measure, const std::string& subject,
                v1::Quantity::Bound bound = v1::Quantity::EXACT) {
    v1::Quantity* q = statements[s].add_quantities();
    *q->mutable_span() = SpanOf(s, surface);
    q->set_text(surface);
    q->set_low(low);
    q->set_high(high);
    q->set_value(low);
    q->set_bound(bound);
    q->set_measure(measure);
    q->set_subject(subject);
  }

  void FrameStance(uint32_t s, int frame, const std::string& source,
                   const std::string& cue, v1::Attribution::Stance stance,
                   const std::string& normalized = "") {
    *statements[s].mutable_frames(frame)->add_stances() =
        Stance(s, source, cue, stance, normalized);
  }

  void StatementStance(uint32_t s, const std::string& source,
                       const std::string& cue, v1::Attribution::Stance stance,
                       const std::string& normalized = "",
                       const std::string& content = "") {
    *statements[s].add_attributions() =
        Stance(s, source, cue, stance, normalized, content);
  }

  void Cause(uint32_t s, int frame, v1::CausalLink::Relation relation,
             const std::string& cue, const std::string& antecedent,
             const std::string& initiator) {
    v1::CausalLink* l = statements[s].mutable_frames(frame)->add_causes();
    l->set_relation(relation);
    l->set_cue(cue);
    *l->mutable_cue_span() = SpanOf(s, cue);
    l->set_antecedent(antecedent);
    if (!antecedent.empty()) *l->mutable_antecedent_span() = SpanOf(s, antecedent);
    l->set_initiator(initiator);
  }

  // A resolved DAY time for `surface`, linked to `frame` when frame >= 0.
  int Time(uint32_t s, int frame, const std::string& surface,
           const std::string& start, const std::string& end = "",
           bool relative = false) {
    v1::TimeExpression* t = statements[s].add_times();
    *t->mutable_span() = SpanOf(s, surface);
    t->set_text(surface);
    t->set_start(start);
    t->set_end(end.empty() ? start : end);
    t->set_granularity(v1::TimeExpression::DAY);
    t->set_relative(relative);
    const int index = statements[s].times_size() - 1;
    if (frame >= 0) statements[s].mutable_frames(frame)->add_time_indexes(index);
    return index;
  }

  void Link(uint32_t a, uint32_t b, float similarity) {
    pairs.push_back({std::min(a, b), std::max(a, b), similarity});
  }

  // Every claim's span and text agree with its document.
  void ExpectSpansValid(const std::vector<v1::Finding>& findings) const {
    for (const v1::Finding& f : findings) {
      for (const v1::Claim& c : f.claims()) {
        const v1::Document* d = nullptr;
        for (const auto& x : documents) {
          if (x.id() == c.document_id()) d = &x;
        }
        ASSERT_NE(d, nullptr);
        EXPECT_EQ(d->text().substr(c.span().begin(),
                                   c.span().end() - c.span().begin()),
                  c.text());
        if (c.has_time()) {
          EXPECT_EQ(d->text().substr(c.time().span().begin(),
                                     c.time().span().end() -
                                         c.time().span().begin()),
                    c.time().text());
        }
        if (!c.attribution().cue().empty()) {
          EXPECT_EQ(d->text().substr(c.attribution().cue_span().begin(),
                                     c.attribution().cue_span().end() -
                                         c.attribution().cue_span().begin()),
                    c.attribution().cue());
        }
      }
    }
  }

 private:
  static std::string Lower(std::string s) {
    for (char& c : s) c = std::tolower(static_cast<unsigned char>(c));
    return s;
  }
};

}  // namespace testing_util
}  // namespace factdiff

#endif  // FACTDIFF_CORE_COMPARE_TEST_UTIL_H_
