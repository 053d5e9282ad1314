// Reads sentences, one per line, on stdin and writes, for each, one line of
// JSON: a list of the quantities QuantityExtractor finds in it. Throughput of
// the extraction alone (normalization and splitting excluded) goes to
// stderr. Used by newsquant.py.
//
//   bazel run //tests/benchmarks:newsquant < sentences.txt > quantities.jsonl
#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "core/quantity/quantity_extractor.h"
#include "core/text/normalize.h"
#include "core/text/segment.h"
#include "proto/extraction.pb.h"

namespace factdiff {
namespace {

std::string JsonString(absl::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          absl::StrAppendFormat(&out, "\\u%04x", c);
        } else {
          out.push_back(c);
        }
    }
  }
  out += "\"";
  return out;
}

std::string ToJson(const v1::Quantity& q) {
  return absl::StrFormat(
      "{\"text\":%s,\"low\":%.17g,\"high\":%.17g,\"value\":%.17g,"
      "\"bound\":\"%s\",\"trend\":\"%s\",\"unit\":%s,\"measure\":\"%s\","
      "\"measure_word\":%s,\"subject\":%s}",
      JsonString(q.text()), q.low(), q.high(), q.value(),
      v1::Quantity::Bound_Name(q.bound()), v1::Quantity::Trend_Name(q.trend()),
      JsonString(q.unit()), v1::Quantity::Measure_Name(q.measure()),
      JsonString(q.measure_word()), JsonString(q.subject()));
}

int Main() {
  QuantityExtractor extractor;
  std::string line;
  double seconds = 0;
  size_t bytes = 0;
  while (std::getline(std::cin, line)) {
    const NormalizedText norm = Normalize(line);
    const std::vector<SentenceRange> sentences = SplitSentences(norm.text);
    std::vector<v1::Quantity> found;
    const auto start = std::chrono::steady_clock::now();
    // The NewsQuant sentences are each one sentence; the splitter may still
    // cut some, so every piece is read.
    for (int rep = 0; rep < 20; ++rep) {
      found.clear();
      for (const SentenceRange& s : sentences) {
        for (v1::Quantity& q : extractor.Extract(norm, s)) {
          found.push_back(std::move(q));
        }
      }
    }
    seconds += std::chrono::duration<double>(
                   std::chrono::steady_clock::now() - start)
                   .count();
    bytes += 20 * line.size();
    std::string out = "[";
    for (size_t i = 0; i < found.size(); ++i) {
      if (i > 0) out += ",";
      out += ToJson(found[i]);
    }
    out += "]\n";
    std::cout << out;
  }
  std::cerr << absl::StrFormat(
      "extraction: %zu bytes in %.3f s = %.1f MB/s\n", bytes, seconds,
      seconds > 0 ? bytes / seconds / 1e6 : 0.0);
  return 0;
}

}  // namespace
}  // namespace factdiff

int main() { return factdiff::Main(); }
