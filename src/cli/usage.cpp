// The help text of `galley`. The formats it lists come from the registry: the
// command line knows no format of its own.
#include "cli/usage.hpp"

#include "galley/registry.hpp"

namespace galley::cli {

namespace {

const char* const usage_template = R"(Usage: galley [OPTIONS] [INPUT-FILE]...

Convert articles between formats through Pandoc's document model.
Reads standard input when no file (or "-") is given.

  -f, --from=FORMAT[+EXT-EXT]  input format: {readers}
                               guessed from the input's extension
  -t, --to=FORMAT[+EXT-EXT]    output format: {writers}
                               guessed from -o when absent (default: {default-writer})
  -o, --output=FILE            output file (default: standard output)
  -s, --standalone             complete document (writers of whole files always are)
  -M, --metadata=KEY[=VAL]     set a metadata field (no VAL: true)
      --metadata-file=FILE     metadata from a YAML or JSON file
  -V, --variable=KEY[=VAL]     writer variable (papersize, margin, fontsize, lang...)
  -F, --filter=PROGRAM         a Pandoc JSON filter (JSON on stdin, format as argument 1)
      --resource-root=DIR      the only folder local files may be read from
                               (default: the folder of the first input file)
      --resource-path=DIRS     folders (inside the root) to search, separated by ':'
      --encoding=NAME          input encoding (e.g. windows-1258); default: detect
      --source-url=URL         base URL for relative links of web pages
      --url=URL                the page of a web archive (WARC, WACZ) to convert
                               (batch mode without it: every HTML page)
      --fetch-resources        fetch remote images over http(s) (default: no network);
                               never from loopback/private/link-local addresses
      --allow-private-network  with --fetch-resources: allow those addresses too
      --max-fetch-count=N      with --fetch-resources: at most N remote images
                               asked for per article (default 100)
      --max-fetch-size=BYTES   with --fetch-resources: at most BYTES of them kept
                               per article (default 128 MiB)
      --columns=N              line length for plain text (default 72)
      --wrap=auto|none|preserve  line wrapping for plain text
      --pandoc-api=1.22|1.23   Pandoc JSON API version to write (default 1.23)
      --toc                    table of contents (e-book and print writers)
      --split-level=N          EPUB chapter split level (default 1)
      --css=FILE               user stylesheet (e-book and print writers); repeatable
      --epub-cover-image=FILE  EPUB cover image
      --pdf-engine=PROGRAM     PDF engine: weasyprint (default), chromium or a path
      --pdf-engine-opt=ARG     an argument passed on to the PDF engine; repeatable
      --max-input-size=BYTES   refuse larger inputs (default 512 MiB)
      --max-nesting=N          refuse deeper documents (default 500)
      --verbose                also print informational messages
      --quiet                  print no warnings
      --fail-if-warnings       exit with status 6 when there were warnings
      --list-input-formats     list the readers
      --list-output-formats    list the writers
      --list-extensions[=FORMAT]  list extensions (+ on by default, - off)

Batch mode (several articles; when --output-dir is given or --to is a list):
      --output-dir=DIR         write DIR/<input stem>.<ext> per input and format
                               ({suffixes});
                               inputs sharing a stem go below as many
                               of their parent folders as tell them apart
                               (readability/001/source.html -> DIR/001/source.epub)
  -t, --to=FMT,FMT...          formats to write (default: {default-writer})
  -f, --from=FMT[+EXT],...     reader extensions per reader; each input's reader
                               comes from its extension ({reader-extensions}),
                               e.g. -f html+extract
  -j, --jobs=N                 parallel conversions (default: number of cores)
      --manifest=FILE          more inputs, one path per line (relative to FILE's
                               folder; '#' comments; '-' = standard input)
      --shard=K/N              only inputs i (0-based, sorted) with i % N == K-1
      --shard=auto[/N]         K and N from a Slurm job array (SLURM_ARRAY_TASK_ID,
                               _MIN, _COUNT) or, with /N, a Kubernetes Indexed
                               Job (JOB_COMPLETION_INDEX); docs/DISTRIBUTED.md
      --plan                   print the articles and outputs as JSON, convert nothing
      --worker                 convert the --plan articles given on standard input
                               (one JSON a line) for a distributed engine
      --report=FILE.json       per article: status, outputs, warnings by kind
      --force                  convert even when outputs are up to date (made from
                               the same input bytes and options: DIR/.galley/)
  Exit status: 0 all converted or up to date, 1 some articles failed,
  6 warnings with --fail-if-warnings, 2 usage error.

Many articles, one output (writers that join documents: {joining}):
  galley -t FORMAT A B... -o FILE  each input (and --manifest's) read with the
                               reader its extension names (-f as in batch mode:
                               extensions per reader), one output, newest first:
{joining-descriptions}
Reports of shards or distributed runs:
  galley report merge A.json B.json... -o MERGED.json   one report, articles
                               sorted by input, totals counted again
Archival packages (BagIt 1.0, RFC 8493):
  galley package [OPTIONS] INPUT -o BAG    BAG: a folder, BAG.zip or BAG.tar; data/
                               holds the source, {package-renditions}
                               (or --to FMT,...) and provenance.json
  galley package --validate BAG            completeness and fixity check; exit
                               0 valid, 1 invalid (problems listed), 3 unreadable

  -v, --version                print the version
  -h, --help                   print this help

Exit status: 0 success, 2 usage error, 3 input error, 4 output error,
5 filter error, 6 warnings with --fail-if-warnings, 70 internal error.
)";

std::string names_with_aliases(const std::vector<std::string>& names, const std::vector<std::vector<std::string>>& aliases) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += ", ";
    out += names[i];
    if (!aliases[i].empty()) {
      out += " (";
      for (std::size_t k = 0; k < aliases[i].size(); ++k) out += (k ? ", " : "") + aliases[i][k];
      out += ")";
    }
  }
  return out;
}

