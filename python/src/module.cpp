// galley._galley: the Python module's compiled part, on the C ABI (galley/galley.h).
// Python objects are checked and turned into galley_options here, with the GIL held;
// the conversion itself runs with the GIL released, so threads convert in parallel.
// Every failure becomes a galley.Error subclass carrying the stable id.
#include <pybind11/pybind11.h>

#include <string>
#include <vector>

#include "galley/galley.h"

namespace py = pybind11;

namespace {

// The exception classes (made in PYBIND11_MODULE below), indexed by galley_status.
struct Errors {
  py::handle base, usage, input, output, filter, cancelled, internal, warning;
  py::handle for_status(int status) const {
    switch (status) {
      case GALLEY_ERROR_USAGE: return usage;
      case GALLEY_ERROR_INPUT: return input;
      case GALLEY_ERROR_OUTPUT: return output;
      case GALLEY_ERROR_FILTER: return filter;
      case GALLEY_ERROR_CANCELLED: return cancelled;
      default: return internal;
    }
  }
};
Errors errors;

// A message from galley as str. Messages may quote the input, and the input may not
// be valid UTF-8: replacement characters there, never an exception.
py::str message_text(const std::string& s) {
  return py::reinterpret_steal<py::str>(PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace"));
}

// Raised as a Python exception by raise_galley (py::error_already_set carries it out).
[[noreturn]] void raise_galley(py::handle cls, const std::string& id, const std::string& message) {
  py::object exc = cls(message_text("[" + id + "] " + message));
  exc.attr("id") = message_text(id);
  exc.attr("message") = message_text(message);
  PyErr_SetObject(cls.ptr(), exc.ptr());
  throw py::error_already_set();
}

[[noreturn]] void usage(const std::string& id, const std::string& message) { raise_galley(errors.usage, id, message); }

// A Python str as UTF-8 (lone surrogates cannot be: an InputError, not a crash).
std::string utf8(py::handle s, const char* what) {
  Py_ssize_t n = 0;
  const char* p = PyUnicode_AsUTF8AndSize(s.ptr(), &n);
  if (!p) {
    PyErr_Clear();
    raise_galley(errors.input, "galley.python.utf8", std::string(what) + " is not valid Unicode (lone surrogates)");
  }
  return std::string(p, static_cast<std::size_t>(n));
}

// An option's value as the C ABI's text: str as is, bool as true/false, int as digits.
std::string option_text(py::handle v, const std::string& what) {
  if (PyUnicode_Check(v.ptr())) return utf8(v, what.c_str());
  if (PyBool_Check(v.ptr())) return v.ptr() == Py_True ? "true" : "false";
  if (PyLong_Check(v.ptr())) return py::str(v);
  usage("galley.python.type", what + " must be str, bool or int, not " + std::string(py::str(v.get_type().attr("__name__"))));
}

// A path (str or os.PathLike) as text.
std::string path_text(py::handle v, const char* what) {
  py::object p = py::reinterpret_steal<py::object>(PyOS_FSPath(v.ptr()));
  if (!p || !PyUnicode_Check(p.ptr())) {
    PyErr_Clear();
    usage("galley.python.type", std::string(what) + " must be a str path");
  }
  return utf8(p, what);
}

// Owns a galley_options for one call.
struct Options {
  galley_options* p = galley_options_new();
  Options() {
    if (!p) throw std::bad_alloc();
  }
  ~Options() { galley_options_free(p); }
  Options(const Options&) = delete;
  Options& operator=(const Options&) = delete;
  void check(int status, const std::string& what) {
    if (status != GALLEY_OK) usage("galley.capi.option", "bad value for " + what);
  }
  void set(const std::string& key, const std::string& value) { check(galley_options_set(p, key.c_str(), value.c_str()), key); }
};

// A mapping of str keys to values (metadata=, variables=), each through `add`.
template <class Add>
void each_pair(py::handle mapping, const char* what, Add add) {
  if (mapping.is_none()) return;
  if (!PyDict_Check(mapping.ptr())) usage("galley.python.type", std::string(what) + " must be a dict");
  for (auto [k, v] : py::reinterpret_borrow<py::dict>(mapping)) {
    if (!PyUnicode_Check(k.ptr())) usage("galley.python.type", std::string(what) + " keys must be str");
    std::string key = utf8(k, what);
    add(key, option_text(v, std::string(what) + "[" + key + "]"));
  }
}

// The input's bytes: bytes are used in place (immutable, kept alive by the caller's
// reference while the GIL is released); str is encoded; other buffers are copied,
// since another thread could change them during the conversion.
struct Input {
  std::string copy;
  const char* data = nullptr;
  std::size_t size = 0;
  explicit Input(py::handle obj) {
    if (PyBytes_Check(obj.ptr())) {
      data = PyBytes_AS_STRING(obj.ptr());
      size = static_cast<std::size_t>(PyBytes_GET_SIZE(obj.ptr()));
      return;
    }
    if (PyUnicode_Check(obj.ptr())) {
      copy = utf8(obj, "data");
    } else if (PyObject_CheckBuffer(obj.ptr())) {
      py::buffer_info info = py::reinterpret_borrow<py::buffer>(obj).request();
      if (info.ndim > 1 || (info.ndim == 1 && info.strides[0] != info.itemsize))
        usage("galley.python.type", "data must be a contiguous buffer");
      copy.assign(static_cast<const char*>(info.ptr), static_cast<std::size_t>(info.size * info.itemsize));
    } else {
      usage("galley.python.type", "data must be bytes or str, not " + std::string(py::str(obj.get_type().attr("__name__"))));
    }
    data = copy.data();
    size = copy.size();
  }
};

// The result's warnings, as galley.ConversionWarning objects: appended to `sink` when
// it is a list, else issued through Python's warnings module.
void report_warnings(const galley_result* r, py::handle sink) {
  std::size_t n = galley_result_warning_count(r);
  if (!n) return;
  py::object warn;
  if (!PyList_Check(sink.ptr())) warn = py::module_::import("warnings").attr("warn");
  for (std::size_t i = 0; i < n; ++i) {
    std::string kind = galley_result_warning_kind(r, i), message = galley_result_warning_message(r, i);
    py::object w = errors.warning(message_text("[" + kind + "] " + message));
    w.attr("kind") = message_text(kind);
    w.attr("message") = message_text(message);
    if (warn) warn(w, py::arg("stacklevel") = 2);
    else py::reinterpret_borrow<py::list>(sink).append(w);
  }
}

py::object convert(py::handle data, py::handle from, py::handle to, py::handle metadata, py::handle variables,
                   py::handle source_url, py::handle resource_root, py::handle filters, py::handle options,
                   py::handle warnings) {
  Options o;
  if (!from.is_none()) o.set("from", option_text(from, "from_"));
  if (!to.is_none()) o.set("to", option_text(to, "to"));
  each_pair(metadata, "metadata", [&](const std::string& k, const std::string& v) {
    o.check(galley_options_add_metadata(o.p, k.c_str(), v.c_str()), "metadata[" + k + "]");
  });
  each_pair(variables, "variables", [&](const std::string& k, const std::string& v) {
    o.check(galley_options_add_variable(o.p, k.c_str(), v.c_str()), "variables[" + k + "]");
  });
  if (!source_url.is_none()) o.set("source-url", option_text(source_url, "source_url"));
  if (!resource_root.is_none()) o.set("resource-root", path_text(resource_root, "resource_root"));
  if (!filters.is_none()) {
    if (!PyList_Check(filters.ptr()) && !PyTuple_Check(filters.ptr()))
      usage("galley.python.type", "filters must be a list of programs");
    for (auto f : filters) o.set("filter", path_text(f, "filters"));
  }
  // options={"standalone": True, "css": ["a.css"], ...}: the C ABI's keys ('_' or '-').
  if (!options.is_none() && !PyDict_Check(options.ptr())) usage("galley.python.type", "options must be a dict");
  if (!options.is_none())
    for (auto [k, v] : py::reinterpret_borrow<py::dict>(options)) {
      if (!PyUnicode_Check(k.ptr())) usage("galley.python.type", "options keys must be str");
      std::string key = utf8(k, "options");
      for (auto& c : key) if (c == '_') c = '-';
      if (PyList_Check(v.ptr()) || PyTuple_Check(v.ptr())) {
        for (auto item : v) o.set(key, option_text(item, "options[" + key + "]"));
      } else {
        o.set(key, option_text(v, "options[" + key + "]"));
      }
    }
  if (!warnings.is_none() && !PyList_Check(warnings.ptr())) usage("galley.python.type", "warnings must be a list");
  Input in(data);
  galley_result* r = nullptr;
  int status;
  {
    py::gil_scoped_release unlocked;
    status = galley_convert(nullptr, o.p, in.data, in.size, &r);
  }
  if (!r) throw std::bad_alloc();
  struct Free { galley_result* r; ~Free() { galley_result_free(r); } } owner{r};
  report_warnings(r, warnings);
  if (status != GALLEY_OK)
    raise_galley(errors.for_status(status), galley_result_error_id(r), galley_result_error_message(r));
  std::size_t n = 0;
  const char* out = galley_result_output(r, &n);
  if (galley_result_is_binary(r)) return py::bytes(out, n);
  PyObject* text = PyUnicode_DecodeUTF8(out, static_cast<Py_ssize_t>(n), "strict");
  if (!text) {
    PyErr_Clear();
    raise_galley(errors.output, "galley.python.utf8", "the writer's output is not valid UTF-8");
  }
  return py::reinterpret_steal<py::object>(text);
}

py::handle new_class(py::module_& m, const char* name, py::handle base, const char* doc) {
  std::string qualified = std::string("galley.") + name;
  PyObject* cls = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, base.ptr(), nullptr);
  if (!cls) throw py::error_already_set();
  m.attr(name) = py::handle(cls);  // the module keeps a reference; so does `errors`
  return cls;
}

}  // namespace

