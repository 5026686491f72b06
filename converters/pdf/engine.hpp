// The paged-media engines the pdf writer drives: which program, which
// arguments, what its messages mean. WeasyPrint is the default; Chromium
// (headless print-to-PDF) is the alternative.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "galley/diagnostics.hpp"

namespace galley::pdf {

enum class EngineKind { WeasyPrint, Chromium };

struct Engine {
  EngineKind kind = EngineKind::WeasyPrint;
  std::string name;  // "weasyprint", "chromium": for messages
  std::string path;  // absolute path of the program
};

// `requested`: "" or "weasyprint", "chromium", or a program's path (its file
// name tells the kind: weasyprint..., chrom...). A bare name is looked up on
// PATH. Throws UsageError "galley.pdf.engine-unknown" for another program,
// OutputError "galley.pdf.engine-missing" (naming the Debian package) when it
// is not installed.
Engine find_engine(const std::string& requested);

// What one run needs: the files inside the private folder `dir`.
struct EngineJob {
  std::string dir;         // the run's private folder (absolute)
  std::string html;        // the print HTML, inside dir
  std::string pdf;         // where the engine writes, inside dir
  std::string profile;     // Chromium's throwaway profile folder, inside dir
  std::string variant;     // "" or a WeasyPrint --pdf-variant value
  std::string identifier;  // the PDF's file identifier (hex), stable for the same input
  std::vector<std::string> attachments;  // files inside dir
  std::vector<std::string> extra;        // --pdf-engine-opt, after galley's own arguments
};
std::vector<std::string> engine_argv(const Engine& e, const EngineJob& job);

// The engine's output turned into galley messages: its warnings and errors
// become warnings of kind "pdf-engine", the rest (progress, noise from a
// missing desktop session) informational messages, and so are WeasyPrint's
// "Ignored `property: value`" about declarations of galley's own stylesheet
// `galley_css` (properties it keeps for other engines).
void report_engine_output(const Engine& e, const std::string& output, std::string_view galley_css, Diagnostics& diag);
// The last lines of the output, for an error message.
std::string output_tail(const std::string& output, std::size_t lines = 6);

}  // namespace galley::pdf
