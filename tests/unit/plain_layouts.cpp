// The plain reader on press releases, wire copy and agency datelines, bylines and time
// stamps in other languages (issue 15); the labelled articles are tests/plain-layouts.
#include <boost/test/unit_test.hpp>

#include <string>

#include "galley/text.hpp"
#include "plain/plain.hpp"

using namespace galley;

BOOST_AUTO_TEST_SUITE(plain_layouts)
namespace {

Document read(std::string_view input) {
  Diagnostics diag;
  ReaderOptions o;
  return plain::make_reader()->read(input, o, diag);
}

std::string meta(const Document& d, const std::string& key) {
  auto it = d.meta.find(key);
  return it == d.meta.end() ? std::string("<absent>") : stringify(it->second);
}

std::string body(const Document& d) { return stringify(d.blocks); }

std::size_t count_paras(const Document& d) {
  std::size_t n = 0;
  for (auto& b : d.blocks) n += b.is<Para>();
  return n;
}

// Headline, then `line`, then a lede and a second paragraph.
Document with_header_line(const std::string& line, const std::string& lede =
                                                       "The council voted on Monday to keep the bridge closed to cars "
                                                       "for another year while engineers finish their survey.") {
  return read("Bridge stays closed to cars for another year\n" + line + "\n" + lede +
              "\n\nDrivers will have to use the ring road until the survey is complete.\n");
}

std::string date_of(const std::string& line) { return meta(with_header_line(line), "date"); }

}  // namespace

BOOST_AUTO_TEST_CASE(time_stamps_in_other_languages) {
  BOOST_TEST(date_of("25.11.2019, 13:38 Uhr") == "2019-11-25T13:38");
  BOOST_TEST(date_of("Montag, 25. November 2019, 13.38 Uhr") == "2019-11-25T13:38");
  BOOST_TEST(date_of("25 de noviembre de 2019") == "2019-11-25");
  BOOST_TEST(date_of("lunes, 25 de noviembre del 2019, 13:38 horas") == "2019-11-25T13:38");
  BOOST_TEST(date_of("25 de novembro de 2019, 14h20") == "2019-11-25T14:20");
  BOOST_TEST(date_of("25 novembre 2019") == "2019-11-25");
  BOOST_TEST(date_of("lunedì 25 novembre 2019 ore 13:38") == "2019-11-25T13:38");
  BOOST_TEST(date_of("25 november 2019, 09:15") == "2019-11-25T09:15");
  BOOST_TEST(date_of("maandag 25 maart 2019") == "2019-03-25");
  BOOST_TEST(date_of("25 dic 2019") == "2019-12-25");
  // "Aktualisiert", "Actualizado": the last update, not the publication
  auto d = with_header_line("Aktualisiert: 25.11.2019, 13:38 Uhr");
  BOOST_TEST(meta(d, "date") == "<absent>");
  BOOST_TEST(meta(d, "date-modified") == "2019-11-25T13:38");
}

BOOST_AUTO_TEST_CASE(a_date_without_a_year_is_never_a_date) {
  auto d = with_header_line("Nov. 25");
  BOOST_TEST(meta(d, "date") == "<absent>");
  BOOST_TEST(meta(d, "title") == "Bridge stays closed to cars for another year");
  BOOST_TEST(body(d).find("Nov. 25") == std::string::npos);
  auto w = read("Ships reroute after strait closure\nWASHINGTON, Nov. 25 (Reuters) - Several shipping companies "
                "said on Monday they would send tankers on longer routes.\n\nThe detour adds four days.\n");
  BOOST_TEST(meta(w, "date") == "<absent>");
  BOOST_TEST(meta(w, "dateline") == "WASHINGTON");
  BOOST_TEST(meta(w, "credit") == "Reuters");
}

