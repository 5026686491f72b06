// The plain-text article reader: decoding, layout, article structure, typography, language.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>

#include "galley/text.hpp"
#include "plain/plain.hpp"

using namespace galley;

BOOST_AUTO_TEST_SUITE(plain_reader)
namespace {

struct Result {
  Document doc;
  Diagnostics diag;
};

Result read(std::string_view input, std::map<std::string, bool> ext = {}, std::string encoding = {},
            std::map<std::string, std::string> vars = {}) {
  Result r;
  ReaderOptions o;
  o.extensions.set = std::move(ext);
  o.encoding = std::move(encoding);
  o.variables = std::move(vars);
  r.doc = plain::make_reader()->read(input, o, r.diag);
  return r;
}

std::string meta(const Document& d, const std::string& key) {
  auto it = d.meta.find(key);
  return it == d.meta.end() ? std::string("<absent>") : stringify(it->second);
}
bool has(const Document& d, const std::string& key) { return d.meta.count(key) > 0; }

std::size_t count_blocks(const Document& d, std::size_t index) {
  std::size_t n = 0;
  for (auto& b : d.blocks) n += b.index() == index;
  return n;
}
std::size_t paras(const Document& d) { return count_blocks(d, 1); }
std::size_t figures(const Document& d) {
  std::size_t n = 0;
  for (auto& b : d.blocks) n += b.is<Figure>();
  return n;
}
std::string body(const Document& d) { return stringify(d.blocks); }

std::vector<std::string> authors(const Document& d) {
  std::vector<std::string> out;
  auto it = d.meta.find("author");
  if (it == d.meta.end()) return out;
  if (auto l = it->second.as<MetaList>())
    for (auto& v : l->items) out.push_back(stringify(v));
  return out;
}

std::string date_of(const std::string& line) {
  auto r = read("Thời sự\nHà Nội thí điểm xe buýt điện trên năm tuyến nội đô\n" + line +
                "\nTừ ngày 20/3, năm tuyến xe buýt nội đô sẽ được thay thế bằng xe điện, giúp giảm tiếng ồn.\n"
                "Đơn vị vận hành cho biết các trạm sạc đã được lắp đặt tại ba bãi đỗ xe lớn của thành phố.\n");
  return meta(r.doc, "date");
}

const char* kSeed =
    "Xã hội\n"
    "Bắc Giang: Nâng cao năng lực quản lý nhà nước về bình đẳng giới\n"
    "01:38 PM 25/11/2019\n"
    "(LĐXH) - Những năm qua, tỉnh Bắc Giang rất chú trọng nâng cao năng lực quản lý nhà nước về bình đẳng giới.\n"
    "Quang cảnh hội nghị tập huấn kiến thức pháp luật về Bình đẳng giới và phòng chống bạo lực gia đình\n"
    "Sở đã phối hợp tuyên truyền về công tác bình đẳng giới.Từ đầu năm 2019, các hoạt động vì bình đẳng giới,vì sự tiến bộ phụ nữ được tổ chức.\n"
    "Nhìn chung các đơn vị đã thực hiện tốt hơn các chính sách về bình đẳng giới của tỉnh và của đất nước./.\n"
    "Nguyễn Hiền\n";

}  // namespace

// ---------------- decoding ----------------

