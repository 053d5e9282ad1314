// Reads a list of article files (one path per line on stdin) and writes, for
// each, one line of JSON with the attributions AttributionExtractor finds:
// source, cue and content as CHARACTER (code point) offsets into the file as
// read, the offsets PolNeAR's BRAT files use. Extraction throughput
// (normalization and splitting excluded) goes to stderr. Used by polnear.py.
//
//   ls text/*.txt | bazel-bin/tests/benchmarks/polnear/polnear_main > out.jsonl
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "core/attribution/attribution_extractor.h"
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
  return out + "\"";
}

// char_of[b] = number of code points before byte b of `s`.
std::vector<uint32_t> CharOffsets(absl::string_view s) {
  std::vector<uint32_t> out(s.size() + 1);
  uint32_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    out[i] = n;
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  }
  // Continuation bytes were given the count after their lead; fix them to
  // the lead's offset so that a span never starts mid-character.
  n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out[i] = n++;
    else out[i] = n;
  }
  out[s.size()] = n;
  return out;
}

int Main() {
  AttributionExtractor extractor;
  std::string path;
  double seconds = 0;
  size_t bytes = 0;
  while (std::getline(std::cin, path)) {
    if (path.empty()) continue;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "cannot read " << path << "\n";
      return 2;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string original = buffer.str();
    const NormalizedText norm = Normalize(original);
    const std::vector<SentenceRange> sentences = SplitSentences(norm.text);
    const auto start = std::chrono::steady_clock::now();
    const std::vector<v1::Attribution> found =
        extractor.Extract(norm.text, sentences);
    seconds += std::chrono::duration<double>(
                   std::chrono::steady_clock::now() - start)
                   .count();
    bytes += norm.text.size();
    const std::vector<uint32_t> chars = CharOffsets(original);
    auto span = [&](const v1::Span& s) {
      uint32_t b, e;
      norm.ToOriginal(s.begin(), s.end(), &b, &e);
      return absl::StrFormat("[%d,%d]", chars[b], chars[e]);
    };
    std::string out = absl::StrCat("{\"file\":", JsonString(path),
                                   ",\"attributions\":[");
    for (size_t i = 0; i < found.size(); ++i) {
      const v1::Attribution& a = found[i];
      if (i > 0) out += ",";
      absl::StrAppend(
          &out, "{\"cue\":", span(a.cue_span()),
          ",\"source\":", a.has_source_span() ? span(a.source_span()) : "null",
          ",\"content\":", a.has_content() ? span(a.content()) : "null",
          ",\"stance\":\"", v1::Attribution::Stance_Name(a.stance()),
          "\",\"source_normalized\":", JsonString(a.source_normalized()),
          ",\"anonymous\":", a.anonymous() ? "true" : "false", "}");
    }
    std::cout << out << "]}\n";
  }
  std::cerr << absl::StrFormat("extraction: %.1f MB/s (%zu bytes)\n",
                               seconds > 0 ? bytes / seconds / 1e6 : 0.0,
                               bytes);
  return 0;
}

}  // namespace
}  // namespace factdiff

int main() { return factdiff::Main(); }
