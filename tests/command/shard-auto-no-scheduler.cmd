% printf 'x\n' > a.txt && env -u SLURM_ARRAY_TASK_ID -u JOB_COMPLETION_INDEX galley a.txt --output-dir out --shard auto
>>> exit 2
>>> stderr-contains
--shard auto: no scheduler's task number in the environment
