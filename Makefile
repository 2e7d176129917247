# The two set-up commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test corpus score bench clean system-deps

run: $(STAMP)  ## extract the bundled corpus into dataset/
	$(VENV)/bin/referat extract corpus --out dataset

test: $(STAMP)  ## set up and run the whole test suite
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
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-dan chromium poppler-utils >/dev/null

clean:
	rm -rf dataset .pytest_cache
