# Two commands for a fresh clone (only Python 3.11+ needed):
#   make run    install into .venv and open the demo workshop
#   make test   install into .venv, check the code's contracts, run the whole test suite headless
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run lint test soak bench bundle bundle-test screenshots guide-screenshots catalogs clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Pathfinder Workshop needs Python 3.11 or newer; found " + sys.version.split()[0])'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/workshop-app demo --open

# The import contracts and ruff's rules live in pyproject.toml.
lint: $(STAMP)
	$(BIN)/lint-imports --no-cache
	$(BIN)/ruff check --no-cache .

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The one-folder bundle a facilitator copies from a USB stick: dist/PathfinderWorkshop, built by
# PyInstaller from build.spec (packaging/bundle/trim.py says what it leaves out, and why).
BUNDLE := dist/PathfinderWorkshop
bundle: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,bundle]"
	$(BIN)/pyinstaller --noconfirm --log-level ERROR --distpath dist --workpath build build.spec
	mkdir -p $(BUNDLE)/packaging/icons  # install.sh, carried by the bundle, finds it two folders up
	cp -R packaging/linux $(BUNDLE)/packaging/
	cp packaging/icons/*.png $(BUNDLE)/packaging/icons/
	$(BIN)/python packaging/bundle/size.py $(BUNDLE)

# Runs the built program as a borrowed laptop would: empty HOME, no virtualenv on PATH.
bundle-test: bundle
	PATHFINDER_BUNDLE=$(BUNDLE) QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -p no:cacheprovider tests/bundle

# The reliability tests with many more trials than the default run.
soak: $(STAMP)
	PATHFINDER_SOAK=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/reliability

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run_all.py

screenshots: $(STAMP)
	$(BIN)/workshop-app demo --force docs/demo.workshop
	$(BIN)/workshop-app open docs/demo.workshop --page start --screenshot docs/start-page.png --size 1280x800
	$(BIN)/workshop-app open docs/demo.workshop --page overview --screenshot docs/overview.png --size 1280x800
	$(BIN)/workshop-app open docs/demo.workshop --page roadmap --screenshot docs/roadmap.png --size 1280x800
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/merge_screenshot.py docs/merge.png
	$(BIN)/workshop-app open docs/demo.workshop --page agenda --screenshot docs/agenda.png --size 1280x800
	$(BIN)/workshop-app open docs/demo.workshop --page projector --screenshot docs/projector.png --size 1280x720
	$(BIN)/workshop-app open docs/demo.workshop --page roadmap --screenshot docs/roadmap-ar.png --size 1280x800 \
		--language ar --theme light
	rm -f docs/demo.workshop

# The pictures of Help › Guide, taken from the demo so that they show the program as it is, once
# per language of the window: English in resources/guide, the others in resources/guide/<language>,
# where guide.<language>.html finds them. Taken at 1280 wide, where no toolbar label is cut short,
# then scaled to 960 wide (the guide shows them at their own size: a browser that shrinks them
# leaves the text jagged) and reduced to 128 colours. Pillow comes with reportlab.
GUIDE := resources/guide
GUIDE_DEMO := $(or $(TMPDIR),/tmp)/nepal-road-map.workshop
guide-screenshots: $(STAMP)
	$(BIN)/workshop-app demo --force $(GUIDE_DEMO)
	for language in en $(LANGUAGES); do \
		folder=$(GUIDE); [ $$language = en ] || folder=$(GUIDE)/$$language; \
		mkdir -p $$folder || exit 1; \
		for page in start overview stakeholders agenda roadmap; do \
			$(BIN)/workshop-app open $(GUIDE_DEMO) --page $$page --screenshot $$folder/$$page.png --size 1280x800 \
				--theme light --language $$language || exit 1; \
		done; \
		$(BIN)/workshop-app open $(GUIDE_DEMO) --page projector --screenshot $$folder/projector.png --size 1280x720 \
			--language $$language || exit 1; \
	done
	$(BIN)/python -c 'import sys; from PIL import Image; [(lambda i: i.resize((960, i.height * 960 // i.width), Image.Resampling.LANCZOS).quantize(128, dither=Image.Dither.NONE).save(p, optimize=True))(Image.open(p).convert("RGB")) for p in sys.argv[1:]]' \
		$(GUIDE)/*.png $(foreach language,$(LANGUAGES),$(GUIDE)/$(language)/*.png)
	rm -f $(GUIDE_DEMO)

# The message catalogs: extract every marked message into the template, bring each language's
# .po up to date with it (new messages untranslated, none guessed), and compile the .mo files the
# program reads. Babel (a dependency) does all three.
LOCALE := resources/locale
LANGUAGES := fr es ar
catalogs: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k _ -k N_ -k ngettext:1,2 -k n:1,2 -k pgettext:1c,2 -c Translators: --add-location=file \
		--sort-by-file --width=100 --project="Pathfinder Workshop" --copyright-holder="Pathfinder Workshop" \
		-o $(LOCALE)/workshop.pot .
	for language in $(LANGUAGES); do \
		if [ -f $(LOCALE)/$$language/LC_MESSAGES/workshop.po ]; then \
			$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete --width=100 -D workshop -d $(LOCALE) -l $$language \
				-i $(LOCALE)/workshop.pot || exit 1; \
		else \
			$(BIN)/pybabel init --width=100 -D workshop -d $(LOCALE) -l $$language \
				-i $(LOCALE)/workshop.pot || exit 1; \
		fi; \
	done
	$(BIN)/pybabel compile --statistics -D workshop -d $(LOCALE)

clean:
	rm -rf $(VENV) build dist .pytest_cache
