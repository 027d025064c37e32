"""Toolbar and menu icons: drawn from the bundled icon font in the palette's colours, mirrored
in a right-to-left window when they point along the line."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon

from workshop_app.ui.icons import icon


def ink(image) -> list[tuple[int, int]]:
    return [(x, y) for x in range(image.width()) for y in range(image.height()) if image.pixelColor(x, y).alpha() > 128]


def test_an_icon_is_drawn_and_an_unknown_name_is_empty(qapp):
    drawn = icon("trash").pixmap(QSize(32, 32)).toImage()
    assert len(ink(drawn)) > 30
    assert icon("no-such-icon").isNull()


def test_disabled_icons_are_drawn_in_the_disabled_colour(qapp):
    normal = icon("trash").pixmap(QSize(32, 32), QIcon.Normal).toImage()
    disabled = icon("trash").pixmap(QSize(32, 32), QIcon.Disabled).toImage()
    x, y = ink(normal)[0]
    assert normal.pixelColor(x, y).rgb() != disabled.pixelColor(x, y).rgb()


def test_arrows_along_the_line_are_mirrored_right_to_left(qapp):
    left_to_right = ink(icon("arrow-right").pixmap(QSize(32, 32)).toImage())
    QGuiApplication.setLayoutDirection(Qt.RightToLeft)
    try:
        right_to_left = ink(icon("arrow-right").pixmap(QSize(32, 32)).toImage())
        unmirrored = ink(icon("arrow-up").pixmap(QSize(32, 32)).toImage())
    finally:
        QGuiApplication.setLayoutDirection(Qt.LeftToRight)
    def middle(points):
        return sum(x for x, _ in points) / len(points)

    # The arrow's head weighs on its side: right of the middle, then left of it.
    assert middle(left_to_right) > 16 > middle(right_to_left)
    assert abs(middle(left_to_right) + middle(right_to_left) - 31) < 1.5
    assert unmirrored == ink(icon("arrow-up").pixmap(QSize(32, 32)).toImage())