PYBIND11_MODULE(_galley, m) {
  m.doc() = "galley's compiled part; use the galley package (import galley).";
  if (galley_abi_version() != GALLEY_ABI_VERSION) throw std::runtime_error("galley: C ABI version mismatch");
  errors.base = new_class(m, "Error", PyExc_Exception,
                          "A failed conversion. `id` is the stable error id (galley.<area>.<what>), `message` the text.");
  errors.usage = new_class(m, "UsageError", errors.base, "Unknown format or option, or an argument of the wrong type.");
  errors.input = new_class(m, "InputError", errors.base, "The input cannot be read as the format (or is too large).");
  errors.output = new_class(m, "OutputError", errors.base, "The writer cannot write this document.");
  errors.filter = new_class(m, "FilterError", errors.base, "A Pandoc JSON filter failed.");
  errors.cancelled = new_class(m, "CancelledError", errors.base, "The conversion was cancelled.");
  errors.internal = new_class(m, "InternalError", errors.base, "A bug in galley, or out of memory.");
  errors.warning = new_class(m, "ConversionWarning", PyExc_UserWarning,
                             "Content lost or rewritten. `kind` is a stable word (lost-content, rewritten-id, ...).");
  m.attr("__version__") = galley_version();
  m.attr("abi_version") = galley_abi_version();
  m.def("convert", &convert, py::arg("data"), py::arg("from_") = "html+extract", py::arg("to") = "epub",
        py::kw_only(), py::arg("metadata") = py::none(), py::arg("variables") = py::none(),
        py::arg("source_url") = py::none(), py::arg("resource_root") = py::none(), py::arg("filters") = py::none(),
        py::arg("options") = py::none(), py::arg("warnings") = py::none(),
        "Converts one article. `data` is bytes (or another buffer) or str (encoded as UTF-8).\n"
        "from_, to: format specs as the command's -f and -t (\"html+extract\", \"jats_publishing\",\n"
        "\"markdown-smart\"); from_=None guesses from options[\"input-name\"].\n"
        "metadata: {key: str | bool} as -M (later wins over the document's own); variables:\n"
        "{key: str} as -V; source_url: base URL of relative links; resource_root: the only\n"
        "folder local files are read from (default: the current folder); filters: Pandoc JSON\n"
        "filter programs, run in order. options: any other setting by the command's long\n"
        "option name (standalone, columns, wrap, toc, split-level, css, epub-cover-image,\n"
        "pandoc-api, max-input-size, max-nesting, input-name, encoding, source-date-epoch, ...),\n"
        "values str, bool, int or a list of them for repeated options. warnings: a list that\n"
        "receives the ConversionWarning objects instead of Python's warnings module.\n"
        "Returns bytes for binary writers, str for text writers; raises galley.Error.\n");
  m.def("formats_json", [] {
    char* p = galley_formats_json(nullptr);
    if (!p) throw std::bad_alloc();
    py::str s(p);
    galley_free(p);
    return s;
  }, "The built-in readers and writers as JSON text.");
}