BOOST_AUTO_TEST_CASE(bylines_in_other_languages) {
  BOOST_TEST(meta(with_header_line("Von Katrin Bauer"), "author") == "Katrin Bauer");
  BOOST_TEST(meta(with_header_line("Von Hans Müller und Lena Schmidt"), "author") == "Hans Müller, Lena Schmidt");
  BOOST_TEST(meta(with_header_line("Por Lucía Fernández"), "author") == "Lucía Fernández");
  BOOST_TEST(meta(with_header_line("Por Ana Costa, enviada especial a Brasília"), "author") == "Ana Costa");
  BOOST_TEST(meta(with_header_line("Door Sanne de Vries"), "author") == "Sanne de Vries");
  BOOST_TEST(meta(with_header_line("Di Marco Bellini"), "author") == "Marco Bellini");
  // a lower-case "di" byline under a long headline is not joined to it
  auto it = read("Riapre dopo tre anni il museo civico di archeologia della città\ndi Marco Bellini\n"
                 "ROMA (ANSA) - Il museo civico riapre al pubblico dopo tre anni di lavori.\n\nIl biglietto resta gratuito.\n");
  BOOST_TEST(meta(it, "title") == "Riapre dopo tre anni il museo civico di archeologia della città");
  BOOST_TEST(meta(it, "author") == "Marco Bellini");
  // headlines that begin like a byline stay headlines
  auto vdl = read("Von der Leyen warnt vor einem Handelskrieg mit den USA\nVon Katrin Bauer\n"
                  "Die Kommissionspräsidentin hat am Montag vor einem Handelskrieg gewarnt und neue Gespräche angeboten.\n\n"
                  "Die Zölle würden beiden Seiten schaden.\n");
  BOOST_TEST(meta(vdl, "title") == "Von der Leyen warnt vor einem Handelskrieg mit den USA");
  BOOST_TEST(meta(vdl, "author") == "Katrin Bauer");
}

BOOST_AUTO_TEST_CASE(agency_datelines) {
  struct Case {
    const char* lede;
    const char* dateline;
    const char* credit;
    const char* date;
    const char* rest;
  };
  const Case cases[] = {
      {"MADRID, 25 nov (EFE).- El Gobierno ha aprobado un plan.", "MADRID", "EFE", "<absent>", "El Gobierno"},
      {"Buenos Aires, 25 nov (EFE).- El Gobierno anunció un aumento.", "Buenos Aires", "EFE", "<absent>", "El Gobierno"},
      {"BERLIN (dpa) - Die Regierung hat beschlossen.", "BERLIN", "dpa", "<absent>", "Die Regierung"},
      {"Hamburg (dpa/lno) - Der Hafen meldet einen Rekord.", "Hamburg", "dpa/lno", "<absent>", "Der Hafen"},
      {"PARIS (AFP) - Le gouvernement a annoncé mardi.", "PARIS", "AFP", "<absent>", "Le gouvernement"},
      {"(ANSA) - GENOVA, 25 NOV - La protezione civile ha diramato l'allerta.", "GENOVA", "ANSA", "<absent>", "La protezione"},
      {"Lisboa, 25 nov 2019 (Lusa) - A câmara anunciou hoje.", "Lisboa", "Lusa", "2019-11-25", "A câmara"},
      {"MADRID, 25 (EUROPA PRESS) - El Congreso ha aprobado.", "MADRID", "EUROPA PRESS", "<absent>", "El Congreso"},
      {"PORTLAND, Ore. — March 12, 2021 — Riverside Clinic will open.", "PORTLAND, Ore.", "<absent>", "2021-03-12", "Riverside"},
      {"NEW YORK, NY (March 3, 2022) – The library will open.", "NEW YORK, NY", "<absent>", "2022-03-03", "The library"},
      {"AUSTIN, Texas, June 8, 2021 /PRNewswire/ -- Lumenfield said.", "AUSTIN, Texas", "PRNewswire", "2021-06-08", "Lumenfield"},
      {"SAN FRANCISCO--(BUSINESS WIRE)--Harbor Mutual named a new chief.", "SAN FRANCISCO", "BUSINESS WIRE", "<absent>", "Harbor"},
      {"NEW YORK, March 12, 2021 (GLOBE NEWSWIRE) -- Acme said today.", "NEW YORK", "GLOBE NEWSWIRE", "2021-03-12", "Acme"},
      {"Roma, 25 novembre 2019 - Il ministro ha incontrato i sindacati.", "Roma", "<absent>", "2019-11-25", "Il ministro"},
      {"Stuttgart - Der Gemeinderat hat am Montag beschlossen.", "Stuttgart", "<absent>", "<absent>", "Der Gemeinderat"},
  };
  for (auto& c : cases) {
    auto d = read(std::string("Ein Titel über eine Nachricht aus der Stadt\n") + c.lede + "\n\nZweiter Absatz hier.\n");
    BOOST_TEST_CONTEXT(c.lede) {
      BOOST_TEST(meta(d, "dateline") == c.dateline);
      BOOST_TEST(meta(d, "credit") == c.credit);
      BOOST_TEST(meta(d, "date") == c.date);
      BOOST_TEST(meta(d, "abstract").rfind(c.rest, 0) == 0);
    }
  }
  // hyphenated words and dashes inside the sentence are not datelines
  auto h = read("Founder steps down\nBy Alan Cole\nMarch 15, 2021\nPre-tax profits at the well-known firm fell by a "
                "third - the first fall in a decade - as costs rose.\n\nThe founder said it was time.\n");
  BOOST_TEST(meta(h, "dateline") == "<absent>");
  BOOST_TEST(meta(h, "abstract").rfind("Pre-tax profits", 0) == 0);
}

