// Rendering reports for people and programs: text (a terminal), Markdown (a
// document or a pull-request comment) and JSON (the proto3 JSON mapping).
//
//   FACTDIFF_ASSIGN_OR_RETURN(OutputFormat format, ParseOutputFormat("text"));
//   std::cout << RenderReport(report, format, RenderOptions());
#ifndef FACTDIFF_CORE_REPORT_RENDER_H_
#define FACTDIFF_CORE_REPORT_RENDER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/extraction.pb.h"
#include "proto/report.pb.h"

namespace factdiff {

enum class OutputFormat { kText, kJson, kMarkdown };

// "text", "json" or "markdown" (also "md"); anything else is InvalidArgument
// listing the accepted names.
absl::StatusOr<OutputFormat> ParseOutputFormat(absl::string_view name);

struct RenderOptions {
  // Highlight figures with ANSI colors (text format only). Without color,
  // figures are marked with brackets: "killed [23] soldiers".
  bool color = false;
  // Total width of the text format, in columns. Default 100.
  int width = 100;
};

// The whole report. JSON is protobuf's MessageToJsonString of the Report
// with field names as in the .proto files (document_id, not documentId) and
// every field printed, zeros included, so clients never miss a 0; one
// trailing newline.
std::string RenderReport(const v1::Report& report, OutputFormat format,
                         const RenderOptions& options);

// What `factdiff extract` prints: every sentence that holds something
// (text/Markdown), or the DocumentExtraction messages as a JSON object
// {"documents": [...]} (JSON).
std::string RenderExtractions(
    const std::vector<v1::DocumentExtraction>& extractions,
    OutputFormat format, const RenderOptions& options);

// Lines of at most `width` columns (UTF-8 characters), broken at spaces;
// words longer than the width are cut. Exposed for tests.
std::vector<std::string> WrapText(absl::string_view text, int width);

}  // namespace factdiff

#endif  // FACTDIFF_CORE_REPORT_RENDER_H_
