# The Korean edition (issue 15), included by the Makefile. The English notebooks are the source:
# notebooks/ko/NN_name.ipynb = notebooks/NN_name.ipynb + locale/ko/notebooks/NN_name.po, executed.
#   make ko          build (and run) every Korean lesson whose translation is complete
#                    (make ko LESSON=06 builds lesson 06 alone)
#   make ko-extract  create or update the .po files after the English lessons change
#   make ko-check    what the tests check: no stale, missing or fuzzy translation, same code
#   make ko-status   how much of each lesson is translated
.PHONY: ko ko-extract ko-check ko-status
LESSON ?=

ko: $(STAMP)
	$(BIN)/python -m tools.i18n build --lesson "$(LESSON)"

ko-extract: $(STAMP)
	$(BIN)/python -m tools.i18n extract --lesson "$(LESSON)"

ko-check: $(STAMP)
	$(BIN)/python -m tools.i18n check

ko-status: $(STAMP)
	$(BIN)/python -m tools.i18n status
