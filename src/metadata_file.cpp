#include "galley/metadata_file.hpp"

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include "galley/builder.hpp"
#include "galley/error.hpp"
#include "galley/io.hpp"

namespace galley {

namespace {

MetaValue from_yaml(const YAML::Node& n, int depth, const ScalarReader& scalar) {
  if (depth > 100) throw InputError("galley.metadata.parse", "metadata nested too deeply");
  switch (n.Type()) {
    case YAML::NodeType::Sequence: {
      MetaList l;
      for (auto it = n.begin(); it != n.end(); ++it) l.items.push_back(from_yaml(*it, depth + 1, scalar));
      return l;
    }
    case YAML::NodeType::Map: {
      MetaMap m;
      for (auto it = n.begin(); it != n.end(); ++it) m.entries[it->first.as<std::string>()] = from_yaml(it->second, depth + 1, scalar);
      return m;
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = n.Scalar();
      if (n.Tag() != "!") {  // unquoted
        if (s == "true" || s == "True" || s == "TRUE") return MetaBool{true};
        if (s == "false" || s == "False" || s == "FALSE") return MetaBool{false};
      }
      return scalar ? scalar(s) : MetaValue{MetaInlines{text(s)}};
    }
    default: return MetaString{""};
  }
}

MetaValue from_json(const nlohmann::json& j, int depth) {
  if (depth > 100) throw InputError("galley.metadata.parse", "metadata nested too deeply");
  if (j.is_array()) {
    MetaList l;
    for (auto& x : j) l.items.push_back(from_json(x, depth + 1));
    return l;
  }
  if (j.is_object()) {
    MetaMap m;
    for (auto it = j.begin(); it != j.end(); ++it) m.entries[it.key()] = from_json(it.value(), depth + 1);
    return m;
  }
  if (j.is_boolean()) return MetaBool{j.get<bool>()};
  if (j.is_string()) return MetaInlines{text(j.get<std::string>())};
  if (j.is_null()) return MetaString{""};
  return MetaString{j.dump()};
}

}  // namespace

Meta read_metadata_file(const std::string& path) {
  std::string data = read_file(path, 16 << 20);
  std::size_t i = 0;
  while (i < data.size() && std::isspace(static_cast<unsigned char>(data[i]))) ++i;
  MetaValue root;
  try {
    if (i < data.size() && data[i] == '{') root = from_json(nlohmann::json::parse(data), 0);
    else {
      // A YAML file may be a pandoc-style block "---\n...\n..." or plain YAML.
      YAML::Node n = YAML::Load(data);
      root = from_yaml(n, 0, nullptr);
    }
  } catch (const nlohmann::json::exception& e) {
    throw InputError("galley.metadata.parse", path + ": " + e.what());
  } catch (const YAML::Exception& e) {
    throw InputError("galley.metadata.parse", path + ": " + e.what());
  }
  if (auto m = root.as<MetaMap>()) return m->entries;
  if (root.is<MetaString>()) return {};
  throw InputError("galley.metadata.parse", path + ": metadata must be a mapping of keys to values");
}

Meta parse_metadata_yaml(const std::string& yaml, const ScalarReader& scalar, const std::string& what) {
  MetaValue root;
  try {
    root = from_yaml(YAML::Load(yaml), 0, scalar);
  } catch (const YAML::Exception& e) {
    throw InputError("galley.metadata.parse", what + ": " + e.what());
  }
  if (auto m = root.as<MetaMap>()) return m->entries;
  if (root.is<MetaString>()) return {};
  throw InputError("galley.metadata.parse", what + ": metadata must be a mapping of keys to values");
}

MetaValue metadata_option_value(const std::string& value) {
  if (value == "true") return MetaBool{true};
  if (value == "false") return MetaBool{false};
  return MetaString{value};
}

}  // namespace galley
