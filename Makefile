# The two commands of this project; everything else is in tools/.
.PHONY: setup run test
setup:
	bash tools/setup.sh
run:
	bash tools/run.sh
test:
	bash tools/test.sh
