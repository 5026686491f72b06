#!/usr/bin/env bash
# The command line knows no format (issue: one pipeline in the library): no
# reader or writer name or alias appears as a string literal in src/cli/
# ("json", "jats,epub", "html+extract", == "plain" ...). Extensions, output
# suffixes, default formats and format lists come from the registry.
set -u
source "$(dirname "$0")/lib.sh"
need python3
python3 - "$SRC" "$GALLEY" <<'PY'
import glob, re, subprocess, sys
src, galley = sys.argv[1:3]
names = set()
for flag in ("--list-input-formats", "--list-output-formats"):
    names |= set(subprocess.run([galley, flag], capture_output=True, text=True, check=True).stdout.split())
# Aliases: the parenthesised words of --help's format lines.
help_text = subprocess.run([galley, "--help"], capture_output=True, text=True, check=True).stdout
fmt_lines = help_text.split("-o, --output")[0]
names |= set(re.findall(r"\(([a-z0-9_]+)", fmt_lines)) | set(re.findall(r", ([a-z0-9_]+)\)", fmt_lines))
names |= {"text", "epub", "jats", "html", "html5", "xhtml"} & set(re.findall(r"[a-z0-9_]+", fmt_lines))
assert {"json", "plain", "html", "epub3", "jats_archiving"} <= names, names
alt = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
literal = re.compile(r'"(?:[^"\\\n]|\\.)*"')
fmt = re.compile(rf'^(?:[.]?)(?:{alt})(?:[+\-,][a-z0-9_+\-,]*)?$|(?:^|,)(?:{alt})(?:,|$)')
options = set(re.findall(r"--([a-z][a-z0-9-]+)", help_text))  # "epub-cover-image" is an option's name
found = []
for path in sorted(glob.glob(f"{src}/src/cli/*.cpp") + glob.glob(f"{src}/src/cli/*.hpp")):
    text = open(path, encoding="utf-8").read()
    # Raw strings (the help text) are prose, filled from the registry; comments are prose.
    text = re.sub(r'R"\((.|\n)*?\)"', '""', text)
    text = re.sub(r"//[^\n]*", "", text)
    for n, line in enumerate(text.split("\n"), 1):
        for lit in literal.findall(line):
            body = lit[1:-1]
            if body not in options and fmt.search(body):
                found.append(f"{path.split('/src/')[-1]}:{n}: {lit}")
for f in found:
    print("FAIL: format name in the CLI:", f)
if found:
    sys.exit(1)
print(f"cli: no format name ({len(names)} names and aliases) in src/cli string literals")
PY
