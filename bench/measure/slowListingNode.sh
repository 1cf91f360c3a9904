#!/bin/sh
# Runs Node with every directory listing (the getdents64 system call) held back DELAY_US
# microseconds (default 1000), as on a network share or a disk under an on-access scanner:
#   node out/bench/run.js --sizes 100 --scenarios none --no-cli --shapes nested \
#     --server-node bench/measure/slowListingNode.sh
# Needs strace 5.3 or later (delay injection, seccomp filtering). Only the server's listings are
# slowed: the floor, measured in the bench's own process, is not.
exec strace -f --seccomp-bpf -e trace=getdents64 -e inject=getdents64:delay_enter="${DELAY_US:-1000}" -o /dev/null node "$@"