// Long lists folded at 80 columns, continuation lines indented to `indent`.
std::string fold(const std::string& text, std::size_t first_width, std::size_t indent) {
  std::string out, line;
  std::size_t width = first_width;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(start, end - start);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += line + "\n" + std::string(indent, ' ');
      line.clear();
      width = 80 - indent;
    }
    line += (line.empty() ? "" : " ") + word;
    start = end + 1;
  }
  return out + line;
}

void replace(std::string& s, const std::string& key, const std::string& value) {
  for (std::size_t at = s.find(key); at != std::string::npos; at = s.find(key, at + value.size()))
    s.replace(at, key.size(), value);
}

}  // namespace

std::string usage_text(const Registry& reg) {
  std::vector<std::string> rn, wn, suffixes, reader_ext, renditions, joining;
  std::string joining_descriptions;
  std::vector<std::vector<std::string>> ra, wa;
  for (auto& r : reg.readers()) {
    rn.push_back(r.name);
    ra.push_back(r.aliases);
    if (!r.file_extensions.empty()) {
      std::string e;
      for (auto& x : r.file_extensions) e += (e.empty() ? "" : " ") + x;
      reader_ext.push_back(e + ": " + r.name);
    }
  }
  reader_ext.push_back("other: " + reg.default_reader());
  for (auto& w : reg.writers()) {
    wn.push_back(w.name);
    wa.push_back(w.aliases);
    suffixes.push_back(w.name + " " + reg.output_suffix(w.name));
    if (w.in_packages) renditions.push_back(w.name);
    if (w.joins_documents) {
      joining.push_back(w.name);
      joining_descriptions += "    " + fold(w.name + ": " + w.description, 80 - 4, 6) + "\n";
    }
  }
  auto join = [](const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (auto& x : v) out += (out.empty() ? "" : sep) + x;
    return out;
  };
  std::string s = usage_template;
  replace(s, "{readers}", fold(names_with_aliases(rn, ra), 80 - 45, 31));
  replace(s, "{writers}", fold(names_with_aliases(wn, wa), 80 - 46, 31));
  replace(s, "{default-writer}", reg.default_writer());
  replace(s, "{suffixes}", fold(join(suffixes, ", "), 80 - 32, 32));
  replace(s, "{reader-extensions}", fold(join(reader_ext, ", "), 80 - 58, 31));
  replace(s, "{joining}", joining.empty() ? std::string("none") : fold(join(joining, ", "), 80 - 45, 31));
  replace(s, "{joining-descriptions}", joining_descriptions);
  replace(s, "{package-renditions}", fold(join(renditions, ", "), 80 - 48, 31));
  return s;
}

}  // namespace galley::cli
