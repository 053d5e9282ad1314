#include "core/pipeline/pipeline.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "core/align/dense_aligner.h"
#include "core/align/statement_aligner.h"
#include "core/attribution/attribution_extractor.h"
#include "core/base/status_macros.h"
#include "core/compare/compare.h"
#include "core/event/event_extractor.h"
#include "core/embed/tfidf.h"
#include "core/ingest/ingest.h"
#include "core/quantity/quantity_extractor.h"
#include "core/text/normalize.h"
#include "core/text/segment.h"
#include "core/time/time_extractor.h"

namespace factdiff {
namespace {

constexpr double kDefaultMinSimilarity = 0.15;
constexpr uint32_t kDefaultTopK = 8;
constexpr double kDefaultMinConfidence = 0.5;
constexpr uint64_t kDefaultMaxDocumentBytes = 4u << 20;

const QuantityExtractor& Quantities() {
  static const auto* const kExtractor = new QuantityExtractor();
  return *kExtractor;
}

const AttributionExtractor& Attributions() {
  static const auto* const kExtractor = new AttributionExtractor();
  return *kExtractor;
}

const EventExtractor& Events() {
  static const auto* const kExtractor = new EventExtractor();
  return *kExtractor;
}

const TimeExtractor& Times() {
  static const auto* const kExtractor = new TimeExtractor();
  return *kExtractor;
}

}  // namespace

absl::Status ValidateDocuments(const std::vector<v1::Document>& documents,
                               const v1::Config& config) {
  if (documents.empty()) {
    return absl::InvalidArgumentError("no documents to analyze");
  }
  IngestOptions options;
  options.max_bytes = config.max_document_bytes();
  absl::flat_hash_map<std::string, const v1::Document*> ids;
  for (const v1::Document& d : documents) {
    FACTDIFF_RETURN_IF_ERROR(ValidateDocument(d, options));
    auto [it, inserted] = ids.try_emplace(d.id(), &d);
    if (!inserted) {
      return absl::InvalidArgumentError(absl::StrCat(
          "two documents have the id \"", d.id(), "\"",
          it->second->path().empty() && d.path().empty()
              ? ""
              : absl::StrCat(" (", it->second->path(), " and ", d.path(), ")"),
          "; ids are file stems and must be unique"));
    }
  }
  return absl::OkStatus();
}

std::vector<v1::Statement> ExtractStatements(const v1::Document& doc) {
  const NormalizedText norm = Normalize(doc.text());
  const absl::optional<absl::CivilDay> published =
      ParsePublishedDay(doc.published());
  std::vector<v1::Statement> out;
  uint32_t line = 1;
  uint32_t line_counted_to = 0;
  const std::string& text = doc.text();
  const std::vector<SentenceRange> sentences = SplitSentences(norm.text);
  // Attributions are found over the whole document (quotes run across
  // sentences, "he" refers back) and go to the sentence holding their cue.
  std::vector<v1::Attribution> attributions =
      Attributions().Extract(norm.text, sentences);
  size_t next_attribution = 0;
  auto to_original = [&norm](v1::Span* span) {
    if (span->end() <= span->begin() && span->begin() == 0) return;
    uint32_t b, e;
    norm.ToOriginal(span->begin(), span->end(), &b, &e);
    span->set_begin(b);
    span->set_end(e);
  };
  for (const SentenceRange& r : sentences) {
    uint32_t begin, end;
    norm.ToOriginal(r.begin, r.end, &begin, &end);
    for (; line_counted_to < begin; ++line_counted_to) {
      if (text[line_counted_to] == '\n') ++line;
    }
    v1::Statement s;
    s.set_index(out.size());
    s.set_id(absl::StrCat(doc.id(), "#", s.index()));
    s.set_document_id(doc.id());
    s.mutable_span()->set_begin(begin);
    s.mutable_span()->set_end(end);
    s.set_text(text.substr(begin, end - begin));
    s.set_line(line);
    // Extractors read the normalized text; the surface each item reports is
    // the original text under its span, which is the invariant of Span.
    auto surface = [&text](const v1::Span& span) {
      return text.substr(span.begin(), span.end() - span.begin());
    };
    for (v1::Quantity& q : Quantities().Extract(norm, r)) {
      q.set_text(surface(q.span()));
      *s.add_quantities() = std::move(q);
    }
    for (v1::TimeExpression& t : Times().Extract(norm, r, published)) {
      t.set_text(surface(t.span()));
      *s.add_times() = std::move(t);
    }
    {
      const std::vector<v1::TimeExpression> times(s.times().begin(),
                                                  s.times().end());
      for (v1::EventFrame& f : Events().Extract(norm, r, times)) {
        RestoreSurfaces(text, &f);
        *s.add_frames() = std::move(f);
      }
    }
    for (; next_attribution < attributions.size() &&
           attributions[next_attribution].cue_span().begin() < r.end;
         ++next_attribution) {
      v1::Attribution a = std::move(attributions[next_attribution]);
      if (a.cue_span().begin() < r.begin) continue;  // between sentences
      to_original(a.mutable_span());
      to_original(a.mutable_cue_span());
      to_original(a.mutable_content());
      if (a.has_source_span() && a.source_span().end() > a.source_span().begin()) {
        to_original(a.mutable_source_span());
        a.set_source(surface(a.source_span()));
      }
      a.set_cue(surface(a.cue_span()));
      *s.add_attributions() = std::move(a);
    }
    out.push_back(std::move(s));
  }
  return out;
}

namespace {

// A label for an event a person understands: its dates when the statements
// give them, the kinds of event and places its frames name, then the content
// words most of its statements share ("2025-10-12: clash, Kurram / soldier /
// killed").
std::string EventLabel(const std::vector<uint32_t>& members,
                       const std::vector<v1::Statement>& statements) {
  std::string first, last;
  std::map<std::string, int> frames;  // types and places, by statements
  std::map<std::string, int> terms;   // content terms, by statements
  for (uint32_t m : members) {
    const v1::Statement& s = statements[m];
    for (const auto& t : s.times()) {
      if (t.start().empty() || t.granularity() == v1::TimeExpression::DURATION)
        continue;
      if (first.empty() || t.start() < first) first = t.start();
      if (last.empty() || t.end() > last) last = t.end();
    }
    std::set<std::string> seen;
    for (const auto& f : s.frames()) {
      if (!f.type().empty()) seen.insert(f.type());
      for (const auto& l : f.locations()) seen.insert(l);
    }
    for (const auto& w : seen) ++frames[w];
    std::vector<std::string> words = ContentTerms(s.text());
    for (const auto& w : std::set<std::string>(words.begin(), words.end())) {
      ++terms[w];
    }
  }
  auto top = [](const std::map<std::string, int>& counts, size_t n,
                const std::set<std::string>& skip) {
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto& [w, c] : counts) {
      if (!skip.count(absl::AsciiStrToLower(w))) ranked.emplace_back(-c, w);
    }
    std::sort(ranked.begin(), ranked.end());
    std::vector<std::string> out;
    for (size_t i = 0; i < ranked.size() && out.size() < n; ++i) {
      out.push_back(ranked[i].second);
    }
    return out;
  };
  const std::vector<std::string> kinds = top(frames, 2, {});
  std::set<std::string> used;
  for (const auto& k : kinds) {
    for (absl::string_view w : absl::StrSplit(k, ' ')) {
      used.insert(absl::AsciiStrToLower(w));
    }
  }
  std::vector<std::string> parts;
  if (!kinds.empty()) parts.push_back(absl::StrJoin(kinds, ", "));
  for (const auto& w : top(terms, kinds.empty() ? 3 : 2, used)) parts.push_back(w);
  std::string label = absl::StrJoin(parts, " / ");
  if (!first.empty()) {
    label = absl::StrCat(first, last != first ? absl::StrCat("..", last) : "",
                         ": ", label);
  }
  return label;
}

int SeverityRank(const v1::Finding& f) { return static_cast<int>(f.severity()); }

}  // namespace

