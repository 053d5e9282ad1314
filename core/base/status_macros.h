// Status propagation macros. Debian's Abseil 20220623 ships neither
// ABSL_RETURN_IF_ERROR nor ABSL_ASSIGN_OR_RETURN, so factdiff defines its own.
//
//   absl::Status Load(const std::string& path) {
//     FACTDIFF_RETURN_IF_ERROR(CheckReadable(path));
//     FACTDIFF_ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
//     ...
//   }
#ifndef FACTDIFF_CORE_BASE_STATUS_MACROS_H_
#define FACTDIFF_CORE_BASE_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

// Evaluates `expr` (an absl::Status) once and returns it if it is not OK.
#define FACTDIFF_RETURN_IF_ERROR(expr)                 \
  do {                                                 \
    const absl::Status factdiff_status_ = (expr);      \
    if (!factdiff_status_.ok()) return factdiff_status_; \
  } while (0)

#define FACTDIFF_STATUS_CONCAT_INNER_(a, b) a##b
#define FACTDIFF_STATUS_CONCAT_(a, b) FACTDIFF_STATUS_CONCAT_INNER_(a, b)

// Evaluates `rexpr` (an absl::StatusOr<T>) once; returns its status if it is
// not OK, else moves its value into `lhs`, which may declare a variable:
//   FACTDIFF_ASSIGN_OR_RETURN(auto doc, ParseDocument(bytes));
#define FACTDIFF_ASSIGN_OR_RETURN(lhs, rexpr)                              \
  FACTDIFF_ASSIGN_OR_RETURN_IMPL_(                                         \
      FACTDIFF_STATUS_CONCAT_(factdiff_statusor_, __LINE__), lhs, rexpr)

#define FACTDIFF_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                    \
  if (!statusor.ok()) return statusor.status();               \
  lhs = std::move(statusor).value()

#endif  // FACTDIFF_CORE_BASE_STATUS_MACROS_H_
