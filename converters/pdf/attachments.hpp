// PDF/A-3 asks more of an attached file than WeasyPrint 57 writes (ISO
// 19005-3 6.8): a file specification with /F and /UF names, a description and
// /AFRelationship, listed in the catalog's /AF array, and an embedded file
// stream with its MIME type (/Subtype) and a /ModDate. An incremental update
// (pdf_update.hpp) adds them; WeasyPrint's bytes stay as written.
#pragma once
#include <string>
#include <vector>

namespace galley::pdf {

struct AttachmentInfo {
  std::string name;          // file name, as given to the engine ("article.json")
  std::string mime;          // "application/json"
  std::string description;   // "The article as Pandoc JSON"
  std::string relationship;  // Source, Data, Alternative, Supplement, Unspecified
};

// False, with the PDF unchanged, when its structure is not what WeasyPrint 57
// writes (classic trailer, catalog /Names /EmbeddedFiles, a flat name tree)
// or a named attachment is not in it.
bool mark_attachments(std::string& pdf, const std::vector<AttachmentInfo>& files, long long modified);

}  // namespace galley::pdf
