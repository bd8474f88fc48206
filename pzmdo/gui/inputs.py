"""Input widgets that never change clinical data by accident.

- ``install_input_guard``: drop-downs and spin boxes ignore the scroll wheel unless they
  have the keyboard focus, so scrolling a form never changes a value on the way; and
  Enter presses a focused push button on pages too (dialogs already do that).
- ``DateInput``: the one date field. Typed dd-mm-jjjj (parsed by ``pzmdo.domain.dates``,
  the same rules as the CLI and import), a calendar on Alt+Down / F4 or the button, and
  the weekday next to it so a wrong date shows at a glance.
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QTimeEdit,
    QToolButton,
    QWidget,
)
from shiboken6 import isValid

from pzmdo.domain import dates
from pzmdo.domain.errors import ValidationError

_WHEEL_SHY = (QComboBox, QAbstractSpinBox)


class InputGuard(QObject):
    """Application event filter: a drop-down or spin box without focus passes the wheel on
    to its parent (the form scrolls) instead of changing its value; Enter on a focused
    push button outside a dialog clicks it, as Space does."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, _WHEEL_SHY):
            # Default WheelFocus would give the control focus on the first wheel turn.
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif (
            kind == QEvent.Type.Wheel and isinstance(watched, _WHEEL_SHY) and not watched.hasFocus()
        ):
            event.ignore()  # Qt then offers the event to the parent widgets
            return True
        elif (
            kind == QEvent.Type.KeyPress
            and isinstance(watched, QPushButton)
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and not isinstance(watched.window(), QDialog)
            and watched.isEnabled()
            and watched.menu() is None
        ):
            watched.animateClick()
            return True
        elif (
            kind == QEvent.Type.LayoutRequest
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and watched.isVisible()
            and (isinstance(watched, QDialog) or watched.property("fitToContents"))
        ):
            # A message that appears (an error under the form) must not squash the dialog.
            QTimer.singleShot(0, lambda w=watched: grow_to_fit(w))
        return False


def grow_to_fit(window: QWidget) -> None:
    """Make a window tall enough for its (word-wrapped) contents, within the screen."""
    layout = window.layout() if isValid(window) and window.isVisible() else None
    if layout is None:
        return
    # Wrapped labels in width-limited parts (a centred card) get their height directly:
    # Qt's height-for-width does not see a child's maximum width.
    for label in window.findChildren(QLabel):
        if label.wordWrap() and label.isVisible() and label.text() and label.width() > 0:
            need = label.heightForWidth(label.width())
            if need > label.height() and need > label.minimumHeight():
                label.setMinimumHeight(need)
    layout.activate()
    width = window.width()
    need = (
        layout.totalHeightForWidth(width)
        if layout.hasHeightForWidth()
        else layout.totalMinimumSize().height()
    )
    screen = window.screen()
    room = screen.availableGeometry().height() - 40 if screen is not None else need
    if need > window.height():
        window.resize(width, min(need, room))


def install_input_guard(app: QApplication) -> InputGuard:
    existing = app.findChild(InputGuard)
    if existing is not None:
        return existing
    guard = InputGuard(app)
    app.installEventFilter(guard)
    return guard


def _py_date(value: date | QDate) -> date:
    if isinstance(value, QDate):
        return date(value.year(), value.month(), value.day())
    return value


