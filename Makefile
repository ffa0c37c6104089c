# The two commands of this project (run, test); everything else is in tools/.
.PHONY: setup run test lint docs
setup:
	bash tools/setup.sh
run:
	bash tools/run.sh
test:
	bash tools/test.sh
# Also the last stage of `make test`.
lint:
	bash tools/lint.sh
# README.rst and static/description/index.html from the addon's readme/ fragments.
docs:
	.venv/bin/python tools/gen_readme.py
