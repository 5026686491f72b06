// The picture candidates a page's markup offers, so that the warc reader can embed
// the one the archive holds: each <img> with its src, lazy-load attributes
// (data-src, ...) and srcset/data-srcset entries is one group, and a <picture>'s
// <source srcset> entries join the group of its <img>. The html reader picks one
// URL per picture from the markup alone; the archive may hold another (a crawler
// fetches one size of a srcset). URLs resolved against the page (its <base href>
// first) and normalised (galley::normalise_resource_url).
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace galley::warc {

struct Candidate {
  std::string url;     // absolute, as resolved (not normalised)
  double score = 0;    // "800w" 800, "2x" 2000, a srcset entry without descriptor 1000, src and lazy attributes 0
};

class Candidates {
 public:
  Candidates(std::string_view html, const std::string& page_url);
  // The group of the picture whose candidates include `url` (resolved against
  // the page), best score first (markup order among equals); nullptr when `url`
  // is in no group with more than one candidate.
  const std::vector<Candidate>* group_of(std::string_view url) const;
  std::size_t groups() const { return groups_.size(); }

 private:
  std::vector<std::vector<Candidate>> groups_;
  std::map<std::string, std::size_t, std::less<>> by_url_;  // normalised URL -> group
  std::string base_;
};

// srcset's entries as (URL, score) in order ("a.jpg 800w, b.jpg 2x").
std::vector<std::pair<std::string, double>> srcset_entries(std::string_view srcset);

}  // namespace galley::warc
