#include "core/compare/compare.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "core/compare/attribution_conflict.h"
#include "core/compare/causal_order.h"
#include "core/compare/date_mismatch.h"
#include "core/compare/numeric.h"

namespace factdiff {
namespace {

using v1::Finding;

std::string SpanKey(const v1::Span& s) {
  return absl::StrCat(s.begin(), "-", s.end());
}

// What a finding is about: its kind and, per claim in a fixed order, the
// statement and the items cited.
std::string Identity(const Finding& f) {
  std::vector<std::string> claims;
  for (const v1::Claim& c : f.claims()) {
    claims.push_back(absl::StrCat(c.statement_id(), "|",
                                  SpanKey(c.quantity().span()), "|",
                                  SpanKey(c.attribution().span()), "|",
                                  SpanKey(c.attribution().cue_span()), "|",
                                  SpanKey(c.time().span())));
  }
  std::sort(claims.begin(), claims.end());
  std::string key = absl::StrCat(f.kind());
  for (const std::string& c : claims) absl::StrAppend(&key, "#", c);
  return key;
}

}  // namespace

std::vector<Finding> FindAllDisagreements(
    const std::vector<v1::Statement>& statements,
    const std::vector<v1::Document>& documents,
    const std::vector<uint32_t>& document_of,
    const std::vector<AlignedPair>& pairs,
    const std::vector<std::string>& event_of, const CompareOptions& options) {
  std::vector<Finding> all = FindNumericMismatches(
      statements, documents, document_of, pairs, event_of, options);
  for (auto* finder : {&FindAttributionConflicts, &FindCausalOrderConflicts,
                       &FindDateMismatches}) {
    std::vector<Finding> more =
        finder(statements, documents, document_of, pairs, event_of, options);
    for (Finding& f : more) all.push_back(std::move(f));
  }
  std::map<std::string, size_t> kept;  // identity -> index into `out`
  std::vector<Finding> out;
  for (Finding& f : all) {
    const std::string id = Identity(f);
    auto it = kept.find(id);
    if (it == kept.end()) {
      kept[id] = out.size();
      out.push_back(std::move(f));
    } else if (f.confidence() > out[it->second].confidence()) {
      out[it->second] = std::move(f);
    }
  }
  std::sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    const std::string ca = a.claims_size() ? a.claims(0).statement_id() : "";
    const std::string cb = b.claims_size() ? b.claims(0).statement_id() : "";
    return std::make_tuple(-a.confidence(), static_cast<int>(a.kind()),
                           a.event_id(), a.summary(), ca) <
           std::make_tuple(-b.confidence(), static_cast<int>(b.kind()),
                           b.event_id(), b.summary(), cb);
  });
  return out;
}

}  // namespace factdiff
