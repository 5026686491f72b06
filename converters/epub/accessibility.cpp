// schema.org accessibility metadata (EPUB Accessibility 1.1). The conformance
// claim is made only when the facts gathered while writing support it.
#include "epub/internal.hpp"

namespace galley::epub {

bool accessibility_conformant(const Book& book) {
  // Every image has a text alternative; the language is known, not guessed;
  // no raw markup of unknown accessibility; no images we had to drop. Formulas
  // are MathML with alttext (docs/MATH.md), so they no longer stand in the way.
  return book.images_without_alt == 0 && !book.lang_defaulted && !book.has_raw;
}

std::string accessibility_metadata(const Book& book) {
  std::string o;
  auto meta = [&](const std::string& prop, const std::string& value, const std::string& extra = {}) {
    o += "    <meta property=\"" + prop + "\"" + extra + ">" + esc(value) + "</meta>\n";
  };
  const bool visual = book.images > 0 || book.cover.has_value();
  meta("schema:accessMode", "textual");
  if (visual) meta("schema:accessMode", "visual");
  if (!visual || book.images_without_alt == 0) meta("schema:accessModeSufficient", "textual");
  if (visual) meta("schema:accessModeSufficient", "textual,visual");

  meta("schema:accessibilityFeature", "tableOfContents");
  meta("schema:accessibilityFeature", "readingOrder");
  meta("schema:accessibilityFeature", "displayTransformability");
  if (book.has_headers) meta("schema:accessibilityFeature", "structuralNavigation");
  if (book.images > 0 && book.images_without_alt == 0) meta("schema:accessibilityFeature", "alternativeText");
  if (book.has_mathml) meta("schema:accessibilityFeature", "MathML");
  meta("schema:accessibilityHazard", "none");

  std::string summary = "Reflowable text with a table of contents";
  if (book.has_headers) summary += ", headings for structural navigation";
  summary += " and the reading order of the original article.";
  if (book.images > 0) {
    summary += book.images_without_alt == 0 ? " Every image has a text alternative."
                                            : " Some images have no text alternative.";
  }
  if (book.remote_images > 0) summary += " Images that were only available online are replaced by links.";
  if (book.has_notes) summary += " Footnotes are linked in both directions.";
  const bool conformant = accessibility_conformant(book);
  if (conformant)
    summary += " This publication meets WCAG 2.1 Level AA as checked automatically when it was produced.";
  else
    summary += " This publication does not claim conformance with EPUB Accessibility 1.1.";
  meta("schema:accessibilitySummary", summary, " xml:lang=\"en\"");
  if (conformant) {
    meta("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");
    meta("a11y:certifiedBy", "galley (automated checks)");
  }
  return o;
}

}  // namespace galley::epub
