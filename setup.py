"""The compiled part of talkgraph; everything else about the package is in pyproject.toml.

``extract/linear_chain.c`` is the mention model's per-character work (state scores, Viterbi,
marginals) written against CPython's API and the buffer protocol alone, so a C compiler and
Python's headers are all it needs.  No fused multiply-add (``-ffp-contract=off``): it would round
differently from CRFsuite, whose doubles the tagging repeats to the bit.  (setuptools' own table
for this in pyproject.toml, ``ext-modules``, is still marked experimental.)
"""
from setuptools import Extension, setup

setup(ext_modules=[Extension("talkgraph.extract.linear_chain", ["extract/linear_chain.c"],
                             extra_compile_args=["-O3", "-ffp-contract=off"])])
