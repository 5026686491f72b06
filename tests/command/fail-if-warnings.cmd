% printf 'Headline here\n\nBody with a bad byte \377 in it.\n' | galley -f plain -t plain --fail-if-warnings
>>> exit 6
>>> stderr-contains
[WARNING]
Failing because there were
