"""The layout keeps showing the architecture: small packages by domain, small files."""

from pathlib import Path

import workshop_app

PACKAGE = Path(workshop_app.__file__).parent
MOST_MODULES = 12
MOST_LINES = 600


def test_every_package_holds_at_most_twelve_modules():
    crowded = {}
    for init in PACKAGE.rglob("__init__.py"):
        modules = [path for path in init.parent.glob("*.py") if path.name != "__init__.py"]
        if len(modules) > MOST_MODULES:
            crowded[str(init.parent.relative_to(PACKAGE.parent))] = len(modules)
    assert crowded == {}


def test_no_module_is_over_six_hundred_lines():
    long = {str(path.relative_to(PACKAGE.parent)): count for path in PACKAGE.rglob("*.py")
            if (count := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES}
    assert long == {}


def test_every_package_states_its_public_names():
    silent = [str(init.parent.relative_to(PACKAGE.parent)) for init in PACKAGE.rglob("__init__.py")
              if "__all__" not in init.read_text(encoding="utf-8") and init.parent != PACKAGE]
    assert silent == []


def test_no_colour_is_named_outside_the_palette():
    """A colour written in a widget stays light on a dark desktop (or dark on a light one)."""
    import re

    colour = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|QColor\(\s*['\"]|Qt\.(?:red|blue|green|darkRed|gray)\b")
    ui = Path(__file__).parent.parent / "workshop_app" / "ui"
    named = [f"{path.relative_to(ui)}:{number}" for path in sorted(ui.rglob("*.py")) if path.name != "palette.py"
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if colour.search(line)]
    assert named == []
