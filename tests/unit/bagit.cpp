// BagIt bags (galley/bagit.hpp): digests, tag files, ustar, validation of
// every kind of damage.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>

#include "package/bagit.hpp"
#include "galley/detail/zip.hpp"
#include "galley/error.hpp"

using namespace galley;
namespace bg = galley::bagit;

BOOST_AUTO_TEST_SUITE(bagit)
namespace {

std::vector<bg::File> sample_bag() {
  return bg::make_bag({{"source/a b%.txt", "hello\n"}, {"article.xml", "<article/>\n"}, {"empty.txt", ""}},
                         {{"Source-Organization", "Example\nNews"}, {"Bagging-Date", "2024-01-02"}});
}

bg::File* find(std::vector<bg::File>& bag, const std::string& path) {
  for (auto& f : bag)
    if (f.path == path) return &f;
  return nullptr;
}

bool has_kind(const std::vector<bg::Problem>& ps, const std::string& kind, const std::string& path = "") {
  return std::any_of(ps.begin(), ps.end(), [&](auto& p) { return p.kind == kind && (path.empty() || p.path == path); });
}

}  // namespace

BOOST_AUTO_TEST_CASE(digests_match_known_vectors) {
  BOOST_TEST(bg::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  BOOST_TEST(bg::sha512_hex("").substr(0, 32) == "cf83e1357eefb8bdf1542850d66d8007");
  BOOST_CHECK_THROW(bg::digest_hex("nosuchalg", "x"), InputError);
}

BOOST_AUTO_TEST_CASE(manifest_paths_are_percent_encoded) {
  BOOST_TEST(bg::encode_manifest_path("a%b\nc\rd") == "a%25b%0Ac%0Dd");
  BOOST_TEST(bg::decode_manifest_path("a%25b%0ac%0Dd%41") == "a%b\nc\rd%41");
}

BOOST_AUTO_TEST_CASE(bag_has_tag_files_and_oxum) {
  auto bag = sample_bag();
  BOOST_TEST(bag[0].path == "bagit.txt");
  BOOST_TEST(bag[0].data == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
  BOOST_TEST(find(bag, "bag-info.txt")->data ==
             "Source-Organization: Example News\nBagging-Date: 2024-01-02\nPayload-Oxum: 17.3\n");
  auto* m = find(bag, "manifest-sha256.txt");
  BOOST_REQUIRE(m);
  BOOST_TEST(m->data.find(bg::sha256_hex("hello\n") + "  data/source/a b%25.txt\n") != std::string::npos);
  BOOST_TEST(find(bag, "manifest-sha512.txt"));
  BOOST_TEST(find(bag, "tagmanifest-sha256.txt"));
  BOOST_TEST(find(bag, "data/empty.txt"));
  BOOST_TEST(bg::validate(bag).empty());
}

BOOST_AUTO_TEST_CASE(unsafe_payload_paths_are_refused) {
  BOOST_CHECK_THROW(bg::make_bag({{"../x", "1"}}, {}), UsageError);
  BOOST_CHECK_THROW(bg::make_bag({{"/etc/x", "1"}}, {}), UsageError);
  BOOST_CHECK_THROW(bg::make_bag({{"a//b", "1"}}, {}), UsageError);
  BOOST_CHECK_THROW(bg::make_bag({{"a", "1"}, {"a", "2"}}, {}), UsageError);
}

BOOST_AUTO_TEST_CASE(missing_changed_extra_files) {
  {
    auto bag = sample_bag();
    bag.erase(std::remove_if(bag.begin(), bag.end(), [](auto& f) { return f.path == "data/article.xml"; }), bag.end());
    auto ps = bg::validate(bag);
    BOOST_TEST(has_kind(ps, "missing-file", "data/article.xml"));
    BOOST_TEST(has_kind(ps, "payload-oxum"));
  }
  {
    auto bag = sample_bag();
    find(bag, "data/article.xml")->data[1] = 'A';
    auto ps = bg::validate(bag);
    BOOST_TEST(ps.size() == 2u);  // sha256 and sha512 both differ; same size, Oxum fine
    BOOST_TEST(has_kind(ps, "changed-file", "data/article.xml"));
  }
  {
    auto bag = sample_bag();
    bag.push_back({"data/extra.txt", "x"});
    auto ps = bg::validate(bag);
    BOOST_TEST(has_kind(ps, "extra-file", "data/extra.txt"));
    BOOST_TEST(has_kind(ps, "payload-oxum"));
  }
}

BOOST_AUTO_TEST_CASE(bad_oxum_tag_manifest_and_bagit_txt) {
  {
    auto bag = sample_bag();
    auto* info = find(bag, "bag-info.txt");
    info->data.replace(info->data.find("17.3"), 4, "18.3");
    auto ps = bg::validate(bag);
    BOOST_TEST(has_kind(ps, "payload-oxum"));
    BOOST_TEST(has_kind(ps, "tag-manifest", "bag-info.txt"));  // bag-info.txt changed too
  }
  {
    auto bag = sample_bag();
    auto* tm = find(bag, "tagmanifest-sha256.txt");
    tm->data[0] = tm->data[0] == '0' ? '1' : '0';
    auto ps = bg::validate(bag);
    BOOST_TEST(ps.size() == 1u);
    BOOST_TEST(has_kind(ps, "tag-manifest"));
  }
  {
    auto bag = sample_bag();
    bag.erase(bag.begin());
    BOOST_TEST(has_kind(bg::validate(bag), "bagit-txt"));
  }
  {
    auto bag = sample_bag();
    find(bag, "manifest-sha256.txt")->data += "0123  data/../../etc/passwd\nnot-a-line\n";
    auto ps = bg::validate(bag);
    BOOST_TEST(has_kind(ps, "unsafe-path"));
    BOOST_TEST(has_kind(ps, "manifest"));
  }
}

BOOST_AUTO_TEST_CASE(tar_round_trip_is_deterministic) {
  auto bag = sample_bag();
  std::string tar = bg::make_tar(bag, "bag", 1700000000);
  BOOST_TEST(tar.size() % 512 == 0u);
  BOOST_TEST(tar == bg::make_tar(bag, "bag", 1700000000));
  BOOST_TEST(tar.compare(257, 6, std::string("ustar\0", 6)) == 0);
  auto back = bg::read_tar(tar);
  BOOST_REQUIRE(back.size() == bag.size());
  for (std::size_t i = 0; i < bag.size(); ++i) {
    BOOST_TEST(back[i].path == "bag/" + bag[i].path);
    BOOST_TEST(back[i].data == bag[i].data);
  }
  // long names use the ustar prefix field
  std::string deep = "data/" + std::string(80, 'd') + "/" + std::string(90, 'f') + ".txt";
  auto t2 = bg::read_tar(bg::make_tar({{deep, "x"}}, "top", 0));
  BOOST_REQUIRE(t2.size() == 1u);
  BOOST_TEST(t2[0].path == "top/" + deep);
  BOOST_CHECK_THROW(bg::make_tar({{std::string(300, 'x'), "x"}}, "", 0), OutputError);
  // a damaged header is reported, not misread
  tar[10] ^= 1;
  BOOST_CHECK_THROW(bg::read_tar(tar), InputError);
  BOOST_CHECK_THROW(bg::read_tar(std::string(tar.substr(0, 700))), InputError);
}

BOOST_AUTO_TEST_SUITE_END()
