# The browser tests and the playground benchmark (issue 14), included by the Makefile. Both drive
# Debian's Chromium (/usr/bin/chromium: `apt-get install chromium`) through Playwright; no browser
# is ever downloaded (`playwright install` is not used).
#   make test-browser   every lesson in a test JupyterLab (Run All, every slider moved), the API
#                       docs offline and Swagger UI's Try it out; on failure a screenshot and the
#                       console log of each failed test go to build/browser-artifacts/
#                       (make test-browser BROWSER_TEST_ARGS=--screenshots=all keeps them for
#                       every test; any pytest option goes there, e.g. -k 04_)
#   make bench-ui       key press on a slider -> changed playground, p50 and p95 over 20 moves
.PHONY: test-browser bench-ui
BROWSER_TEST_ARGS ?=

test-browser: $(STAMP)
	$(BIN)/pytest tests/browser $(BROWSER_TEST_ARGS)

bench-ui: $(STAMP)
	$(BIN)/python bench/bench_ui.py
