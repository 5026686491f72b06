// Where an article's content came from, as the readers record it in the metadata:
// `warc` (the web archive's page and images: docs/WARC.md) and `fetch` (remote
// images fetched with --fetch-resources). Writers that have a place for it (EPUB's
// dcterms:provenance, print HTML's meta name="dcterms.provenance") write these
// statements; JSON keeps the keys whole (and so every bag's article.json).
#pragma once
#include <set>
#include <string>
#include <vector>

#include "galley/ast.hpp"

namespace galley {

// The provenance keys ("fetch", "warc").
const std::set<std::string>& provenance_keys();

// One sentence per source, page first, then each image in the metadata's order:
// "Web archive record <urn:uuid:...> (page.warc.gz, WARC-Target-URI https://...,
// WARC-Date ..., WARC-Payload-Digest sha1:..., digest check ok)". Empty when the
// document has neither key.
std::vector<std::string> provenance_statements(const Meta& meta);

}  // namespace galley
