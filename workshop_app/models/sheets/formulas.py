"""A cell that holds a formula, for an import that must not take a formula's result for what
someone typed (xlsx.ReadOnlyWorkbook.rows(title, formulas=True))."""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FormulaCell:
    """A formula's cell. Its result was computed by whatever saved the workbook, not typed; and a
    program that does not calculate (openpyxl, many scripts) saves no result at all, which would
    otherwise read as an emptied cell. `result`: the value saved with the formula, None when
    there is none."""
    result: Any = None
