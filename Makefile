# The two commands of the README:
#   make sample   set talkgraph up in .venv and build the example transcript's graph into outputs/
#   make test     the same plus the test tools (the 'test' extra and the real consumers), then the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: sample test test-tools

# only what the tool itself needs; the install compiles extract/linear_chain.c, so a changed C
# source (or setup.py) installs again
$(BIN)/talkgraph: pyproject.toml setup.py extract/linear_chain.c
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

# the test tools on top (pytest, Playwright, hypothesis, pyshacl, the graph servers …)
$(VENV)/.test-tools: $(BIN)/talkgraph
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

sample: $(BIN)/talkgraph
	$(BIN)/talkgraph build examples/idea-2021-panel.txt -o outputs/
	@echo
	@echo "talkgraph is installed in $(VENV)/. Run it as $(BIN)/talkgraph, or activate the environment"
	@echo "first (. $(BIN)/activate) and type talkgraph. Start with:"
	@echo "  $(BIN)/talkgraph --help"
	@echo "  $(BIN)/talkgraph query outputs/ -q affiliations"

test-tools: $(VENV)/.test-tools
	bash scripts/install-test-tools.sh

test: test-tools
	$(BIN)/python -m pytest
