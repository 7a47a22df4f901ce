"""The checks room: every rule about the bank in one registry (registry.py), each with a
stable code, a one-line summary and a failing fixture in tests/fixtures/rules/. One
orchestration (run.py) applies them for `make validate`, the build and the tests alike, and
problems are reported as `PATH:LINE:COL: field.path: message [CODE]` (problems.py)."""
