#include "core/embed/embedder.h"

#include <cmath>

#include "core/base/status_macros.h"

namespace factdiff {

Embedder::~Embedder() = default;

absl::StatusOr<Eigen::MatrixXf> Embedder::FitEmbed(
    const std::vector<std::string>& sentences) {
  FACTDIFF_RETURN_IF_ERROR(Fit(sentences));
  return Embed(sentences);
}

void NormalizeRows(Eigen::MatrixXf* m, float eps) {
  for (Eigen::Index i = 0; i < m->rows(); ++i) {
    const float norm = m->row(i).norm();
    if (!(norm >= eps) || !std::isfinite(norm)) {
      m->row(i).setZero();
    } else {
      m->row(i) /= norm;
    }
  }
}

}  // namespace factdiff
