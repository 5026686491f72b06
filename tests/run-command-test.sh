#!/usr/bin/env bash
# Runs one command test (tests/command/NAME.cmd). Format, one section per marker:
#   % COMMAND            shell command; "galley" means the binary under test
#   <<<                  standard input follows (until the next marker)
#   >>> stdout           expected standard output, exactly
#   >>> stdout-contains  each following line must appear in standard output
#   >>> stderr-contains  each following line must appear in standard error
#   >>> exit N           expected exit status
# The command runs in a fresh temporary folder, with FIXTURES pointing at tests/command/fixtures.
exec python3 "$(dirname "$0")/run_command_test.py" "$@"
