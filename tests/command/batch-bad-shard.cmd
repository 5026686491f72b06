% printf 'x\n' > a.txt && galley a.txt --output-dir out --shard 4/3
>>> exit 2
>>> stderr-contains
--shard must be K/N with 1 <= K <= N, not '4/3'
