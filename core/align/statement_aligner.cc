#include "core/align/statement_aligner.h"

#include <utility>

#include "core/base/status_macros.h"
#include "core/embed/embedder_factory.h"
#include "core/text/normalize.h"
#include "core/text/segment.h"
#include "core/time/time_extractor.h"

namespace factdiff {

absl::StatusOr<DenseAlignment> AlignStatements(
    const std::vector<v1::Statement>& statements,
    const std::vector<uint32_t>& document_of,
    const std::vector<v1::Document>& documents, const v1::Config& config) {
  std::vector<const v1::Statement*> pointers;
  pointers.reserve(statements.size());
  for (const v1::Statement& s : statements) pointers.push_back(&s);
  FACTDIFF_ASSIGN_OR_RETURN(
      Eigen::MatrixXf vectors,
      EmbedStatements(pointers, EmbedderOptionsFromConfig(config)));

  std::vector<absl::optional<absl::CivilDay>> published(documents.size());
  for (size_t d = 0; d < documents.size(); ++d) {
    published[d] = ParsePublishedDay(documents[d].published());
  }
  std::vector<StatementFeatures> features;
  features.reserve(statements.size());
  for (size_t i = 0; i < statements.size(); ++i) {
    features.push_back(FeaturesFromStatement(statements[i], document_of[i],
                                             published[document_of[i]]));
  }
  const DenseAlignOptions options = DenseAlignOptionsFromConfig(config);
  AddDocumentContext(&features);
  // For undated articles whose date the aligner estimates: the sentence's
  // own expressions, resolved as if published on `day`.
  const TimeExtractor extractor;
  const TimesAt times_at = [&](size_t row, absl::CivilDay day) {
    google::protobuf::RepeatedPtrField<v1::TimeExpression> times;
    if (statements[row].times().empty()) return times;
    const NormalizedText norm = Normalize(statements[row].text());
    const SentenceRange whole{0, static_cast<uint32_t>(norm.text.size())};
    for (v1::TimeExpression& t : extractor.Extract(norm, whole, day)) {
      *times.Add() = std::move(t);
    }
    return times;
  };
  return AlignDense(vectors, features, options, times_at);
}

}  // namespace factdiff