absl::StatusOr<v1::Config> WithDefaults(const v1::Config& config) {
  v1::Config c = config;
  if (c.min_similarity() < 0 || c.min_similarity() > 1) {
    return absl::InvalidArgumentError("min_similarity must be in [0, 1]");
  }
  if (c.min_confidence() < 0 || c.min_confidence() > 1) {
    return absl::InvalidArgumentError("min_confidence must be in [0, 1]");
  }
  if (c.min_similarity() == 0) c.set_min_similarity(kDefaultMinSimilarity);
  if (c.top_k() == 0) c.set_top_k(kDefaultTopK);
  if (c.min_confidence() == 0) c.set_min_confidence(kDefaultMinConfidence);
  if (c.max_document_bytes() == 0) {
    c.set_max_document_bytes(kDefaultMaxDocumentBytes);
  }
  return c;
}

absl::StatusOr<std::vector<v1::DocumentExtraction>> Extract(
    const std::vector<v1::Document>& documents, const v1::Config& config) {
  FACTDIFF_ASSIGN_OR_RETURN(v1::Config c, WithDefaults(config));
  FACTDIFF_RETURN_IF_ERROR(ValidateDocuments(documents, c));
  std::vector<v1::DocumentExtraction> out;
  for (const v1::Document& d : documents) {
    v1::DocumentExtraction e;
    *e.mutable_document() = d;
    e.mutable_document()->clear_text();
    for (v1::Statement& s : ExtractStatements(d)) {
      *e.add_statements() = std::move(s);
    }
    out.push_back(std::move(e));
  }
  return out;
}

