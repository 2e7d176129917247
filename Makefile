# The two set-up commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
# Debian packages the OCR and browser tests need; installed once (as root) by `make test`.
SYSDEPS_PKGS := tesseract-ocr tesseract-ocr-dan chromium
SYSDEPS      := $(VENV)/.sysdeps-stamp
CHROMIUM     ?= $(or $(REFERAT_CHROMIUM),/usr/bin/chromium)

.PHONY: run test corpus score bench clean system-deps heldout real

run: $(STAMP)  ## extract the bundled corpus into dataset/
	$(VENV)/bin/referat extract corpus --out dataset

test: $(STAMP) $(SYSDEPS)  ## set up and run the whole test suite
	$(PY) -m pytest -n 2 -q

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

corpus: $(STAMP)  ## rebuild the corpus PDFs from corpus/sources
	$(PY) corpus/build.py

score: $(STAMP)  ## dev-set score (needs ../shared/eval)
	rm -rf /tmp/referat-dev && $(VENV)/bin/referat extract corpus/bestyrelse-sundheds-it-2020-09-30.pdf --out /tmp/referat-dev -q
	$(PY) ../shared/eval/score.py --out /tmp/referat-dev --gold ../shared/eval/dev

bench: $(STAMP)  ## throughput benchmark (prints ratios)
	$(PY) benchmarks/throughput.py

system-deps:  ## Debian packages the OCR and browser tests use (run as root)
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSDEPS_PKGS) >/dev/null

# Present already: just stamp. Root with apt-get: install once. Otherwise: one line, stop.
$(SYSDEPS):
	@if command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx dan && test -x $(CHROMIUM); then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing Debian packages for the tests: $(SYSDEPS_PKGS)"; $(MAKE) --no-print-directory system-deps; \
	else echo "make test needs the Debian packages $(SYSDEPS_PKGS): run 'sudo make system-deps' once" >&2; exit 1; fi
	@mkdir -p $(VENV) && touch $@

clean:
	rm -rf dataset .pytest_cache

heldout: $(STAMP)  ## render, extract and score the held-out rounds in eval/ (needs ../shared/eval)
	rm -rf /tmp/referat-heldout && $(PY) eval/render.py /tmp/referat-heldout
	for r in /tmp/referat-heldout/round*; do \
	  n=$$(basename $$r); $(VENV)/bin/referat extract $$r --out $$r/out -q && \
	  echo "== $$n" && $(PY) ../shared/eval/score.py --out $$r/out --gold eval/heldout/$$n/gold | tail -1; \
	done

real: $(STAMP)  ## restore the real public minutes in eval/real/ from snapshots, extract and score them (needs ../shared/eval)
	$(PY) eval/real/restore.py
	rm -rf /tmp/referat-real && $(VENV)/bin/referat extract eval/real/pdf --out /tmp/referat-real -q
	$(PY) eval/real/table.py /tmp/referat-real eval/real/gold
