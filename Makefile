# The two commands of the README:
#   make sample   set everything up and build the example transcript's graph into outputs/
#   make test     set everything up (test tools included) and run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: sample test test-tools

$(BIN)/talkgraph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

sample: $(BIN)/talkgraph
	$(BIN)/talkgraph build examples/idea-2021-panel.txt -o outputs/

test-tools: $(BIN)/talkgraph
	bash scripts/install-test-tools.sh

test: test-tools
	$(BIN)/python -m pytest
