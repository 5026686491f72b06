import os, subprocess, sys, tempfile

def parse(path):
    sections, cur, name = {}, None, None
    for line in open(path, encoding="utf-8").read().split("\n"):
        if line.startswith("% "):
            sections["command"] = line[2:]; cur = None; continue
        if line == "<<<" or line.startswith(">>> "):
            name = "stdin" if line == "<<<" else line[4:].strip()
            if name.startswith("exit"):
                sections["exit"] = int(name.split()[1]); cur = None; continue
            cur = sections.setdefault(name, []); continue
        if cur is not None:
            cur.append(line)
    return sections

def main():
    case = sys.argv[1]
    s = parse(case)
    galley = os.environ["GALLEY"]
    env = dict(os.environ, FIXTURES=os.path.join(os.path.dirname(os.path.abspath(case)), "fixtures"))
    stdin = "\n".join(s.get("stdin", [])) + ("\n" if s.get("stdin") else "")
    with tempfile.TemporaryDirectory() as tmp:
        cmd = s["command"].replace("galley ", galley + " ", ).replace("| galley", "| " + galley)
        if cmd.startswith("galley"): cmd = galley + cmd[len("galley"):]
        p = subprocess.run(["bash", "-c", cmd], input=stdin.encode(), capture_output=True, cwd=tmp, env=env, timeout=100)
    out, err = p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    ok = True
    def fail(msg):
        nonlocal ok
        ok = False
        print("FAIL:", msg)
    if "exit" in s and p.returncode != s["exit"]:
        fail(f"exit status {p.returncode}, expected {s['exit']}")
    if "exit" not in s and p.returncode != 0:
        fail(f"exit status {p.returncode}, expected 0")
    if "stdout" in s:
        want = "\n".join(s["stdout"]).rstrip("\n") + "\n"
        if out.rstrip("\n") + "\n" != want:
            fail("stdout differs:\n--- expected\n" + want + "--- got\n" + out)
    for line in s.get("stdout-contains", []):
        if line and line not in out: fail(f"stdout lacks {line!r}")
    for line in s.get("stderr-contains", []):
        if line and line not in err: fail(f"stderr lacks {line!r}")
    if not ok:
        print("--- stderr\n" + err)
        sys.exit(1)
    print("ok", os.path.basename(case))

main()
