# The README's commands. Each one installs what it needs first (see .ci/setup).
.PHONY: serve test build check bench lint

serve:  ## install, then serve the site with live reload at http://127.0.0.1:8000
	@.ci/setup
	python3 -m uv run mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

test:  ## install (Chromium included), then run every test
	@.ci/setup --browser
	python3 -m uv run pytest

build:  ## install, then build the static site into site/ for deployment
	@.ci/setup
	python3 -m uv run mkdocs build --strict --clean

check:  ## fast content check: every problem as path:line, no site build
	@.ci/setup
	python3 -m uv run edusite check

bench:  ## speed benchmark: prints ratios
	@.ci/setup --browser
	python3 -m uv run python -m tests.bench

lint:
	@.ci/setup
	python3 -m uv run ruff check .
	python3 -m uv run ruff format --check .
	npx biome lint --error-on-warnings