class DateInput(QLineEdit):
    """A date typed as dd-mm-jjjj with the weekday shown inside the field, on the right.

    ``value()`` returns the date (None when empty) or raises the domain's Dutch
    ValidationError; the usual QLineEdit API works on the typed text. Alt+Down or F4
    (or the arrow) opens a calendar."""

    def __init__(
        self,
        value: date | None = None,
        name: str = "",
        parent: QWidget | None = None,
        *,
        what: str = "",
    ) -> None:
        super().__init__(parent)
        self.what = what or self.tr("The date")
        self.minimum: date | None = None
        self.maximum: date | None = None
        self.setPlaceholderText(self.tr("dd-mm-yyyy"))
        self.setMaxLength(10)
        self.setToolTip(
            self.tr("Type the date as dd-mm-yyyy, for example 16-03-2027 (Alt+Down: calendar).")
        )
        self.weekday = QLabel(self)
        self.weekday.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        metrics = self.fontMetrics()
        self._weekday_width = metrics.horizontalAdvance(self.tr("invalid date")) + 8
        self._weekday_width = max(self._weekday_width, metrics.horizontalAdvance("donderdag") + 8)
        self.calendar_action = self.addAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown),
            QLineEdit.ActionPosition.TrailingPosition,
        )
        self.calendar_action.setToolTip(self.tr("Calendar (Alt+Down)"))
        self.calendar_action.triggered.connect(self.show_calendar)
        for button in self.findChildren(QToolButton):
            button.setAccessibleName(self.tr("Calendar"))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down opens it by keyboard
        self.setTextMargins(0, 0, self._weekday_width, 0)
        self.setMinimumWidth(metrics.horizontalAdvance("00-00-00000") + self._weekday_width + 40)
        self.setMaximumWidth(self.minimumWidth() + 60)
        self.textChanged.connect(self._typed)
        self.calendar: QCalendarWidget | None = None
        if name:
            self.setAccessibleName(name)
        self.setValue(value)

    # -- API ---------------------------------------------------------------------------
    def setValue(self, value: date | None) -> None:  # noqa: N802 - Qt style
        self.setText(dates.format_date(value))

    def setDate(self, value: date | QDate) -> None:  # noqa: N802 - Qt style
        self.setValue(_py_date(value))

    def setMinimumDate(self, value: date | QDate) -> None:  # noqa: N802 - Qt style
        self.minimum = _py_date(value)

    def setMaximumDate(self, value: date | QDate) -> None:  # noqa: N802 - Qt style
        self.maximum = _py_date(value)

    def value(self) -> date | None:
        """The typed date, None when empty; a Dutch ValidationError when it is no date."""
        day = dates.parse_optional_date(self.text(), self.what)
        if day is not None and self.minimum is not None and day < self.minimum:
            raise ValidationError(
                f"{self.what} ({dates.format_date(day)}) ligt vóór "
                f"{dates.format_date(self.minimum)}. Kies een latere datum."
            )
        if day is not None and self.maximum is not None and day > self.maximum:
            raise ValidationError(
                f"{self.what} ({dates.format_date(day)}) ligt na "
                f"{dates.format_date(self.maximum)}. Kies een eerdere datum."
            )
        return day

    def required_value(self) -> date:
        day = self.value()
        if day is None:
            dates.parse_date("", self.what)  # raises the "not filled in" sentence
        assert day is not None
        return day

    # -- behaviour ---------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if event.key() == Qt.Key.Key_F4 or (alt and event.key() == Qt.Key.Key_Down):
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        icon_room = self.height()  # the trailing calendar arrow is about square
        self.weekday.setGeometry(
            self.width() - icon_room - self._weekday_width, 0, self._weekday_width, self.height()
        )

    def _typed(self, text: str) -> None:
        raw = text.strip()
        if not raw:
            self.weekday.setText("")
        else:
            try:
                day = dates.parse_date(raw)
            except ValidationError:
                complete = len(raw) >= 8
                self.weekday.setText(self.tr("invalid date") if complete else "")
                self.weekday.setStyleSheet("color: #a01010;")
            else:
                self.weekday.setText(dates.weekday_name(day))
                self.weekday.setStyleSheet("color: #555555;")
        described = self.weekday.text()
        self.setAccessibleDescription(described)

    def show_calendar(self) -> None:
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setAccessibleName(self.tr("Calendar"))
        calendar.setGridVisible(True)
        calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        try:
            current = dates.parse_date(self.text())
        except ValidationError:
            current = date.today()
        calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        calendar.activated.connect(lambda d: self._picked(calendar, d))
        calendar.clicked.connect(lambda d: self._picked(calendar, d))
        calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar = calendar
        calendar.show()
        calendar.setFocus()

    def _picked(self, calendar: QCalendarWidget, day: QDate) -> None:
        self.setValue(date(day.year(), day.month(), day.day()))
        calendar.close()
        self.setFocus()


class DateTimeInput(QWidget):
    """A date (``DateInput``) and a time (uu:mm) for moments such as a consultation."""

    changed = Signal()

    def __init__(self, name: str = "", parent: QWidget | None = None, *, what: str = "") -> None:
        super().__init__(parent)
        self.day = DateInput(what=what)
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.day, 1)
        layout.addWidget(self.time)
        self.setFocusProxy(self.day)
        self.setAccessibleName(name)
        self.day.textChanged.connect(self.changed)
        self.time.timeChanged.connect(self.changed)

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt API
        super().setAccessibleName(name)
        self.day.setAccessibleName(name)
        self.time.setAccessibleName(self.tr("%1: time").replace("%1", name))

    def setDateTime(self, moment: datetime | QDateTime) -> None:  # noqa: N802 - Qt style
        if isinstance(moment, QDateTime):
            qd, qt = moment.date(), moment.time()
            moment = datetime(qd.year(), qd.month(), qd.day(), qt.hour(), qt.minute())
        self.day.setValue(moment.date())
        self.time.setTime(QTime(moment.hour, moment.minute))

    def value(self) -> datetime:
        """The naive local datetime, or a Dutch ValidationError."""
        day = self.day.required_value()
        t = self.time.time()
        return datetime.combine(day, time(t.hour(), t.minute()))
