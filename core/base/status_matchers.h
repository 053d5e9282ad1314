// GoogleTest matchers for absl::Status and absl::StatusOr<T>, which Debian's
// Abseil does not ship.
//
//   EXPECT_THAT(ParseDocument("x.md", ""), StatusIs(absl::StatusCode::kInvalidArgument));
//   ASSERT_OK(status);
//   ASSERT_OK_AND_ASSIGN(Document doc, ParseDocument("x.md", text));
#ifndef FACTDIFF_CORE_BASE_STATUS_MATCHERS_H_
#define FACTDIFF_CORE_BASE_STATUS_MATCHERS_H_

#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace factdiff {
namespace testing_internal {

inline const absl::Status& GetStatus(const absl::Status& s) { return s; }
template <typename T>
const absl::Status& GetStatus(const absl::StatusOr<T>& s) {
  return s.status();
}

}  // namespace testing_internal

// Matches a Status or StatusOr whose code is `code`.
MATCHER_P(StatusIs, code,
          std::string("has status code ") +
              absl::StatusCodeToString(code)) {
  const absl::Status& s = testing_internal::GetStatus(arg);
  *result_listener << "status is " << s.ToString();
  return s.code() == code;
}

// Matches a Status or StatusOr whose code is `code` and whose message
// contains `substring`.
MATCHER_P2(StatusIsWithMessage, code, substring,
           std::string("has status code ") + absl::StatusCodeToString(code) +
               " and a message containing \"" + std::string(substring) + "\"") {
  const absl::Status& s = testing_internal::GetStatus(arg);
  *result_listener << "status is " << s.ToString();
  return s.code() == code &&
         std::string(s.message()).find(substring) != std::string::npos;
}

// Matches an OK Status or StatusOr.
MATCHER(IsOk, "is OK") {
  const absl::Status& s = testing_internal::GetStatus(arg);
  *result_listener << "status is " << s.ToString();
  return s.ok();
}

}  // namespace factdiff

#define ASSERT_OK(expr) ASSERT_THAT((expr), ::factdiff::IsOk())
#define EXPECT_OK(expr) EXPECT_THAT((expr), ::factdiff::IsOk())

#define FACTDIFF_MATCHERS_CONCAT_INNER_(a, b) a##b
#define FACTDIFF_MATCHERS_CONCAT_(a, b) FACTDIFF_MATCHERS_CONCAT_INNER_(a, b)

// Asserts that `rexpr` is OK and moves its value into `lhs`.
#define ASSERT_OK_AND_ASSIGN(lhs, rexpr)                                    \
  auto FACTDIFF_MATCHERS_CONCAT_(statusor_, __LINE__) = (rexpr);            \
  ASSERT_OK(FACTDIFF_MATCHERS_CONCAT_(statusor_, __LINE__));                \
  lhs = std::move(FACTDIFF_MATCHERS_CONCAT_(statusor_, __LINE__)).value()

#endif  // FACTDIFF_CORE_BASE_STATUS_MATCHERS_H_
