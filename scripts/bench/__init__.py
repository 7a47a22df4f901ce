"""The benchmarks room: our pipeline against the same pages as a plain Material site, in one
run (scripts/bench.py runs it, `make bench`; never part of `make test`).

synthetic.py makes banks of any size shaped like the real one; plain_site.py writes the
same pages as a plain Material project; measure.py times builds and measures sites;
search.py measures the search index; lighthouse.py runs Lighthouse on every page type;
machine.py records where the numbers come from; report.py turns results.json into
benchmarks/README.md."""