BOOST_AUTO_TEST_CASE(utf8_bom_and_crlf) {
  auto r = read("\xEF\xBB\xBFHello world.\r\nSecond line here.\rThird.\r\n", {{"article", false}});
  std::string b = body(r.doc);
  BOOST_TEST(b.find("\xEF\xBB\xBF") == std::string::npos);
  BOOST_TEST(b.find('\r') == std::string::npos);
  BOOST_TEST(b.find("Hello world.") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(utf16_le_and_be_with_bom) {
  std::string text = "Tiêu đề bài báo\r\nĐây là đoạn văn đầu tiên của bài báo.\r\n";
  // encode as UTF-16 by hand
  auto encode = [&](bool le) {
    std::string out = le ? std::string("\xFF\xFE", 2) : std::string("\xFE\xFF", 2);
    std::size_t i = 0;
    while (i < text.size()) {
      char32_t c = next_codepoint(text, i);
      auto put = [&](char16_t u) {
        char a = char(u & 0xFF), b = char(u >> 8);
        if (le) { out.push_back(a); out.push_back(b); }
        else { out.push_back(b); out.push_back(a); }
      };
      put(char16_t(c));
    }
    return out;
  };
  for (bool le : {true, false}) {
    auto r = read(encode(le), {{"article", false}});
    std::string b = body(r.doc);
    BOOST_TEST(b.find("Đây là đoạn văn đầu tiên") != std::string::npos);
    BOOST_TEST(r.diag.warning_count() == 0u);
  }
}

BOOST_AUTO_TEST_CASE(invalid_bytes_warn_with_offset) {
  auto r = read("Good text \xFF\xFE bad.\n");
  BOOST_TEST(body(r.doc).find("\xEF\xBF\xBD") != std::string::npos);
  bool found = false;
  for (auto& d : r.diag.all())
    if (d.severity == Severity::Warning && d.message.find("10") != std::string::npos) found = true;
  BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(nfc_of_decomposed_input) {
  // "Việt" with combining marks: e + U+0323 + U+0302
  auto r = read("Vie\xCC\xA3\xCC\x82t Nam la\xCC\x80 một nước.\n", {{"article", false}});
  std::string b = body(r.doc);
  BOOST_TEST(b.find("Việt") != std::string::npos);
  BOOST_TEST(b.find("là") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(legacy_encoding_via_iconv) {
  // "café" in windows-1252
  auto r = read("Un caf\xE9 noir.\n", {{"article", false}}, "windows-1252");
  BOOST_TEST(body(r.doc).find("café") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(nul_bytes_removed_with_warning) {
  auto r = read(std::string("Hello\0 world.\n", 14), {{"article", false}});
  BOOST_TEST(body(r.doc).find("Hello world.") != std::string::npos);
  BOOST_TEST(r.diag.count("nul-byte") == 1u);
}

BOOST_AUTO_TEST_CASE(empty_input) {
  auto r = read("");
  BOOST_TEST(r.doc.blocks.empty());
  BOOST_TEST(r.doc.meta.empty());
  BOOST_TEST(r.diag.count("empty-input") == 1u);
  auto r2 = read("\n\n  \n");
  BOOST_TEST(r2.doc.blocks.empty());
}

// ---------------- the seed article ----------------

BOOST_AUTO_TEST_CASE(seed_article) {
  auto r = read(kSeed);
  auto& d = r.doc;
  BOOST_TEST(meta(d, "subject") == "Xã hội");
  BOOST_TEST(meta(d, "title") == "Bắc Giang: Nâng cao năng lực quản lý nhà nước về bình đẳng giới");
  BOOST_TEST(meta(d, "date") == "2019-11-25T13:38");
  BOOST_TEST(meta(d, "credit") == "LĐXH");
  BOOST_TEST(meta(d, "abstract").rfind("Những năm qua", 0) == 0);
  BOOST_TEST((authors(d) == std::vector<std::string>{"Nguyễn Hiền"}));
  BOOST_TEST(meta(d, "lang") == "vi");
  BOOST_TEST(figures(d) == 1u);
  BOOST_TEST(paras(d) == 2u);
  std::string b = body(d);
  BOOST_TEST(b.find("giới. Từ đầu năm") != std::string::npos);
  BOOST_TEST(b.find("giới, vì sự") != std::string::npos);
  BOOST_TEST(b.find("/.") == std::string::npos);
  BOOST_TEST(b.find("đất nước.") != std::string::npos);
  BOOST_TEST(!has(d, "dateline"));
  BOOST_TEST(r.diag.count("rewrite-space") == 1u);
  BOOST_TEST(r.diag.count("rewrite-end-mark") == 1u);
}

// ---------------- dates ----------------

BOOST_AUTO_TEST_CASE(date_forms) {
  BOOST_TEST(date_of("01:38 PM 25/11/2019") == "2019-11-25T13:38");
  BOOST_TEST(date_of("25/11/2019 13:38 GMT+7") == "2019-11-25T13:38+07:00");
  BOOST_TEST(date_of("Thứ hai, 25/11/2019, 13:38 (GMT+7)") == "2019-11-25T13:38+07:00");
  BOOST_TEST(date_of("November 25, 2019, 1:38 PM") == "2019-11-25T13:38");
  BOOST_TEST(date_of("Publié le 25 novembre 2019 à 13h38") == "2019-11-25T13:38");
  BOOST_TEST(date_of("2019-11-25T13:38:00+07:00") == "2019-11-25T13:38:00+07:00");
  BOOST_TEST(date_of("2019-11-25") == "2019-11-25");
  BOOST_TEST(date_of("25 tháng 11 năm 2019") == "2019-11-25");
  BOOST_TEST(date_of("Nov. 25, 2019 1:38 p.m.") == "2019-11-25T13:38");
}

BOOST_AUTO_TEST_CASE(date_modified) {
  auto r = read("Thời sự\nHà Nội thí điểm xe buýt điện trên năm tuyến\n15/3/2021 07:30\nCập nhật: 16/3/2021 08:00\n"
                "Từ ngày 20/3, năm tuyến xe buýt nội đô sẽ được thay thế bằng xe điện.\nĐoạn thứ hai của bài báo này.\n");
  BOOST_TEST(meta(r.doc, "date") == "2021-03-15T07:30");
  BOOST_TEST(meta(r.doc, "date-modified") == "2021-03-16T08:00");
}

BOOST_AUTO_TEST_CASE(no_date_invented) {
  auto r = read("Hà Nội thí điểm xe buýt điện\nSáng nay 5/3, thành phố đã khai trương năm tuyến xe buýt điện mới.\n");
  BOOST_TEST(!has(r.doc, "date"));
}

// ---------------- credits, datelines, bylines ----------------

BOOST_AUTO_TEST_CASE(credit_and_dateline_forms) {
  auto lede = [](const std::string& first) {
    return read("Business\nSmall bakeries turn to subscriptions\nMarch 15, 2021\n" + first +
                "\n\nSubscribers pay a fixed monthly fee and collect a loaf each week.\n");
  };
  auto r = lede("LEEDS, England (Reuters) - Independent bakeries are asking customers to pay in advance.");
  BOOST_TEST(meta(r.doc, "credit") == "Reuters");
  BOOST_TEST(meta(r.doc, "dateline") == "LEEDS, England");
  BOOST_TEST(meta(r.doc, "abstract").rfind("Independent bakeries", 0) == 0);
  r = lede("TTO - Independent bakeries are asking customers to pay in advance.");
  BOOST_TEST(meta(r.doc, "credit") == "TTO");
  BOOST_TEST(!has(r.doc, "dateline"));
  r = lede("(LĐXH) – Independent bakeries are asking customers to pay in advance.");
  BOOST_TEST(meta(r.doc, "credit") == "LĐXH");
  r = lede("WASHINGTON — Independent bakeries are asking customers to pay in advance.");
  BOOST_TEST(meta(r.doc, "dateline") == "WASHINGTON");
  BOOST_TEST(!has(r.doc, "credit"));
  r = lede("Independent bakeries - small ones - are asking customers to pay in advance.");
  BOOST_TEST(!has(r.doc, "credit"));
  BOOST_TEST(!has(r.doc, "dateline"));
}

BOOST_AUTO_TEST_CASE(byline_forms) {
  auto r = read("Business\nSmall bakeries turn to subscriptions\nBy Priya Raman and John Roe\nMarch 15, 2021, 7:30 AM\n"
                "Independent bakeries are asking customers to pay for bread in advance, a model borrowed from box schemes.\n\n"
                "Subscribers pay a fixed monthly fee.\n");
  BOOST_TEST((authors(r.doc) == std::vector<std::string>{"Priya Raman", "John Roe"}));
  BOOST_TEST(meta(r.doc, "date") == "2021-03-15T07:30");
  r = read("Économie\nLes boulangeries passent à l'abonnement\nPar Jean Dupont\n"
           "Les boulangeries indépendantes demandent aux clients de payer le pain à l'avance.\n\nLe prix est fixe.\n");
  BOOST_TEST((authors(r.doc) == std::vector<std::string>{"Jean Dupont"}));
  BOOST_TEST(meta(r.doc, "lang") == "fr");
  r = read("Hà Nội thí điểm xe buýt điện\nTừ ngày 20/3, năm tuyến xe buýt nội đô sẽ được thay thế bằng xe điện.\n"
           "Đơn vị vận hành cho biết các trạm sạc đã được lắp đặt.\n(Theo Reuters)\n");
  BOOST_TEST((authors(r.doc) == std::vector<std::string>{"Reuters"}));
  r = read("Hà Nội thí điểm xe buýt điện\nTheo Sở Giao thông Vận tải, mỗi tuyến sẽ có từ 10 đến 15 xe hoạt động.\n"
           "Đơn vị vận hành cho biết các trạm sạc đã được lắp đặt.\n");
  BOOST_TEST(!has(r.doc, "author"));
}

// ---------------- body structure ----------------

BOOST_AUTO_TEST_CASE(lists_and_headers) {
  auto r = read("HOW TO READ AN ARCHIVE\n\nOld newspapers reward patience. The layout tells you much.\n\n"
                "START WITH THE INDEX\n\nMany archives include a printed index. Use it first.\n\n"
                "- Record the title.\n- Copy quotations exactly.\n\n1. First step.\n2. Second step.\n\nDone now.\n");
  auto& d = r.doc;
  BOOST_TEST(meta(d, "title") == "HOW TO READ AN ARCHIVE");
  std::vector<std::string> heads;
  for (auto& b : d.blocks)
    if (auto h = b.as<Header>()) {
      heads.push_back(stringify(h->content));
      BOOST_TEST(h->level == 2);
      BOOST_TEST(h->attr.id == "start-with-the-index");
    }
  BOOST_TEST((heads == std::vector<std::string>{"START WITH THE INDEX"}));
  std::size_t bullets = 0;
  for (auto& b : d.blocks)
    if (auto l = b.as<BulletList>()) {
      bullets += l->items.size();
      BOOST_TEST(l->items[0][0].is<Plain>());
    }
  BOOST_TEST(bullets == 2u);
}

BOOST_AUTO_TEST_CASE(ordered_list) {
  auto r = read("Steps\n\nDo this:\n\n1. First step.\n2. Second step.\n3. Third step.\n", {{"article", false}});
  bool found = false;
  for (auto& b : r.doc.blocks)
    if (auto l = b.as<OrderedList>()) {
      found = true;
      BOOST_TEST(l->items.size() == 3u);
      BOOST_TEST(l->attrs.start == 1);
      BOOST_TEST((l->attrs.style == ListNumberStyle::Decimal));
    }
  BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(hard_wrapped_paragraphs_are_joined) {
  auto r = read("Title of the piece\n\n"
                "Old newspapers reward patience. The layout, the advertisements and\n"
                "even the mistakes tell you as much about a period as the headlines\n"
                "do. Archives are full of surprises for those who look carefully at\n"
                "every single page of the paper.\n\n"
                "Many archives include a printed or digital index. Use it to find the\n"
                "dates you need before you open a single page of the collection.\n",
                {{"article", false}});
  BOOST_TEST(paras(r.doc) == 2u);
  BOOST_TEST(body(r.doc).find("as the headlines do.") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(one_paragraph_per_line) {
  auto r = read("Short title here\nFirst paragraph is a full sentence.\nSecond paragraph is also a sentence.\n"
                "Third one ends the text.\n",
                {{"article", false}});
  BOOST_TEST(paras(r.doc) == 3u);
}

// ---------------- typography ----------------

BOOST_AUTO_TEST_CASE(spacing_keeps_exceptions) {
  auto r = read("Giá tăng 3.5 lần, còn 1,5 triệu lúc 13:38 tại TP.HCM và U.S. theo www.example.com/a.Html "
                "hoặc mail a.b@ex.com.Vn nhé.Rồi hết,vậy thôi.\n",
                {{"article", false}});
  std::string b = body(r.doc);
  BOOST_TEST(b.find("3.5") != std::string::npos);
  BOOST_TEST(b.find("1,5") != std::string::npos);
  BOOST_TEST(b.find("13:38") != std::string::npos);
  BOOST_TEST(b.find("TP.HCM") != std::string::npos);
  BOOST_TEST(b.find("U.S.") != std::string::npos);
  BOOST_TEST(b.find("www.example.com/a.Html") != std::string::npos);
  BOOST_TEST(b.find("a.b@ex.com.Vn") != std::string::npos);
  BOOST_TEST(b.find("nhé. Rồi hết, vậy") != std::string::npos);
  auto off = read("nhé.Rồi hết,vậy thôi.\n", {{"article", false}, {"punctuation_spacing", false}});
  BOOST_TEST(body(off.doc).find("nhé.Rồi hết,vậy") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(smart_quotes) {
  auto r = read("He said \"we used to throw it away,\" and 'maybe' it's true.\n", {{"article", false}});
  auto* p = r.doc.blocks.at(0).as<Para>();
  BOOST_REQUIRE(p);
  std::size_t dq = 0, sq = 0;
  for (auto& i : p->content)
    if (auto q = i.as<Quoted>()) (q->type == QuoteType::DoubleQuote ? dq : sq)++;
  BOOST_TEST(dq == 1u);
  BOOST_TEST(sq == 1u);
  std::string b = body(r.doc);
  BOOST_TEST(b.find("it\xE2\x80\x99s") != std::string::npos);
  BOOST_TEST(b.find("\xE2\x80\x9Cwe used to throw it away,\xE2\x80\x9D and") != std::string::npos);
  // pandoc's Str/Space split around Quoted
  BOOST_TEST((p->content.at(0) == Inline(Str{"He"})));
  BOOST_TEST(p->content.at(1).is<Space>());
  BOOST_TEST(p->content.at(4).is<Quoted>());
  BOOST_TEST(p->content.at(5).is<Space>());

  auto off = read("He said \"hi\" and it's fine.\n", {{"article", false}, {"smart", false}});
  BOOST_TEST(body(off.doc).find("\"hi\"") != std::string::npos);
  BOOST_TEST(body(off.doc).find("it's") != std::string::npos);
}

// ---------------- language and extensions ----------------

BOOST_AUTO_TEST_CASE(language_detection) {
  BOOST_TEST(meta(read("Tiêu đề\nĐây là một bài báo tiếng Việt về các hoạt động của người dân trong năm.\n").doc, "lang") == "vi");
  BOOST_TEST(meta(read("A headline\nThis is an article in English about the work of the people in the city.\n").doc, "lang") == "en");
  BOOST_TEST(meta(read("Un titre\nC'est un article en français sur les travaux des habitants de la ville et du pays.\n").doc, "lang") == "fr");
  BOOST_TEST(!has(read("Xyz\nQwerty zxcv.\n").doc, "lang"));
  auto given = read("A headline\nThis is an article in English about the work of the people.\n", {}, {}, {{"lang", "en-GB"}});
  BOOST_TEST(meta(given.doc, "lang") == "en-GB");
}

BOOST_AUTO_TEST_CASE(article_extension_off) {
  auto r = read(kSeed, {{"article", false}});
  BOOST_TEST(r.doc.meta.empty());
  BOOST_TEST(figures(r.doc) == 0u);
  BOOST_TEST(paras(r.doc) >= 5u);
}

BOOST_AUTO_TEST_CASE(extensions_listed) {
  auto ext = plain::reader_extensions();
  std::set<std::string> names;
  for (auto& e : ext) {
    names.insert(e.name);
    BOOST_TEST(e.default_on);
  }
  BOOST_TEST(names.count("smart") == 1u);
  BOOST_TEST(names.count("article") == 1u);
}

// ---------------- robustness ----------------

BOOST_AUTO_TEST_CASE(million_lines_quickly) {
  std::string big;
  big.reserve(40u << 20);
  for (int i = 0; i < 1000000; ++i) big += "Line number " + std::to_string(i) + " ends here.\n";
  auto t0 = std::chrono::steady_clock::now();
  auto r = read(big);
  auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  BOOST_TEST(r.doc.blocks.size() >= 999000u);
  BOOST_TEST(secs < 120.0);  // generous: shared CI machines; typically a few seconds
}

BOOST_AUTO_TEST_CASE(long_single_line_and_garbage) {
  std::string line;
  for (int i = 0; i < 200000; ++i) line += (i % 7 == 0) ? "\"x\" " : (i % 5 == 0 ? "a.B, " : "word ");
  auto r = read(line);
  BOOST_TEST(paras(r.doc) + (has(r.doc, "title") ? 1u : 0u) >= 1u);
  std::string junk;
  for (int i = 0; i < 100000; ++i) junk.push_back(char((i * 131) % 256));
  BOOST_CHECK_NO_THROW(read(junk));
  BOOST_CHECK_NO_THROW(read(std::string(1000, '"')));
  BOOST_CHECK_NO_THROW(read(std::string(1000, '\'')));
  BOOST_CHECK_NO_THROW(read("- \n1. \n./.\n/.\n"));
}

BOOST_AUTO_TEST_SUITE_END()
