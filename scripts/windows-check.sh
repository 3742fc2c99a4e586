#!/bin/sh
# Checks the Windows package on Linux as far as Linux can (make
# package-windows runs it on dist/):
#
#   - aztoken.exe is a GUI-subsystem executable: started from Explorer it
#     opens no console window;
#   - aztoken.com is a console-subsystem executable, and the same file in
#     every other byte: cmd.exe and PowerShell run it for `aztoken`, wait
#     for it, show its output and set the exit code;
#   - the zip holds both;
#   - under Wine, aztoken.com prints its version and exits non-zero for a
#     profile that does not exist.
#
# What only Windows can show is left to it: Wine passes a GUI exe's output
# through to the terminal as well, so it cannot tell the two apart by
# running them; `file` and the PE header can.
#
# Usage: windows-check.sh DIST-DIR
set -eu
dist=${1:?usage: windows-check.sh DIST-DIR}
exe=$dist/aztoken.exe com=$dist/aztoken.com zip=$dist/aztoken-windows-amd64.zip

fail() {
	echo "windows-check: FAIL: $*" >&2
	exit 1
}
pass() { echo "windows-check: PASS: $*"; }

kind=$(file -b "$exe")
case $kind in "PE32+ executable (GUI)"*) pass "aztoken.exe: $kind" ;; *) fail "aztoken.exe is not a GUI-subsystem exe: $kind" ;; esac
kind=$(file -b "$com")
case $kind in "PE32+ executable (console)"*) pass "aztoken.com: $kind" ;; *) fail "aztoken.com is not a console-subsystem exe: $kind" ;; esac
# cmp -l lists each differing byte (1-based offset, old and new value in
# octal). The optional header starts 24 bytes after e_lfanew (at 0x3c);
# only its CheckSum (+64, cleared) and Subsystem (+68, 2 for GUI to 3 for
# console) may differ.
opt=$(($(od -An -tu4 -j60 -N4 "$exe" | tr -d ' ') + 24))
cmp -l "$exe" "$com" >"$dist/.twin.cmp" || true
awk -v lo=$((opt + 65)) -v hi=$((opt + 70)) -v subsystem=$((opt + 69)) '
	$1 < lo || $1 > hi {bad = bad " " $1}
	$1 == subsystem && $2 == 2 && $3 == 3 {flipped = 1}
	END {if (bad != "" || !flipped) {print "bytes" bad; exit 1}}' "$dist/.twin.cmp" ||
	fail "aztoken.com should differ from aztoken.exe only in the PE subsystem (GUI to console) and checksum: $(head -5 "$dist/.twin.cmp")"
rm -f "$dist/.twin.cmp"
pass "aztoken.com is aztoken.exe but for the PE subsystem (console) and the cleared checksum"
listed=$(unzip -Z1 "$zip" | sort | tr '\n' ' ')
[ "$listed" = "aztoken.com aztoken.exe " ] || fail "$zip holds: $listed, want aztoken.com and aztoken.exe"
pass "$zip holds aztoken.exe and aztoken.com"

if ! command -v wine >/dev/null 2>&1; then
	echo "windows-check: SKIP: no Wine to run aztoken.com (scripts/setup.sh windows installs it)"
	exit 0
fi

# A throwaway Wine prefix: its Credential Manager and %AppData% vanish
# with it.
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
export WINEPREFIX="$prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
wineboot --init >/dev/null 2>&1 || fail "wineboot --init failed in $prefix"

# Wine 8 has no bcryptprimitives.dll, whose ProcessPrng the Go runtime
# (1.22 and later) loads at start; this stand-in forwards to BCryptGenRandom.
# Wine loads it only from system32, not from beside the exe.
cat >"$prefix/bcryptprimitives.c" <<'C'
#include <windows.h>
#include <bcrypt.h>
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (BCryptGenRandom(NULL, data, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0) return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
C
printf 'LIBRARY bcryptprimitives\nEXPORTS\nProcessPrng\n' >"$prefix/bcryptprimitives.def"
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$prefix/drive_c/windows/system32/bcryptprimitives.dll" \
	"$prefix/bcryptprimitives.c" "$prefix/bcryptprimitives.def" -lbcrypt ||
	fail "could not build the bcryptprimitives.dll stand-in with MinGW"

status=0
version=$(wine "$com" version 2>"$prefix/version.err") || status=$?
if [ "$status" -ne 0 ]; then
	cat "$prefix/version.err" >&2
	fail "wine aztoken.com version exited $status"
fi
case $version in "aztoken "[0-9]*) pass "wine aztoken.com version: $version" ;; *) fail "wine aztoken.com version printed: $version" ;; esac

status=0
wine "$com" token -p nosuch >"$prefix/nosuch.out" 2>"$prefix/nosuch.err" || status=$?
[ "$status" -ne 0 ] || fail "wine aztoken.com token -p nosuch exited 0"
grep -q nosuch "$prefix/nosuch.err" || {
	cat "$prefix/nosuch.err" >&2
	fail "wine aztoken.com token -p nosuch did not name the missing profile on stderr"
}
pass "wine aztoken.com token -p nosuch: exit $status, $(head -1 "$prefix/nosuch.err")"
