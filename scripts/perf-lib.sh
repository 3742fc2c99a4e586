# Helpers shared by scripts/bench.sh and scripts/perf.sh (sourced, POSIX
# sh): medians, PASS/MISS, and the report's rows, which go to the terminal
# and to the results file named by $results.

# median prints the median of the numbers on stdin, one a line.
median() {
	sort -n | awk '{a[NR] = $1} END {if (NR == 0) exit 1; print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'
}

# calc prints an awk expression's value with the format given, e.g.
# calc %.2f "3 / 2".
calc() {
	awk "BEGIN {printf \"$1\", ($2)}"
}

# verdict prints PASS when the awk condition holds, else MISS.
verdict() {
	if awk "BEGIN {exit !($1)}"; then echo PASS; else echo MISS; fi
}

# header prints the column titles.
header() {
	row "figure" "aztoken" "reference" "ratio" "target" "result"
}

# row FIGURE VALUE REFERENCE RATIO TARGET RESULT prints one line of the
# report and appends it to $results.
row() {
	printf '%-38s %26s %12s %7s  %-22s %s\n' "$@" | tee -a "$results"
}

# note prints a line of explanation under the table and keeps it too.
note() {
	printf '  %s\n' "$*" | tee -a "$results"
}
