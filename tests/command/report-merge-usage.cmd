% galley report
>>> exit 2
>>> stderr-contains
galley report: the one action is merge
usage: galley report merge [-o MERGED.json] REPORT.json...