BOOST_AUTO_TEST_CASE(press_release_furniture) {
  auto d = read(
      "FOR IMMEDIATE RELEASE\n\nContact: Jane Doe\n(212) 555-0100\njane@acme.example\n\n"
      "Acme Unveils Quieter Leaf Blower\n\n"
      "Portland, Oregon — March 12, 2021 — Acme Tools today introduced a battery leaf blower for city parks.\n\n"
      "The blower runs for ninety minutes on a charge.\n\n"
      "About Acme Tools\n\nAcme Tools makes garden equipment in Oregon.\n\n###\n\nMedia contact: Sam Lee, sam@acme.example\n");
  BOOST_TEST(meta(d, "title") == "Acme Unveils Quieter Leaf Blower");
  BOOST_TEST(meta(d, "dateline") == "Portland, Oregon");
  BOOST_TEST(meta(d, "date") == "2021-03-12");
  BOOST_TEST(count_paras(d) == 1u);
  for (const char* gone : {"RELEASE", "Jane", "555", "About Acme", "garden equipment", "###", "Sam Lee"})
    BOOST_TEST_CONTEXT(gone) { BOOST_TEST(body(d).find(gone) == std::string::npos); }
  // "-30-", "ENDS": the end of the copy; an embargo line is not the date
  auto e = read("EMBARGOED UNTIL 00:01 GMT, 4 May 2022\n\nTowns share flood fund\n\n"
                "BRIGHTON, 3 May 2022 – Ten towns will share a fund, the trust said.\n\nEach town gets up to £400,000.\n\n"
                "ENDS\n\nNotes to editors\n\nThe trust is a charity.\n");
  BOOST_TEST(meta(e, "date") == "2022-05-03");
  BOOST_TEST(body(e).find("ENDS") == std::string::npos);
  BOOST_TEST(body(e).find("charity") == std::string::npos);
  // "About" in an ordinary article's last sections stays
  auto a = read("Contact tracing app reaches a million downloads\nBy Priya Raman\n"
                "The government's contact tracing app has been downloaded a million times, officials said.\n\n"
                "It uses Bluetooth to find nearby phones.\n\nAbout the app\n\nThe app was built by twelve engineers.\n\n"
                "It will be updated next month.\n");
  BOOST_TEST(body(a).find("About the app") != std::string::npos);
  BOOST_TEST(body(a).find("twelve engineers") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(wire_copy) {
  auto d = read("BC-US--Weather-Floods, 1st Ld-Writethru\nEds: UPDATES with river levels.\n"
                "Floods close roads across three counties\nBy MARIA DELGADO\nAP Science Writer\n"
                "DAVENPORT, Iowa (AP) — The Mississippi River crested above flood stage on Saturday.\n\n"
                "The river reached 21.6 feet at Davenport.\n\n___\n\n"
                "Associated Press writer Tom Hale in Des Moines contributed to this report.\n\n"
                "Copyright 2021 The Associated Press. All rights reserved.\n");
  BOOST_TEST(meta(d, "title") == "Floods close roads across three counties");
  BOOST_TEST(meta(d, "author") == "MARIA DELGADO");
  {
    auto l = d.meta.at("author").as<MetaList>();
    BOOST_REQUIRE(l && l->items.size() == 1u);
    auto m = l->items[0].as<MetaMap>();  // name and affiliation
    BOOST_REQUIRE(m);
    BOOST_TEST(stringify(m->entries.at("affiliation")) == "AP Science Writer");
  }
  BOOST_TEST(meta(d, "credit") == "AP");
  BOOST_TEST(meta(d, "dateline") == "DAVENPORT, Iowa");
  BOOST_TEST(meta(d, "rights") == "Copyright 2021 The Associated Press. All rights reserved.");
  BOOST_TEST(body(d).find("contributed to this report") != std::string::npos);
  BOOST_TEST(body(d).find("___") == std::string::npos);
  BOOST_TEST(body(d).find("Writethru") == std::string::npos);
  std::size_t rules = 0;
  for (auto& b : d.blocks) rules += b.is<HorizontalRule>();
  BOOST_TEST(rules == 1u);
  // Reuters version prefixes leave the headline; a story-type prefix is the kicker
  auto r = read("UPDATE 2-Oil falls as supply fears ease\nLONDON, Nov 25 (Reuters) - Oil prices fell on Monday.\n\nBrent fell.\n");
  BOOST_TEST(meta(r, "title") == "Oil falls as supply fears ease");
  auto x = read("EXCLUSIVE-Carmaker weighs sale of battery unit\nLONDON (Reuters) - A carmaker is weighing a sale.\n\nMore.\n");
  BOOST_TEST(meta(x, "title") == "Carmaker weighs sale of battery unit");
  BOOST_TEST(meta(x, "subject") == "EXCLUSIVE");
}

BOOST_AUTO_TEST_CASE(languages) {
  auto lang = [](const char* text) { return meta(read(text), "lang"); };
  BOOST_TEST(lang("Câmara alarga horário\nA câmara municipal anunciou hoje que os autocarros noturnos vão circular até "
                  "às três da manhã, uma medida pedida há vários anos pelos trabalhadores do setor.\n") == "pt");
  BOOST_TEST(lang("Riapre il museo\nIl museo civico di archeologia riapre al pubblico dopo tre anni di lavori, con un "
                  "nuovo percorso che raccoglie oltre duemila reperti della città.\n") == "it");
  BOOST_TEST(lang("Meer geld voor jeugdzorg\nHet kabinet trekt volgend jaar extra geld uit voor de jeugdzorg. Gemeenten "
                  "krijgen samen driehonderd miljoen euro om de wachtlijsten korter te maken.\n") == "nl");
  BOOST_TEST(lang("Plan de viviendas\nEl Consejo de Ministros ha aprobado este lunes un plan de ayudas para rehabilitar "
                  "edificios de viviendas construidos antes de 1980, con el objetivo de reducir su consumo.\n") == "es");
  BOOST_TEST(lang("Neues Klimagesetz\nDer Bundestag hat am Montag ein neues Klimagesetz beschlossen. Es soll den Ausstoß "
                  "von Treibhausgasen bis 2030 deutlich senken, sagte die Ministerin.\n") == "de");
}

BOOST_AUTO_TEST_SUITE_END()
