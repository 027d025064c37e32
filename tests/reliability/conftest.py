from tests.reliability.kill_trials import FIGURES


def pytest_terminal_summary(terminalreporter):
    """The kill -9 figures, for the record of a soak run."""
    if FIGURES.trials:
        terminalreporter.section("reliability figures")
        for line in FIGURES.lines():
            terminalreporter.write_line(line)
