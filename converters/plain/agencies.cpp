// The names of news agencies, outlets and press-release wires that a credit, a byline or a
// dateline may give ("(Reuters)", "Theo TTXVN", "/PRNewswire/"), and their look-up.
#include <string_view>
#include <vector>

#include "plain/article_detail.hpp"

namespace galley::plain::detail {

const std::vector<std::string_view>& agencies() {
  static const std::vector<std::string_view> v = {
      "Reuters", "AFP", "AP", "Associated Press", "Bloomberg", "BBC", "CNN", "Xinhua", "Tân Hoa Xã", "Kyodo",
      "Yonhap", "TTXVN", "VNA", "TTO", "PLO", "VOV", "VTV", "Dân trí", "Dân Trí", "NLĐ", "TN", "TT", "VnExpress",
      "Tuổi Trẻ", "Thanh Niên", "ANTĐ", "GDVN", "Zing", "VietNamNet", "Vietnamnet", "Infonet", "SGGP", "QĐND",
      "CAND", "ANTV", "Vietnam+", "VTC News", "Kênh14", "Lao Động", "LĐO", "DPA", "EFE", "ANSA", "PTI", "UPI",
      "Sputnik", "TASS", "RIA Novosti", "Al Jazeera", "NHK", "KCNA", "CNA", "Nikkei", "Politico", "Axios",
      // agencies of the European and Latin American press, and the press-release wires
      "dpa", "epd", "KNA", "AFX", "APA", "SDA", "Keystone-SDA", "ANP", "Belga", "Lusa", "Europa Press", "AGI",
      "Adnkronos", "Agência Brasil", "Agencia Brasil", "Notimex", "Télam", "Prensa Latina", "Xinhua News Agency",
      "Agence France-Presse", "Kyodo News", "Anadolu", "PAP", "ČTK", "MTI", "BTA", "IANS", "AAP", "Canadian Press",
      "Press Association", "PA Media", "PRNewswire", "PR Newswire", "Business Wire", "BUSINESS WIRE",
      "GLOBE NEWSWIRE", "GlobeNewswire", "Globe Newswire", "ACCESSWIRE", "Newswire", "Marketwired", "CNW"};
  return v;
}
bool is_agency(std::string_view s) {
  for (auto a : agencies())
    if (s == a) return true;
  return false;
}
// ASCII case folded: "DPA" and "dpa", "EFE" and "Efe"
bool is_agency_ci(std::string_view s) {
  for (auto a : agencies())
    if (eq_ci(s, a)) return true;
  return false;
}

std::string_view agency_prefix(std::string_view s) {
  std::string_view best;
  for (auto a : agencies())
    if (a.size() > best.size() && s.size() > a.size() + 1 && s.starts_with(a) && s[a.size()] == ' ') best = a;
  return best;
}

}  // namespace galley::plain::detail
