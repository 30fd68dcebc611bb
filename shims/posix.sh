#!/bin/sh
# Shim for "@@EXE@@" of @@TOOL@@, written by `tool`; edits are overwritten. shim-version @@SHIM_VERSION@@
# Fast path without Node: the spec comes from the TOOL_*_VERSION variables, else the nearest .tools
# naming the tool (walking up from $PWD; its .tools.lock, if any, fixes the version), else the global selection. The index the
# CLI precomputes maps each spec to a version directory, so one test -x finds it.
# Anything unusual (unknown spec, missing version, bad line) hands over to the CLI.
h=@@HOME@@
i=$h/index/@@DIR@@
# A tool that runs its own name, or a PATH that leads back here, would loop through this shim:
# count the nesting (an exported counter every shim shares) and stop at 32.
case ${TOOL_SHIM_DEPTH:-0} in *[!0-9]*) TOOL_SHIM_DEPTH=0 ;; esac
TOOL_SHIM_DEPTH=$((${TOOL_SHIM_DEPTH:-0} + 1)); export TOOL_SHIM_DEPTH
[ "$TOOL_SHIM_DEPTH" -le 32 ] || { echo "tool: @@EXE@@ came through its shim 32 times nested, a loop: a tool that runs its own name, or a PATH that leads back to the shims. Check what @@EXE@@ runs and PATH" >&2; exit 126; }
@@AUTO@@
s=@@ENVREAD@@ b= f=
if [ -z "$s" ]; then
  set -f
  # m NAME SPEC...: when NAME is this tool, s=SPEC (or b=1 if the line has no spec).
  m() { case $1 in @@PATTERNS@@) [ $# -gt 1 ] || { b=1; return 0; }; shift; s=$*; return 0 ;; esac; return 1; }
  d=$PWD
  while :; do
    if [ -f "$d/.tools" ]; then
      while IFS= read -r l || [ -n "$l" ]; do
        l=${l%"@@CR@@"}
        m ${l%%#*} && break
      done <"$d/.tools"
      [ -z "$s$b" ] || { f=$d; break; }
    fi
    [ -n "$d" ] && [ "$d" != / ] || break
    d=${d%/*}
  done
  set +f
  [ -z "$b" ] || s=
fi
# t: the index entry to run. The global one only while global.tools is not newer than this
# tool's index (a hand edit); specs the index cannot hold go to the CLI.
t=
case $s in
  '') [ -n "$b" ] || [ "$h/global.tools" -nt "$i/.stamp" ] || t=$i/@global ;;
  .* | @* | */*) ;;
  *) t=$i/$s
    # A .tools.lock beside that .tools decides the version: the CLI's locked index for that
    # directory, unless the lock or .tools changed since it was written (then the CLI decides).
    if [ -n "$f" ] && [ -f "$f/.tools.lock" ]; then
      k=$h/locked$f/.tools
      if [ "$f/.tools.lock" -nt "$k/.stamp" ] || [ "$f/.tools" -nt "$k/.stamp" ]; then t=
      elif [ -e "$k/@@DIR@@" ]; then t=$k/@@DIR@@
      fi
    fi ;;
esac
# A live copy (self-updating tool) whose file is newer than its capture stamp, or is no
# longer the file captured, was replaced by the tool itself: the CLI captures it first.
if [ -n "$t" ] && [ -x "$t/bin/@@EXE@@" ]; then
  [ -f "$t/.live" ] && { [ "$t/bin/@@EXE@@" -nt "$t/.live" ] || ! [ "$t/bin/@@EXE@@" -ef "$t/.ref/@@EXE@@" ]; } || exec "$t/bin/@@EXE@@" "$@"
fi
exec @@NODE@@ @@CLI@@ __shim @@TOOL@@ @@EXE@@ "$@"
