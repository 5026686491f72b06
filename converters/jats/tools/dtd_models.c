/* Prints the content models of the given elements from a JATS DTD as C++
 * initializer rows: {tagset, "element", mixed, "allowed children (restricted to the list)"}.
 * Build: cc dtd_models.c $(xml2-config --cflags --libs). Used by gen_models.sh only. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/valid.h>
#include <stdio.h>
#include <string.h>

static char** names; static int n_names;
static char out[65536];

static void qname(char* buf, size_t n, const xmlChar* prefix, const xmlChar* name) {
  if (prefix) snprintf(buf, n, "%s:%s", prefix, name); else snprintf(buf, n, "%s", name);
}
static int listed(const char* q) {
  for (int i = 0; i < n_names; ++i) if (!strcmp(names[i], q)) return 1;
  return 0;
}
static void walk(xmlElementContentPtr c, int* pcdata) {
  if (!c) return;
  if (c->type == XML_ELEMENT_CONTENT_PCDATA) { *pcdata = 1; return; }
  if (c->type == XML_ELEMENT_CONTENT_ELEMENT) {
    char q[256]; qname(q, sizeof q, c->prefix, c->name);
    if (listed(q)) {
      char pat[260]; snprintf(pat, sizeof pat, " %s ", q);
      char cur[65540]; snprintf(cur, sizeof cur, " %s ", out);
      if (!strstr(cur, pat)) { if (*out) strcat(out, " "); strcat(out, q); }
    }
    return;
  }
  walk(c->c1, pcdata); walk(c->c2, pcdata);
}
int main(int argc, char** argv) {
  if (argc < 4) { fprintf(stderr, "usage: dtd_models DTD TAGSET ELEMENT...\n"); return 2; }
  xmlDtdPtr d = xmlParseDTD(NULL, (const xmlChar*)argv[1]);
  if (!d) return 1;
  names = argv + 3; n_names = argc - 3;
  for (int i = 0; i < n_names; ++i) {
    int found = 0;
    for (xmlNodePtr n = d->children; n; n = n->next) {
      if (n->type != XML_ELEMENT_DECL) continue;
      xmlElementPtr e = (xmlElementPtr)n;
      char q[256]; qname(q, sizeof q, e->prefix, e->name);
      if (strcmp(q, names[i])) continue;
      /* JATS declares some names twice through MathML (list, fn, sec as mml:...): keep the first. */
      if (found) continue;
      found = 1; out[0] = 0; int pcdata = 0;
      walk(e->content, &pcdata);
      printf("{%s, \"%s\", %s, \"%s\"},\n", argv[2], q, pcdata ? "true" : "false", out);
    }
    if (!found) printf("// %s: not declared in %s\n", names[i], argv[2]);
  }
  return 0;
}
