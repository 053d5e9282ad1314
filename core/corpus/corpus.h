// A stored corpus of articles, and new articles checked against it: what
// `factdiff add`, `factdiff check` and the gRPC AddDocuments/Check do.
//
//   FACTDIFF_ASSIGN_OR_RETURN(std::unique_ptr<CorpusStore> store,
//                             CorpusStore::Open("newsroom.db", {}));
//   FACTDIFF_ASSIGN_OR_RETURN(AddSummary added,
//                             AddToCorpus(*store, published, config));
//   FACTDIFF_ASSIGN_OR_RETURN(v1::Report report,
//                             CheckAgainstCorpus(*store, drafts, config));
//
// The store keeps each article's text and metadata, its extracted
// statements, and one vector per statement in the space of a stored
// embedding model (tfidf-svd), so a check extracts and embeds only the new
// articles. The model is fitted on the stored statements at the first add
// and refitted (all stored vectors recomputed, in the same transaction) when
// the number of stored statements has grown by half since the last fit.
#ifndef FACTDIFF_CORE_CORPUS_CORPUS_H_
#define FACTDIFF_CORE_CORPUS_CORPUS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "core/store/corpus_store.h"
#include "proto/config.pb.h"
#include "proto/document.pb.h"
#include "proto/report.pb.h"

namespace factdiff {

struct AddSummary {
  // Ids new to the store, in input order.
  std::vector<std::string> added;
  // Ids whose stored text or metadata changed (the change is recorded in the
  // store's history).
  std::vector<std::string> updated;
  // Ids stored before with the same text and metadata: nothing was written.
  std::vector<std::string> unchanged;
  // True when this add (re)fitted the embedding model.
  bool refitted = false;
};

// Validates `documents` (as Analyze does: empty, non-UTF-8, too large, bad
// `published`, duplicate ids are InvalidArgument naming the document), then
// extracts, embeds and writes them in one transaction: on any error nothing
// is written. Other writers wait for the transaction (the store's busy
// timeout). The embedder must be tfidf-svd (or unset); "client" needs every
// statement of every stored and new document to carry a vector of one
// dimension. `config` zeros mean defaults.
absl::StatusOr<AddSummary> AddToCorpus(CorpusStore& store,
                                       const std::vector<v1::Document>& documents,
                                       const v1::Config& config);

// Compares `documents` (new articles, not stored) with each other and with
// every stored article, and returns the findings that involve at least one
// new article, and the events that hold one of their statements. A new
// article with the id of a stored one replaces it for this check (an edited
// version). Writes nothing. An empty store is not an error: the new articles
// are compared with each other only. Same validation as AddToCorpus().
// When `cited` is not null it receives the documents, with their text, that
// the report's events and findings cite (new and stored), for renderers that
// show full texts (HTML) or file positions (SARIF).
absl::StatusOr<v1::Report> CheckAgainstCorpus(
    CorpusStore& store, const std::vector<v1::Document>& documents,
    const v1::Config& config, std::vector<v1::Document>* cited = nullptr);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_CORPUS_CORPUS_H_