absl::StatusOr<v1::Report> Analyze(const std::vector<v1::Document>& documents,
                                   const v1::Config& config) {
  FACTDIFF_ASSIGN_OR_RETURN(v1::Config c, WithDefaults(config));
  FACTDIFF_RETURN_IF_ERROR(ValidateDocuments(documents, c));
  std::vector<std::vector<v1::Statement>> extracted;
  extracted.reserve(documents.size());
  for (const v1::Document& d : documents) {
    extracted.push_back(ExtractStatements(d));
  }
  return AnalyzeStatements(documents, std::move(extracted), c);
}

absl::StatusOr<v1::Report> AnalyzeStatements(
    const std::vector<v1::Document>& documents,
    std::vector<std::vector<v1::Statement>> extracted, const v1::Config& c,
    const std::vector<bool>& focus) {
  if (extracted.size() != documents.size() ||
      (!focus.empty() && focus.size() != documents.size())) {
    return absl::InvalidArgumentError(
        "AnalyzeStatements: one statement list and focus flag per document");
  }
  std::vector<v1::Statement> statements;
  std::vector<uint32_t> document_of;
  for (uint32_t d = 0; d < documents.size(); ++d) {
    for (v1::Statement& s : extracted[d]) {
      statements.push_back(std::move(s));
      document_of.push_back(d);
    }
  }
  extracted.clear();
  auto focused_statement = [&](uint32_t m) {
    return focus.empty() || focus[document_of[m]];
  };

  FACTDIFF_ASSIGN_OR_RETURN(
      const DenseAlignment alignment,
      AlignStatements(statements, document_of, documents, c));
  std::vector<AlignedPair> pairs;
  pairs.reserve(alignment.pairs.size());
  for (const DenseLink& l : alignment.pairs) {
    pairs.push_back({l.a, l.b, l.similarity});
  }

  // Provisional event ids: one per cluster.
  std::vector<std::string> event_of(statements.size());
  for (size_t k = 0; k < alignment.clusters.size(); ++k) {
    for (uint32_t m : alignment.clusters[k]) event_of[m] = absl::StrCat("c", k);
  }
  CompareOptions compare_options;
  compare_options.min_confidence = c.min_confidence();
  compare_options.skip_same_document = c.skip_same_document();
  std::vector<v1::Finding> findings = FindAllDisagreements(
      statements, documents, document_of, pairs, event_of, compare_options);
  if (!focus.empty()) {
    absl::flat_hash_set<std::string> focused_ids;
    for (uint32_t d = 0; d < documents.size(); ++d) {
      if (focus[d]) focused_ids.insert(documents[d].id());
    }
    findings.erase(
        std::remove_if(findings.begin(), findings.end(),
                       [&](const v1::Finding& f) {
                         for (const v1::Claim& claim : f.claims()) {
                           if (focused_ids.contains(claim.document_id())) {
                             return false;
                           }
                         }
                         return true;
                       }),
        findings.end());
  }

  // Keep the events that span two documents or hold a finding; number them.
  absl::flat_hash_set<std::string> with_findings;
  for (const v1::Finding& f : findings) with_findings.insert(f.event_id());
  absl::flat_hash_map<std::string, std::string> event_id;
  // The links of each cluster, gathered in one pass over the pairs.
  std::vector<std::vector<const DenseLink*>> pairs_of_cluster(
      alignment.clusters.size());
  {
    absl::flat_hash_map<uint32_t, size_t> cluster_of;
    for (size_t k = 0; k < alignment.clusters.size(); ++k) {
      for (uint32_t m : alignment.clusters[k]) cluster_of[m] = k;
    }
    for (const DenseLink& p : alignment.pairs) {
      pairs_of_cluster[cluster_of.at(p.a)].push_back(&p);
    }
  }
  v1::Report report;
  std::set<uint32_t> reported_statements;
  for (size_t k = 0; k < alignment.clusters.size(); ++k) {
    const std::vector<uint32_t>& members = alignment.clusters[k];
    std::set<uint32_t> docs;
    bool focused = false;
    for (uint32_t m : members) {
      docs.insert(document_of[m]);
      focused = focused || focused_statement(m);
    }
    const std::string provisional = absl::StrCat("c", k);
    if (!with_findings.contains(provisional) && (docs.size() < 2 || !focused)) {
      continue;
    }
    v1::Event* e = report.add_events();
    e->set_id(absl::StrCat("e", report.events_size()));
    event_id[provisional] = e->id();
    e->set_label(EventLabel(members, statements));
    for (uint32_t m : members) {
      e->add_statement_ids(statements[m].id());
      reported_statements.insert(m);
    }
    for (const DenseLink* p : pairs_of_cluster[k]) {
      v1::Link* link = e->add_links();
      link->set_statement_a(statements[p->a].id());
      link->set_statement_b(statements[p->b].id());
      link->set_similarity(std::round(p->similarity * 1000) / 1000);
      for (const std::string& r : p->reasons) link->add_reasons(r);
    }
  }
  for (v1::Finding& f : findings) {
    auto it = event_id.find(f.event_id());
    f.set_event_id(it == event_id.end() ? "" : it->second);
  }

  std::stable_sort(findings.begin(), findings.end(),
                   [](const v1::Finding& a, const v1::Finding& b) {
                     if (SeverityRank(a) != SeverityRank(b)) {
                       return SeverityRank(a) > SeverityRank(b);
                     }
                     return a.confidence() > b.confidence();
                   });
  for (size_t i = 0; i < findings.size(); ++i) {
    findings[i].set_id(absl::StrCat("f", i + 1));
    *report.add_findings() = std::move(findings[i]);
  }

  uint32_t quantities = 0;
  for (const v1::Statement& s : statements) quantities += s.quantities_size();
  for (uint32_t m : reported_statements) *report.add_statements() = statements[m];
  for (const v1::Document& d : documents) {
    v1::Document* meta = report.add_documents();
    *meta = d;
    meta->clear_text();
    meta->clear_estimated_published();
    meta->clear_date_ambiguous();
  }
  for (const EstimatedDate& e : alignment.estimated_dates) {
    if (e.document >= documents.size()) continue;
    if (e.ambiguous) {
      report.mutable_documents(e.document)->set_date_ambiguous(true);
      continue;
    }
    report.mutable_documents(e.document)
        ->set_estimated_published(absl::StrCat(
            absl::FormatCivilTime(FromEpochDay(e.window.first)), "..",
            absl::FormatCivilTime(FromEpochDay(e.window.last))));
  }
  *report.mutable_config() = c;
  FillAlignDefaults(report.mutable_config());
  v1::RunStats* stats = report.mutable_stats();
  stats->set_documents(documents.size());
  stats->set_statements(statements.size());
  stats->set_quantities(quantities);
  stats->set_candidate_pairs(alignment.candidate_pairs);
  stats->set_events(report.events_size());
  stats->set_findings(report.findings_size());
  return report;
}

}  // namespace factdiff
