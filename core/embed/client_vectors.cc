#include "core/embed/client_vectors.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "core/embed/embedder.h"

namespace factdiff {
namespace {

// Shared by both inputs: get(i) returns (pointer, size) of vector i.
template <typename Get>
absl::StatusOr<Eigen::MatrixXf> Build(size_t n, Get get,
                                      const std::vector<std::string>& ids) {
  auto name = [&](size_t i) {
    return i < ids.size() && !ids[i].empty()
               ? absl::StrCat("statement \"", ids[i], "\"")
               : absl::StrCat("statement #", i);
  };
  if (n == 0) return Eigen::MatrixXf(0, 0);
  const size_t dims = get(0).second;
  Eigen::MatrixXf m(static_cast<Eigen::Index>(n),
                    static_cast<Eigen::Index>(dims));
  for (size_t i = 0; i < n; ++i) {
    const auto [data, size] = get(i);
    if (size == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("client embeddings: ", name(i),
                       " has no embedding; every statement needs one (",
                       name(0), " has ", dims, " dims)"));
    }
    if (size != dims) {
      return absl::InvalidArgumentError(
          absl::StrCat("client embeddings: ", name(i), " has ", size,
                       " dims, but ", name(0), " has ", dims));
    }
    for (size_t d = 0; d < dims; ++d) {
      if (!std::isfinite(data[d])) {
        return absl::InvalidArgumentError(
            absl::StrCat("client embeddings: ", name(i),
                         " has a non-finite "
                         "value at index ",
                         d));
      }
      m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(d)) = data[d];
    }
  }
  if (dims == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("client embeddings: ", name(0),
                     " has no embedding; every statement needs one"));
  }
  NormalizeRows(&m);
  return m;
}

}  // namespace

absl::StatusOr<Eigen::MatrixXf> ClientEmbeddingMatrix(
    const std::vector<const v1::Statement*>& statements) {
  std::vector<std::string> ids;
  ids.reserve(statements.size());
  for (const v1::Statement* s : statements) ids.push_back(s->id());
  return Build(
      statements.size(),
      [&](size_t i) {
        const auto& e = statements[i]->embedding();
        return std::make_pair(e.data(), static_cast<size_t>(e.size()));
      },
      ids);
}

absl::StatusOr<Eigen::MatrixXf> ClientEmbeddingMatrix(
    const std::vector<v1::Statement>& statements) {
  std::vector<const v1::Statement*> pointers;
  pointers.reserve(statements.size());
  for (const v1::Statement& s : statements) pointers.push_back(&s);
  return ClientEmbeddingMatrix(pointers);
}

absl::StatusOr<Eigen::MatrixXf> VectorsToMatrix(
    const std::vector<std::vector<float>>& vectors,
    const std::vector<std::string>& ids) {
  return Build(
      vectors.size(),
      [&](size_t i) {
        return std::make_pair(vectors[i].data(), vectors[i].size());
      },
      ids);
}

bool HasClientEmbeddings(const std::vector<const v1::Statement*>& statements) {
  for (const v1::Statement* s : statements) {
    if (s->embedding_size() > 0) return true;
  }
  return false;
}

}  // namespace factdiff
