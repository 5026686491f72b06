// BagIt 1.0 bags (RFC 8493) for archival packages: building the tag files,
// serializing as a deterministic ustar archive, loading a bag from a folder,
// .zip or .tar, and validating completeness and fixity.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace galley::bagit {

// One file of a bag; `path` is relative to the bag's base folder, '/'-separated
// ("bagit.txt", "data/article.xml").
struct File {
  std::string path;
  std::string data;
};

// Hex digests with OpenSSL's EVP API. `algorithm` is a BagIt algorithm name
// (md5, sha1, sha224, sha256, sha384, sha512); throws InputError
// "galley.bag.algorithm" when OpenSSL does not know it.
std::string digest_hex(std::string_view algorithm, std::string_view data);
inline std::string sha256_hex(std::string_view data) { return digest_hex("sha256", data); }
inline std::string sha512_hex(std::string_view data) { return digest_hex("sha512", data); }

// Manifest file names are percent-encoded for CR, LF and '%' (RFC 8493 2.1.3).
std::string encode_manifest_path(std::string_view path);
std::string decode_manifest_path(std::string_view path);

// Every file of a bag: bagit.txt, bag-info.txt (the given fields in order, then
// Payload-Oxum), manifest-sha256.txt, manifest-sha512.txt,
// tagmanifest-sha256.txt, then the payload under data/. Payload paths are
// relative to data/; throws UsageError "galley.bag.path" for empty, absolute
// or ".." paths. Field values have their line breaks replaced by spaces.
std::vector<File> make_bag(const std::vector<File>& payload,
                           const std::vector<std::pair<std::string, std::string>>& info);

// A POSIX ustar archive of `files` below the folder `top` (with its folder
// entries), every entry with mode 0644/0755, uid/gid 0 and mtime `mtime`:
// the same input always gives the same bytes. Throws OutputError
// "galley.bag.tar" for names that do not fit ustar's 100+155 bytes.
std::string make_tar(const std::vector<File>& files, const std::string& top, long long mtime);
// Regular files of a tar archive (ustar, GNU long names, pax path records);
// throws InputError "galley.bag.tar" on a corrupt archive.
std::vector<File> read_tar(std::string_view bytes);

// Read a bag from a folder, a .zip or a .tar. The single top-level folder of
// an archive is removed from the paths. Throws InputError "galley.bag.read".
std::vector<File> load(const std::string& path);

// One reason a bag is invalid. `kind` is one of: bagit-txt, manifest,
// missing-file, changed-file, extra-file, payload-oxum, tag-manifest, unsafe-path.
struct Problem {
  std::string kind;
  std::string path;
  std::string message;
};

// Completeness and fixity: bagit.txt, every payload manifest (every listed
// file present with the listed digest, every payload file listed),
// Payload-Oxum, and every tag manifest. Empty when the bag is valid.
std::vector<Problem> validate(const std::vector<File>& files);

}  // namespace galley::bagit
