// Batch mode's "up to date", decided by content, not clocks. Beside the renditions,
// OUTDIR/.galley/ keeps one record per output: the digest of everything the output
// was made from (the input's bytes, the reader and writer specs, every option that
// reaches a reader or writer, the files those options name, galley's version and
// executable) and the digest of the output as written. An output is up to date when
// its record's source digest matches this run's and the file still has the recorded
// digest. Equal timestamps, clock skew, copies, `touch` and changed -M/-V options all
// behave; an output edited or replaced by hand is converted again.
#pragma once
#include <string>
#include <string_view>

#include "cli/args.hpp"

namespace galley::cli {

class Freshness {
 public:
  // Fingerprints the run's options once (reads the metadata files, stylesheets,
  // cover image, filters and the executable).
  Freshness(const Args& args, std::string output_dir);
  // The record folder for an output folder's sub-path (created by the caller
  // before workers start).
  std::string record_dir(const std::string& relative_folder) const;
  // The record folder of one output (below the output folder).
  std::string record_dir_of(const std::string& output_path) const;
  // The source digest of one output: this run's options, the input's bytes and the specs.
  std::string source_digest(std::string_view input, const std::string& reader_spec, const std::string& writer_spec) const;
  // True when `output_path` (below the output folder) was made from `source` and is unchanged.
  bool up_to_date(const std::string& output_path, const std::string& source) const;
  // Records that `output_path` now holds `output`, made from `source`.
  void record(const std::string& output_path, const std::string& source, std::string_view output) const;

 private:
  std::string record_path(const std::string& output_path) const;
  std::string output_dir_, options_digest_;
};

}  // namespace galley::cli
