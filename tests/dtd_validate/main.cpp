// galley-dtd-validate DTD FILE...: `xmllint --noout --nonet --dtdvalid DTD FILE...` with
// the DTD parsed once. xmllint parses it again for every file, and the JATS DTDs (with
// MathML) take ~70 ms each: most of conformance.jats_valid's and jats_vs_pandoc's time.
// Same parse options as xmllint (COMPACT, BIG_LINES, NONET, DTDLOAD), same validator
// (xmlValidateDtd), libxml2's own error lines on stderr and xmllint's "Document FILE does
// not validate against DTD" line, so the scripts read both tools' output alike.
// Exit status: 0 all valid, 3 a file not well-formed, 4 the DTD unreadable, 5 invalid.
#include <libxml/parser.h>
#include <libxml/valid.h>

#include <cstdio>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: galley-dtd-validate DTD FILE...\n");
    return 2;
  }
  xmlInitParser();
  xmlDtdPtr dtd = xmlParseDTD(nullptr, reinterpret_cast<const xmlChar*>(argv[1]));
  if (!dtd) {
    std::fprintf(stderr, "Could not parse DTD %s\n", argv[1]);
    return 4;
  }
  const int options = XML_PARSE_COMPACT | XML_PARSE_BIG_LINES | XML_PARSE_NONET | XML_PARSE_DTDLOAD;
  int status = 0;
  for (int i = 2; i < argc; ++i) {
    xmlDocPtr doc = xmlReadFile(argv[i], nullptr, options);
    if (!doc) {
      if (status == 0) status = 3;
      continue;
    }
    xmlValidCtxtPtr v = xmlNewValidCtxt();
    if (!v || !xmlValidateDtd(v, doc, dtd)) {
      std::fprintf(stderr, "Document %s does not validate against %s\n", argv[i], argv[1]);
      status = 5;
    }
    if (v) xmlFreeValidCtxt(v);
    xmlFreeDoc(doc);
  }
  xmlFreeDtd(dtd);
  xmlCleanupParser();
  return status;
}
