// One article's bag (see article_bag.hpp): read once, each rendition written,
// provenance recorded, tag files made by galley/bagit.
#include "cli/article_bag.hpp"

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "galley/detail/zip.hpp"
#include "galley/meta.hpp"
#include "galley/time.hpp"
#include "galley/version.hpp"

namespace galley::cli {

std::vector<FormatSpec> package_formats(const Args& args, const Registry& reg) {
  std::vector<FormatSpec> formats;
  if (args.to.empty()) {
    for (auto& w : reg.writers())
      if (w.in_packages) formats.push_back(FormatSpec{w.name, {}});
  } else {
    formats = parse_format_list(args.to, reg, true);
  }
  return formats;
}

ArticleBag make_article_bag(const ArticleSettings& settings, const std::string& in, const std::string& source_name,
                            const std::string& source, const FormatSpec& from, const std::vector<FormatSpec>& formats,
                            const std::function<void(const Diagnostic&)>& on_emit, long long started) {
  using Clock = std::chrono::system_clock;
  const Args& args = *settings.args;
  const Registry& reg = *settings.registry;
  ArticleBag result;
  Diagnostics read_diag;
  read_diag.on_emit = on_emit;
  std::string source_sha = bagit::sha256_hex(source);
  Document doc = read_article(settings, in, source, from, read_diag);
  result.warnings += read_diag.warning_count();

  std::vector<bagit::File> payload;
  payload.push_back({"source/" + source_name, source});
  using J = nlohmann::ordered_json;
  auto diag_json = [](const Diagnostics& d) {
    J a = J::array();
    for (auto& x : d.all())
      if (x.severity == Severity::Warning) a.push_back({{"kind", x.kind}, {"message", x.message}});
    return a;
  };
  J outputs = J::array();
  const std::vector<std::string> suffix = output_suffixes(reg, formats);
  for (std::size_t i = 0; i < formats.size(); ++i) {
    Diagnostics wd;
    wd.on_emit = on_emit;
    std::string out = write_article(settings, in, doc, formats[i], wd);
    result.warnings += wd.warning_count();
    std::string path = "article" + suffix[i];
    std::string spec = to_string(formats[i]);
    outputs.push_back({{"format", spec}, {"path", "data/" + path}, {"bytes", out.size()},
                       {"sha256", bagit::sha256_hex(out)}, {"warnings", diag_json(wd)}});
    payload.push_back({path, std::move(out)});
  }
  long long finished = std::chrono::duration_cast<std::chrono::seconds>(Clock::now().time_since_epoch()).count();
  long long when = settings.source_date_epoch ? *settings.source_date_epoch : finished;

  // provenance.json
  J prov;
  prov["generator"] = std::string("galley ") + GALLEY_VERSION;
  std::string from_text = from.name;
  for (auto& [k, on] : from.extensions.set) from_text += (on ? "+" : "-") + k;
  prov["source"] = {{"file", source_name}, {"path", "data/source/" + source_name}, {"bytes", source.size()},
                    {"sha256", source_sha}, {"reader", from_text}};
  J opts;
  opts["from"] = from_text;
  J to = J::array();
  for (auto& o : outputs) to.push_back(o["format"]);
  opts["to"] = to;
  J meta = J::array();
  for (auto& [k, v] : args.metadata) meta.push_back(k + "=" + v);
  opts["metadata"] = meta;
  opts["metadata-files"] = args.metadata_files;
  J vars = J::object();
  for (auto& [k, v] : args.variables) vars[k] = v;
  opts["variables"] = vars;
  opts["filters"] = args.filters;
  opts["standalone"] = args.standalone;
  opts["toc"] = args.toc;
  opts["split-level"] = args.split_level;
  opts["columns"] = args.columns;
  opts["pandoc-api"] = args.pandoc_api == 22 ? "1.22" : "1.23";
  opts["css"] = args.css;
  if (!args.cover_image.empty()) opts["epub-cover-image"] = args.cover_image;
  if (!args.encoding.empty()) opts["encoding"] = args.encoding;
  if (!args.source_url.empty()) opts["source-url"] = args.source_url;
  opts["source-date-epoch"] = settings.source_date_epoch ? J(*settings.source_date_epoch) : J();
  prov["options"] = opts;
  prov["outputs"] = outputs;
  prov["warnings"] = {{"read", diag_json(read_diag)}};
  // With SOURCE_DATE_EPOCH the times are that date, so the bag is reproducible.
  prov["times"] = {{"started", epoch_to_iso(settings.source_date_epoch ? when : started)}, {"finished", epoch_to_iso(when)}};
  payload.push_back({"provenance.json", prov.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"});

  // bag-info.txt
  std::vector<std::pair<std::string, std::string>> info;
  auto org = meta_text(doc.meta, "publisher");
  if (!org) org = meta_text(doc.meta, "site-name");
  if (org) info.push_back({"Source-Organization", *org});
  info.push_back({"Bagging-Date", epoch_to_iso(when).substr(0, 10)});
  info.push_back({"Bag-Software-Agent", std::string("galley ") + GALLEY_VERSION});
  auto ident = meta_text(doc.meta, "identifier");
  if (!ident) ident = meta_text(doc.meta, "source-url");
  info.push_back({"External-Identifier", ident ? *ident : "sha256:" + source_sha});
  if (auto title = meta_text(doc.meta, "title")) info.push_back({"External-Description", *title});
  result.files = bagit::make_bag(payload, info);
  result.when = when;
  return result;
}

std::string bag_zip(const ArticleBag& bag, const std::string& top) {
  std::vector<detail::ZipEntry> entries;
  for (auto& f : bag.files) entries.push_back({top + "/" + f.path, f.data, false});
  return detail::make_zip(entries, bag.when);
}

}  // namespace galley::cli
